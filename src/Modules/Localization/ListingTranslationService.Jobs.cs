using Microsoft.EntityFrameworkCore;
using Tradewind.Contracts.Catalog;
using Tradewind.Contracts.Localization;
using Tradewind.Localization.Translations;

namespace Tradewind.Localization;

internal sealed partial class ListingTranslationService
{
    private static readonly TimeSpan JobLease = TimeSpan.FromMinutes(5);
    private const int JobBatch = 20;

    /// <summary>
    /// A revision was published: fields whose text changed become stale (a human review of unchanged text stays), and
    /// every target language that is not opted out gets a job. Delivered at least once, so a second delivery adds nothing.
    /// </summary>
    public async Task OnPublishedAsync(ProductPublished published, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(published);
        var terms = await db.Set<ListingGlossary>().AsNoTracking().Where(g => g.ProductId == published.ProductId).Select(g => g.Terms).SingleOrDefaultAsync(cancellationToken) ?? [];
        var source = await ListingSource.LoadAsync(catalog, published.ProductId, new TranslationCaller(published.SellerId, false, "localization"), terms, cancellationToken);
        if (source is null || source.Revision != published.Revision)
        {
            // Gone, or a newer revision is already published (its own event enqueues its jobs).
            return;
        }

        var now = clock.GetUtcNow();
        var rows = await db.Set<FieldTranslation>().Where(t => t.ProductId == source.ProductId).ToListAsync(cancellationToken);
        foreach (var row in rows.Where(r => r.SourceRevision < source.Revision))
        {
            if (source.Fields.TryGetValue(row.Field, out var text) && FieldTranslator.Hash(text) == row.SourceHash)
            {
                row.SourceRevision = source.Revision;
            }
            else if (row.Status is not TranslationStatus.Stale)
            {
                row.Status = TranslationStatus.Stale;
                row.UpdatedAt = now;
            }
        }

        var queued = await db.Set<TranslationJob>().Where(j => j.ProductId == source.ProductId && j.Revision == source.Revision && j.State == TranslationJobState.Pending)
            .Select(j => j.Language).ToListAsync(cancellationToken);
        foreach (var language in TargetLanguages)
        {
            var state = await StateAsync(source, language, cancellationToken);
            state.Revision = source.Revision;
            state.UpdatedAt = now;
            if (state.OptedOut || queued.Contains(language, StringComparer.Ordinal))
            {
                continue;
            }

            state.Status = TranslationStatus.Pending;
            state.LastError = null;
            Enqueue(source, language, force: false);
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task<int> RunPendingJobsAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var candidates = await db.Set<TranslationJob>()
            .Where(j => j.State == TranslationJobState.Pending && j.DueAt <= now && (j.LockedUntil == null || j.LockedUntil < now))
            .OrderBy(j => j.DueAt)
            .Select(j => j.Id)
            .Take(JobBatch)
            .ToListAsync(cancellationToken);
        var ran = 0;
        foreach (var id in candidates)
        {
            var leaseEnd = clock.GetUtcNow() + JobLease;
            var claimed = await db.Set<TranslationJob>()
                .Where(j => j.Id == id && j.State == TranslationJobState.Pending && (j.LockedUntil == null || j.LockedUntil < now))
                .ExecuteUpdateAsync(s => s.SetProperty(j => j.LockedUntil, leaseEnd), cancellationToken);
            if (claimed == 0)
            {
                continue;
            }

            db.ChangeTracker.Clear();
            var job = await db.Set<TranslationJob>().AsNoTracking().SingleAsync(j => j.Id == id, cancellationToken);
            try
            {
                await RunAsync(job, cancellationToken);
            }
            catch (TranslationEngineException ex)
            {
                await FailAsync(job, ex.Message, cancellationToken);
            }

            ran++;
        }

        return ran;
    }

    private async Task RunAsync(TranslationJob job, CancellationToken cancellationToken)
    {
        var terms = await db.Set<ListingGlossary>().AsNoTracking().Where(g => g.ProductId == job.ProductId).Select(g => g.Terms).SingleOrDefaultAsync(cancellationToken) ?? [];
        var source = await ListingSource.LoadAsync(catalog, job.ProductId, new TranslationCaller(job.SellerId, false, "localization"), terms, cancellationToken);
        if (source is null || !source.Listed || source.Revision != job.Revision)
        {
            // Taken off the storefront, or superseded by a newer revision whose own job translates it.
            await CompleteAsync(job, null, [], [], cancellationToken);
            return;
        }

        var state = await db.Set<ListingLanguage>().AsNoTracking().SingleOrDefaultAsync(l => l.ProductId == job.ProductId && l.Language == job.Language, cancellationToken);
        if (state?.OptedOut == true)
        {
            await CompleteAsync(job, (TranslationStatus.OptedOut, null), [], [], cancellationToken);
            return;
        }

        var engine = engines.For(SourceLanguage, job.Language);
        string? noEngine = engine is null
            ? $"No translation engine is configured for {SourceLanguage}→{job.Language}."
            : await engine.SupportsAsync(SourceLanguage, job.Language, cancellationToken) ? null : $"Engine {engine.Name} cannot translate {SourceLanguage}→{job.Language}.";

        var rows = await db.Set<FieldTranslation>().AsNoTracking().Where(t => t.ProductId == job.ProductId && t.Language == job.Language).ToListAsync(cancellationToken);
        var translator = new FieldTranslator(db, clock);
        var results = new List<FieldTranslation>();
        var now = clock.GetUtcNow();
        foreach (var (field, text) in source.Fields)
        {
            var hash = FieldTranslator.Hash(text);
            var row = rows.SingleOrDefault(r => r.Field == field);
            if (row is { Status: TranslationStatus.HumanReviewed } && row.SourceHash == hash)
            {
                continue;
            }

            if (!job.Force && row is { Status: TranslationStatus.Machine } && row.SourceHash == hash && row.SourceRevision == source.Revision)
            {
                continue;
            }

            var result = new FieldTranslation
            {
                ProductId = job.ProductId,
                Language = job.Language,
                Field = field,
                SellerId = source.SellerId,
                SourceRevision = source.Revision,
                SourceHash = hash,
                UpdatedAt = now,
            };
            if (engine is null || noEngine is not null)
            {
                result.Status = TranslationStatus.NoEngine;
                result.Reason = noEngine;
            }
            else
            {
                var outcome = await translator.TranslateAsync(engine, text, SourceLanguage, job.Language, source.ProtectedTerms, ListingSource.MaxLength(field), cancellationToken);
                result.Text = outcome.Text;
                result.Engine = engine.Name;
                result.Status = outcome.RejectionReason is null ? TranslationStatus.Machine : TranslationStatus.Rejected;
                result.Reason = outcome.RejectionReason;
            }

            results.Add(result);
        }

        var summary = noEngine is not null ? TranslationStatus.NoEngine
            : results.Any(r => r.Status == TranslationStatus.Rejected) ? TranslationStatus.Rejected
            : TranslationStatus.Machine;
        var error = noEngine ?? results.FirstOrDefault(r => r.Status == TranslationStatus.Rejected)?.Reason;
        await CompleteAsync(job, (summary, error), results, translator.NewEntries, cancellationToken);
    }

    private async Task CompleteAsync(
        TranslationJob job, (TranslationStatus Status, string? Error)? language, IReadOnlyList<FieldTranslation> results, List<TranslationMemoryEntry> memory, CancellationToken cancellationToken)
    {
        await db.InTransactionAsync(
            async ct =>
            {
                db.ChangeTracker.Clear();
                var now = clock.GetUtcNow();
                var stored = await db.Set<FieldTranslation>().Where(t => t.ProductId == job.ProductId && t.Language == job.Language).ToListAsync(ct);
                foreach (var result in results)
                {
                    var row = stored.SingleOrDefault(r => r.Field == result.Field);
                    if (row is null)
                    {
                        db.Add(result);
                        continue;
                    }

                    if (row.Status == TranslationStatus.HumanReviewed && row.SourceHash == result.SourceHash)
                    {
                        // The seller reviewed it while the engine worked: the seller's text wins.
                        continue;
                    }

                    row.SourceRevision = result.SourceRevision;
                    row.SourceHash = result.SourceHash;
                    row.Text = result.Text;
                    row.Status = result.Status;
                    row.Engine = result.Engine;
                    row.Reason = result.Reason;
                    row.ReviewedBy = null;
                    row.UpdatedAt = now;
                }

                if (memory.Count > 0)
                {
                    var hashes = memory.Select(m => m.SourceHash).ToList();
                    var known = await db.Set<TranslationMemoryEntry>()
                        .Where(m => hashes.Contains(m.SourceHash) && m.TargetLanguage == job.Language)
                        .Select(m => new { m.SourceHash, m.Engine, m.GlossaryVersion })
                        .ToListAsync(ct);
                    db.AddRange(memory.Where(m => !known.Any(k => k.SourceHash == m.SourceHash && k.Engine == m.Engine && k.GlossaryVersion == m.GlossaryVersion)));
                }

                if (language is { } outcome)
                {
                    var state = await db.Set<ListingLanguage>().SingleOrDefaultAsync(l => l.ProductId == job.ProductId && l.Language == job.Language, ct);
                    if (state is not null && !state.OptedOut)
                    {
                        state.Status = outcome.Status;
                        state.LastError = outcome.Error is { Length: > 1000 } e ? e[..1000] : outcome.Error;
                        state.UpdatedAt = now;
                    }
                }

                await db.Set<TranslationJob>().Where(j => j.Id == job.Id).ExecuteUpdateAsync(
                    s => s.SetProperty(j => j.State, TranslationJobState.Done).SetProperty(j => j.CompletedAt, now).SetProperty(j => j.LockedUntil, (DateTimeOffset?)null),
                    ct);
                outbox.Add(new ListingTranslationsChanged(job.ProductId, job.Language, now));
                await db.SaveChangesAsync(ct);
                return true;
            },
            cancellationToken);
    }

    /// <summary>The engine failed: retry with exponential back-off; after the last attempt, report the language as failed.</summary>
    private async Task FailAsync(TranslationJob job, string message, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        var attempts = job.Attempts + 1;
        var now = clock.GetUtcNow();
        var error = message.Length > 1000 ? message[..1000] : message;
        var givingUp = attempts >= settings.Value.MaxAttempts;
        var retryAt = now + TimeSpan.FromSeconds(Math.Min(3600, 10 * Math.Pow(2, attempts - 1)));
        await db.Set<TranslationJob>().Where(j => j.Id == job.Id).ExecuteUpdateAsync(
            s => s.SetProperty(j => j.Attempts, attempts)
                .SetProperty(j => j.LastError, error)
                .SetProperty(j => j.DueAt, retryAt)
                .SetProperty(j => j.State, givingUp ? TranslationJobState.Failed : TranslationJobState.Pending)
                .SetProperty(j => j.LockedUntil, (DateTimeOffset?)null),
            cancellationToken);
        var status = givingUp ? TranslationStatus.Rejected : TranslationStatus.Pending;
        var lastError = givingUp ? $"Gave up after {attempts} attempts: {error}" : $"Attempt {attempts} failed, retrying: {error}";
        if (lastError.Length > 1000)
        {
            lastError = lastError[..1000];
        }

        await db.Set<ListingLanguage>().Where(l => l.ProductId == job.ProductId && l.Language == job.Language && !l.OptedOut).ExecuteUpdateAsync(
            s => s.SetProperty(l => l.Status, status).SetProperty(l => l.LastError, lastError).SetProperty(l => l.UpdatedAt, now),
            cancellationToken);
    }
}
