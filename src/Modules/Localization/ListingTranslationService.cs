using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Tradewind.Contracts;
using Tradewind.Contracts.Catalog;
using Tradewind.Contracts.Localization;
using Tradewind.Localization.Engines;
using Tradewind.Localization.Translations;
using Tradewind.Persistence;
using Tradewind.Persistence.Auditing;
using Tradewind.Persistence.Outbox;
using Tradewind.Primitives.Ids;

namespace Tradewind.Localization;

/// <summary>Listing translations: what the storefront and the seller see, and the seller's changes.</summary>
internal sealed partial class ListingTranslationService(
    TradewindDbContext db,
    ICatalogQueries catalog,
    IOptions<TranslationSettings> settings,
    TranslationEngines engines,
    Outbox outbox,
    AuditTrail audit,
    TimeProvider clock) : IListingTranslationQueries, IListingTranslationCommands
{
    private static readonly TranslationStatus[] Shown = [TranslationStatus.Machine, TranslationStatus.HumanReviewed];

    public IReadOnlyList<string> TargetLanguages => settings.Value.Targets;

    private string SourceLanguage => settings.Value.SourceLanguage;

    public async Task<StorefrontTranslation?> FindForStorefrontAsync(ProductId productId, int revision, string language, CancellationToken cancellationToken)
    {
        if (!TargetLanguages.Contains(language, StringComparer.Ordinal))
        {
            return null;
        }

        var state = await db.Set<ListingLanguage>().AsNoTracking().SingleOrDefaultAsync(l => l.ProductId == productId && l.Language == language, cancellationToken);
        var rows = await db.Set<FieldTranslation>().AsNoTracking().Where(t => t.ProductId == productId && t.Language == language).ToListAsync(cancellationToken);
        var fingerprint = FieldTranslator.Hash(string.Join(
            '|',
            new[] { language, state?.OptedOut.ToString() ?? "-", state?.Status.ToString() ?? "-", revision.ToString(System.Globalization.CultureInfo.InvariantCulture) }
                .Concat(rows.OrderBy(r => r.Field, StringComparer.Ordinal).Select(r => $"{r.Field}:{r.Status}:{r.SourceRevision}:{r.UpdatedAt.UtcTicks}"))))[..16];
        var statuses = rows.ToDictionary(r => r.Field, r => r.Status, StringComparer.Ordinal);
        if (state?.OptedOut == true)
        {
            return new StorefrontTranslation(language, SourceLanguage, StorefrontTranslationKind.OptedOut, new Dictionary<string, string>(), statuses, fingerprint);
        }

        var shown = rows.Where(r => r.SourceRevision == revision && Shown.Contains(r.Status) && r.Text is not null).ToList();
        var kind = shown.Count == 0
            ? (state is null || state.Status == TranslationStatus.Pending || rows.Any(r => r.Status is TranslationStatus.Pending or TranslationStatus.Stale)) && state?.Status is not TranslationStatus.NoEngine
                ? StorefrontTranslationKind.Pending
                : StorefrontTranslationKind.NotAvailable
            : shown.Any(r => r.Status == TranslationStatus.Machine) ? StorefrontTranslationKind.Machine : StorefrontTranslationKind.HumanReviewed;
        return new StorefrontTranslation(language, SourceLanguage, kind, shown.ToDictionary(r => r.Field, r => r.Text!, StringComparer.Ordinal), statuses, fingerprint);
    }

    public async Task<ListingTranslationsDto?> GetAsync(ProductId productId, TranslationCaller caller, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var glossary = await db.Set<ListingGlossary>().AsNoTracking().SingleOrDefaultAsync(g => g.ProductId == productId, cancellationToken);
        var source = await ListingSource.LoadAsync(catalog, productId, caller, glossary?.Terms ?? [], cancellationToken);
        return source is null ? null : await ViewAsync(source, glossary?.Terms ?? [], cancellationToken);
    }

    public async Task<IReadOnlyDictionary<ProductId, IReadOnlyList<TranslatedSearchText>>> GetSearchTextsAsync(IReadOnlyCollection<ProductId> productIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(productIds);
        var ids = productIds.Distinct().ToList();
        var optedOut = await db.Set<ListingLanguage>().AsNoTracking().Where(l => ids.Contains(l.ProductId) && l.OptedOut)
            .Select(l => new { l.ProductId, l.Language }).ToListAsync(cancellationToken);
        var rows = await db.Set<FieldTranslation>().AsNoTracking()
            .Where(t => ids.Contains(t.ProductId) && (t.Status == TranslationStatus.Machine || t.Status == TranslationStatus.HumanReviewed) && t.Text != null)
            .ToListAsync(cancellationToken);
        return rows
            .Where(r => !optedOut.Any(o => o.ProductId == r.ProductId && o.Language == r.Language))
            .GroupBy(r => r.ProductId)
            .ToDictionary(
                g => g.Key,
                g => (IReadOnlyList<TranslatedSearchText>)g.GroupBy(r => r.Language, StringComparer.Ordinal).Select(l =>
                {
                    // Only the newest revision's translations: an older one may describe text no longer on the page.
                    var newest = l.Max(r => r.SourceRevision);
                    var fields = l.Where(r => r.SourceRevision == newest).ToDictionary(r => r.Field, r => r.Text!, StringComparer.Ordinal);
                    return new TranslatedSearchText(
                        l.Key,
                        fields.GetValueOrDefault(TranslatedFields.Title),
                        fields.GetValueOrDefault(TranslatedFields.ShortDescription),
                        fields.GetValueOrDefault(TranslatedFields.LongDescription),
                        fields.GetValueOrDefault(TranslatedFields.Highlights)?.Split('\n', StringSplitOptions.RemoveEmptyEntries) ?? []);
                }).ToList());
    }

    public async Task<ListingTranslationsDto> EditAsync(ProductId productId, string language, string field, string text, TranslationCaller caller, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(text);
        var (source, terms) = await LoadOwnAsync(productId, caller, cancellationToken);
        RequireTarget(language);
        var validation = new Validation()
            .Require(TranslatedFields.All.Contains(field, StringComparer.Ordinal), "field", $"Field is one of: {string.Join(", ", TranslatedFields.All)}.")
            .Require(text.Trim().Length > 0, "text", "Write the translation, or opt the language out.")
            .Require(text.Length <= ListingSource.MaxLength(field), "text", $"A translation of this field has at most {ListingSource.MaxLength(field)} characters.");
        validation.ThrowIfInvalid();
        if (!source.Fields.TryGetValue(field, out var original))
        {
            throw new DomainException("translation-source-missing", "This field has no published text to translate.", DomainErrorKind.Conflict);
        }

        var now = clock.GetUtcNow();
        var row = await db.Set<FieldTranslation>().SingleOrDefaultAsync(t => t.ProductId == productId && t.Language == language && t.Field == field, cancellationToken);
        if (row is null)
        {
            row = new FieldTranslation { ProductId = productId, Language = language, Field = field, SellerId = source.SellerId };
            db.Add(row);
        }

        var cleaned = field == TranslatedFields.Highlights ? string.Join('\n', text.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0)) : text.Replace("\r\n", "\n", StringComparison.Ordinal).Trim();
        row.Text = cleaned;
        row.Status = TranslationStatus.HumanReviewed;
        row.SourceHash = FieldTranslator.Hash(original);
        row.SourceRevision = source.Revision;
        row.Engine = null;
        row.Reason = null;
        row.ReviewedBy = caller.Actor;
        row.UpdatedAt = now;
        audit.Record(caller.Actor, source.SellerId.Value, "translation.edited", $"product:{productId}", $"{language} {field}");
        outbox.Add(new ListingTranslationsChanged(productId, language, now));
        await db.SaveChangesAsync(cancellationToken);
        return await ViewAsync(source, terms, cancellationToken);
    }

    public async Task<ListingTranslationsDto> RetranslateAsync(ProductId productId, string language, TranslationCaller caller, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var (source, terms) = await LoadOwnAsync(productId, caller, cancellationToken);
        RequireTarget(language);
        RequirePublished(source);
        var state = await StateAsync(source, language, cancellationToken);
        if (state.OptedOut)
        {
            throw new DomainException("translation-opted-out", $"The listing is opted out of {language}; opt it back in first.", DomainErrorKind.Conflict);
        }

        state.Status = TranslationStatus.Pending;
        state.LastError = null;
        state.UpdatedAt = clock.GetUtcNow();
        Enqueue(source, language, force: true);
        audit.Record(caller.Actor, source.SellerId.Value, "translation.requested", $"product:{productId}", language);
        await db.SaveChangesAsync(cancellationToken);
        return await ViewAsync(source, terms, cancellationToken);
    }

    public async Task<ListingTranslationsDto> SetOptOutAsync(ProductId productId, string language, bool optedOut, TranslationCaller caller, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var (source, terms) = await LoadOwnAsync(productId, caller, cancellationToken);
        RequireTarget(language);
        var state = await StateAsync(source, language, cancellationToken);
        if (state.OptedOut != optedOut)
        {
            var now = clock.GetUtcNow();
            state.OptedOut = optedOut;
            state.Status = optedOut ? TranslationStatus.OptedOut : TranslationStatus.Pending;
            state.LastError = null;
            state.UpdatedAt = now;
            if (!optedOut && source.Revision > 0)
            {
                Enqueue(source, language, force: false);
            }

            audit.Record(caller.Actor, source.SellerId.Value, optedOut ? "translation.opted-out" : "translation.opted-in", $"product:{productId}", language);
            outbox.Add(new ListingTranslationsChanged(productId, language, now));
            await db.SaveChangesAsync(cancellationToken);
        }

        return await ViewAsync(source, terms, cancellationToken);
    }

    public async Task<ListingTranslationsDto> SetGlossaryAsync(ProductId productId, IReadOnlyList<string> terms, TranslationCaller caller, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(terms);
        ArgumentNullException.ThrowIfNull(caller);
        var (source, _) = await LoadOwnAsync(productId, caller, cancellationToken);
        var cleaned = terms.Select(t => t.Trim()).Where(t => t.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        new Validation()
            .Require(cleaned.Count <= 50, "terms", "Give up to 50 protected terms.")
            .Require(cleaned.All(t => t.Length <= 100), "terms", "A protected term has up to 100 characters.")
            .ThrowIfInvalid();
        var now = clock.GetUtcNow();
        var glossary = await db.Set<ListingGlossary>().SingleOrDefaultAsync(g => g.ProductId == productId, cancellationToken);
        if (glossary is null)
        {
            glossary = new ListingGlossary { ProductId = productId, SellerId = source.SellerId };
            db.Add(glossary);
        }

        if (!glossary.Terms.SequenceEqual(cleaned, StringComparer.Ordinal))
        {
            glossary.Terms = cleaned;
            glossary.UpdatedAt = now;
            audit.Record(caller.Actor, source.SellerId.Value, "translation.glossary-changed", $"product:{productId}", string.Join(", ", cleaned));
            if (source.Revision > 0)
            {
                // The masking changes with the glossary: translate again, keeping the seller's own translations.
                var states = await db.Set<ListingLanguage>().Where(l => l.ProductId == productId).ToListAsync(cancellationToken);
                foreach (var language in TargetLanguages.Where(l => !states.Any(s => s.Language == l && s.OptedOut)))
                {
                    Enqueue(source, language, force: true);
                }
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        var updated = await ListingSource.LoadAsync(catalog, productId, caller, cleaned, cancellationToken) ?? source;
        return await ViewAsync(updated, cleaned, cancellationToken);
    }

    private async Task<(ListingSource Source, IReadOnlyList<string> Terms)> LoadOwnAsync(ProductId productId, TranslationCaller caller, CancellationToken cancellationToken)
    {
        var terms = await db.Set<ListingGlossary>().AsNoTracking().Where(g => g.ProductId == productId).Select(g => g.Terms).SingleOrDefaultAsync(cancellationToken) ?? [];
        var source = await ListingSource.LoadAsync(catalog, productId, caller, terms, cancellationToken)
            ?? throw new DomainException("product-not-found", $"Product {productId} does not exist.", DomainErrorKind.NotFound);
        return (source, terms);
    }

    private void RequireTarget(string language)
    {
        if (!TargetLanguages.Contains(language, StringComparer.Ordinal))
        {
            throw new DomainException("translation-language-unknown", $"Listings are translated into {string.Join(", ", TargetLanguages)}; not into '{language}'.", DomainErrorKind.NotFound);
        }
    }

    private static void RequirePublished(ListingSource source)
    {
        if (source.Revision == 0)
        {
            throw new DomainException("translation-not-published", "Only a published listing is translated.", DomainErrorKind.Conflict);
        }
    }

    private async Task<ListingLanguage> StateAsync(ListingSource source, string language, CancellationToken cancellationToken)
    {
        var state = await db.Set<ListingLanguage>().SingleOrDefaultAsync(l => l.ProductId == source.ProductId && l.Language == language, cancellationToken);
        if (state is null)
        {
            state = new ListingLanguage
            {
                ProductId = source.ProductId,
                Language = language,
                SellerId = source.SellerId,
                Revision = source.Revision,
                Status = TranslationStatus.Pending,
                UpdatedAt = clock.GetUtcNow(),
            };
            db.Add(state);
        }

        return state;
    }

    private void Enqueue(ListingSource source, string language, bool force)
    {
        var now = clock.GetUtcNow();
        db.Add(new TranslationJob
        {
            Id = Guid.CreateVersion7(now),
            ProductId = source.ProductId,
            SellerId = source.SellerId,
            Language = language,
            Revision = source.Revision,
            Force = force,
            State = TranslationJobState.Pending,
            DueAt = now,
            CreatedAt = now,
        });
    }

    private async Task<ListingTranslationsDto> ViewAsync(ListingSource source, IReadOnlyList<string> sellerTerms, CancellationToken cancellationToken)
    {
        var states = await db.Set<ListingLanguage>().AsNoTracking().Where(l => l.ProductId == source.ProductId).ToListAsync(cancellationToken);
        var rows = await db.Set<FieldTranslation>().AsNoTracking().Where(t => t.ProductId == source.ProductId).ToListAsync(cancellationToken);
        var languages = TargetLanguages.Select(language =>
        {
            var state = states.SingleOrDefault(s => s.Language == language);
            var fields = TranslatedFields.All.Where(source.Fields.ContainsKey).Select(field =>
            {
                var row = rows.SingleOrDefault(r => r.Language == language && r.Field == field);
                var status = state?.OptedOut == true ? TranslationStatus.OptedOut
                    : row is null ? state?.Status is TranslationStatus.NoEngine ? TranslationStatus.NoEngine : TranslationStatus.Pending
                    : row.Status is TranslationStatus.Machine or TranslationStatus.HumanReviewed && row.SourceRevision != source.Revision ? TranslationStatus.Stale
                    : row.Status;
                return new FieldTranslationDto(field, source.Fields[field], row?.Text, status, row?.Engine, row?.Reason, row?.UpdatedAt, row?.ReviewedBy);
            }).ToList();
            return new LanguageTranslationDto(
                language, state?.OptedOut ?? false, state?.Status ?? TranslationStatus.Pending, state?.Revision, state?.LastError, fields);
        }).ToList();
        return new ListingTranslationsDto(
            source.ProductId, SourceLanguage, source.Revision == 0 ? null : source.Revision, source.ProtectedTerms.Except(sellerTerms, StringComparer.Ordinal).ToList(), sellerTerms, languages);
    }
}
