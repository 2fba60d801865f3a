using System.Globalization;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Tradewind.Accounts.Addresses;
using Tradewind.Accounts.Organisations;
using Tradewind.Accounts.SellerEntities;
using Tradewind.Contracts;
using Tradewind.Contracts.Accounts;
using Tradewind.Primitives.Geography;
using Tradewind.Primitives.Ids;

namespace Tradewind.Accounts;

/// <summary>Sellers' legal entities, their tax forms and the operator's KYC review.</summary>
internal sealed partial class AccountsCommands
{
    private static readonly byte[] PdfMagic = "%PDF"u8.ToArray();

    public async Task<SellerEntityDto> CreateSellerEntityAsync(OrganisationId sellerId, NewSellerEntity entity, string actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entity);
        await RequireSellerAsync(sellerId, cancellationToken);
        var legalName = entity.LegalName?.Trim() ?? "";
        var validation = new Validation().Require(legalName.Length is >= 2 and <= 200, "legalName", "Give the entity's legal name (2 to 200 characters).");
        var countryOk = Country.TryFromCode(entity.CountryCode?.Trim().ToUpperInvariant(), out var country);
        validation.Require(countryOk, "countryCode", "Give the ISO 3166-1 alpha-2 code of the country where the entity is established, e.g. DE.");
        var address = Address.From(entity.Address, validation);
        validation.ThrowIfInvalid();

        var countryCode = country!.Code.ToString();
        if (!EligibleJurisdictions.Contains(countryCode))
        {
            throw new DomainException(
                "jurisdiction-not-eligible",
                $"Sellers established in {country.Name} ({countryCode}) cannot sell on Tradewind: an entity must be established in the EU or "
                + "one of Australia, Bahrain, Canada, Colombia, Hong Kong, India, Israel, Japan, New Zealand, Norway, Qatar, South Korea, "
                + "Switzerland, the UAE, the United Kingdom or the United States.");
        }

        var taxId = CheckTaxId(country.Code, entity.TaxId, "taxId", validation);
        validation.ThrowIfInvalid();

        var row = new SellerEntity
        {
            Id = SellerEntityId.New(clock),
            SellerId = sellerId,
            LegalName = legalName,
            CountryCode = countryCode,
            Address = address!,
            TaxId = taxId!,
            CreatedAt = clock.GetUtcNow(),
        };
        db.Add(row);
        audit.Record(actor, sellerId.Value, "seller-entity.registered", $"seller-entity:{row.Id}", $"{row.LegalName} ({row.CountryCode}), KYC pending");
        await db.SaveChangesAsync(cancellationToken);
        return row.ToDto(clock.GetUtcNow(), null);
    }

    public async Task<SellerEntityDto> UploadTaxFormAsync(OrganisationId sellerId, SellerEntityId id, TaxFormFile file, string actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(file);
        var entity = await FindOwnEntityAsync(sellerId, id, cancellationToken);
        var content = file.Content ?? [];
        var fileName = Path.GetFileName(file.FileName?.Trim() ?? "");
        if (content.Length == 0)
        {
            throw new ValidationFailedException("file", "Upload the tax form as a PDF file; the file was empty.");
        }

        if (content.Length > TaxFormFile.MaxBytes)
        {
            throw new ValidationFailedException("file", "The tax form is larger than 5 MB; scan it at a lower resolution.");
        }

        if (!content.AsSpan().StartsWith(PdfMagic))
        {
            throw new ValidationFailedException("file", "The tax form must be a PDF file (it should start with %PDF).");
        }

        if (fileName.Length is 0 or > 200)
        {
            fileName = $"{entity.RequiredTaxForm}.pdf";
        }

        return await db.InTransactionAsync(
            async ct =>
            {
                var tracked = await db.Set<SellerEntity>().SingleAsync(e => e.Id == id, ct);
                var form = await db.Set<SellerTaxForm>().SingleOrDefaultAsync(f => f.SellerEntityId == id, ct);
                var now = clock.GetUtcNow();
                if (form is null)
                {
                    form = new SellerTaxForm { SellerEntityId = id, Kind = "", FileName = "", Sha256 = "", Content = [], UploadedBy = actor };
                    db.Add(form);
                }

                form.Kind = tracked.RequiredTaxForm;
                form.FileName = fileName;
                form.Content = content;
                form.SizeBytes = content.Length;
                form.Sha256 = Convert.ToHexStringLower(SHA256.HashData(content));
                form.UploadedAt = now;
                form.UploadedBy = actor;
                var reopened = tracked.TaxFormReplaced();
                audit.Record(actor, sellerId.Value, "seller-entity.tax-form-uploaded", $"seller-entity:{id}", $"{form.Kind} '{fileName}' ({form.SizeBytes.ToString(CultureInfo.InvariantCulture)} bytes)");
                if (reopened)
                {
                    audit.Record(actor, sellerId.Value, "seller-entity.kyc-resubmitted", $"seller-entity:{id}", "rejected → pending");
                }

                await db.SaveChangesAsync(ct);
                return tracked.ToDto(now, new TaxFormInfo(form.Kind, form.FileName, form.SizeBytes, form.Sha256, form.UploadedAt));
            },
            cancellationToken);
    }

    public async Task<SellerEntityDto> VerifySellerEntityAsync(SellerEntityId id, DateTimeOffset? expiresAt, string actor, CancellationToken cancellationToken) =>
        await ReviewAsync(
            id,
            actor,
            (entity, hasForm, now) =>
            {
                var previous = entity.StatusAt(now);
                var expiry = expiresAt?.ToUniversalTime() ?? now + SellerEntity.DefaultVerificationPeriod;
                entity.Verify(now, expiry, hasForm, actor);
                outbox.Add(new SellerEntityVerified(entity.Id, entity.SellerId, entity.CountryCode, expiry, now));
                return ("seller-entity.kyc-verified", $"{Lower(previous)} → verified until {expiry.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}");
            },
            cancellationToken);

    public async Task<SellerEntityDto> RejectSellerEntityAsync(SellerEntityId id, string reason, string actor, CancellationToken cancellationToken)
    {
        var trimmed = reason?.Trim() ?? "";
        new Validation().Require(trimmed.Length is >= 3 and <= 1000, "reason", "Say why the entity is rejected (3 to 1000 characters); the seller sees it.").ThrowIfInvalid();
        return await ReviewAsync(
            id,
            actor,
            (entity, _, now) =>
            {
                var previous = entity.StatusAt(now);
                entity.Reject(now, trimmed, actor);
                outbox.Add(new SellerEntityRejected(entity.Id, entity.SellerId, trimmed, now));
                return ("seller-entity.kyc-rejected", $"{Lower(previous)} → rejected: {trimmed}");
            },
            cancellationToken);
    }

    private async Task<SellerEntityDto> ReviewAsync(
        SellerEntityId id, string actor, Func<SellerEntity, bool, DateTimeOffset, (string Action, string Details)> transition, CancellationToken cancellationToken) =>
        await db.InTransactionAsync(
            async ct =>
            {
                var entity = await db.Set<SellerEntity>().SingleOrDefaultAsync(e => e.Id == id, ct)
                    ?? throw SellerEntityNotFound(id);
                var form = await db.Set<SellerTaxForm>().Where(f => f.SellerEntityId == id)
                    .Select(f => new TaxFormInfo(f.Kind, f.FileName, f.SizeBytes, f.Sha256, f.UploadedAt)).SingleOrDefaultAsync(ct);
                var now = clock.GetUtcNow();
                var (action, details) = transition(entity, form is not null, now);
                audit.Record(actor, entity.SellerId.Value, action, $"seller-entity:{entity.Id}", details);
                await db.SaveChangesAsync(ct);
                return entity.ToDto(now, form);
            },
            cancellationToken);

    private async Task RequireSellerAsync(OrganisationId sellerId, CancellationToken cancellationToken)
    {
        if (!await db.Set<Organisation>().AnyAsync(o => o.Id == sellerId && o.Kind == OrganisationKind.Seller, cancellationToken))
        {
            throw new DomainException("seller-not-found", "Only a seller organisation has legal entities.", DomainErrorKind.Forbidden);
        }
    }

    /// <summary>The seller's own entity; another seller's answers "not found", never "forbidden".</summary>
    private async Task<SellerEntity> FindOwnEntityAsync(OrganisationId sellerId, SellerEntityId id, CancellationToken cancellationToken) =>
        await db.Set<SellerEntity>().AsNoTracking().SingleOrDefaultAsync(e => e.Id == id && e.SellerId == sellerId, cancellationToken)
            ?? throw SellerEntityNotFound(id);

    private static DomainException SellerEntityNotFound(SellerEntityId id) =>
        new("seller-entity-not-found", $"Seller entity {id} does not exist.", DomainErrorKind.NotFound);

    private static string Lower(KycStatus status) => status.ToString().ToLowerInvariant();
}
