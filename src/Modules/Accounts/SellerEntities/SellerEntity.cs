using Tradewind.Accounts.Addresses;
using Tradewind.Contracts;
using Tradewind.Contracts.Accounts;
using Tradewind.Primitives.Ids;

namespace Tradewind.Accounts.SellerEntities;

/// <summary>
/// A seller's legal entity: the company that sells, is paid and files the US tax form. A seller may have several, in
/// different eligible jurisdictions; each product or offer names the one that sells it.
/// </summary>
/// <remarks>
/// <para>KYC review, by the operator:</para>
/// <list type="bullet">
/// <item>A new entity is <see cref="KycStatus.Pending"/>.</item>
/// <item>Pending → <see cref="KycStatus.Verified"/> until an expiry date, only with a tax form on file; or →
/// <see cref="KycStatus.Rejected"/> with a reason.</item>
/// <item>Verified is <see cref="KycStatus.Expired"/> from its expiry instant on (the stored state stays Verified; the
/// status is read against the clock). An expired entity may be verified again, or rejected.</item>
/// <item>A rejected entity goes back to Pending when its seller uploads a new tax form.</item>
/// </list>
/// </remarks>
internal sealed class SellerEntity
{
    /// <summary>How long a verification lasts unless the operator says otherwise.</summary>
    public static readonly TimeSpan DefaultVerificationPeriod = TimeSpan.FromDays(730);

    public SellerEntityId Id { get; init; }

    public OrganisationId SellerId { get; init; }

    public required string LegalName { get; set; }

    public required string CountryCode { get; init; }

    public required Address Address { get; set; }

    /// <summary>Canonical form when the country has a tax id scheme (check digits verified); trimmed input otherwise.</summary>
    public required string TaxId { get; set; }

    /// <summary>Pending, Verified or Rejected; never Expired, which is derived (<see cref="StatusAt"/>).</summary>
    public KycStatus KycState { get; private set; } = KycStatus.Pending;

    public string? KycReason { get; private set; }

    public string? KycReviewedBy { get; private set; }

    public DateTimeOffset? KycReviewedAt { get; private set; }

    public DateTimeOffset? KycExpiresAt { get; private set; }

    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>W-9 for entities established in the United States, W-8BEN-E for all others (aws-marketplace.md §11).</summary>
    public string RequiredTaxForm => CountryCode == "US" ? TaxForms.W9 : TaxForms.W8BenE;

    public KycStatus StatusAt(DateTimeOffset now) =>
        KycState == KycStatus.Verified && KycExpiresAt is { } expires && now >= expires ? KycStatus.Expired : KycState;

    public void Verify(DateTimeOffset now, DateTimeOffset expiresAt, bool hasTaxForm, string reviewer)
    {
        var status = StatusAt(now);
        if (status is KycStatus.Verified or KycStatus.Rejected)
        {
            throw new DomainException(
                "kyc-transition-not-allowed",
                status == KycStatus.Verified
                    ? "This entity is already verified."
                    : "This entity was rejected; its seller must upload a new tax form before it can be reviewed again.",
                DomainErrorKind.Conflict);
        }

        if (!hasTaxForm)
        {
            throw new DomainException("tax-form-missing", $"The entity has no {RequiredTaxForm} on file; it cannot be verified without one.");
        }

        if (expiresAt <= now)
        {
            throw new ValidationFailedException("expiresAt", "The verification must expire in the future.");
        }

        KycState = KycStatus.Verified;
        KycReason = null;
        KycReviewedBy = reviewer;
        KycReviewedAt = now;
        KycExpiresAt = expiresAt;
    }

    public void Reject(DateTimeOffset now, string reason, string reviewer)
    {
        if (KycState == KycStatus.Rejected)
        {
            throw new DomainException("kyc-transition-not-allowed", "This entity is already rejected.", DomainErrorKind.Conflict);
        }

        KycState = KycStatus.Rejected;
        KycReason = reason;
        KycReviewedBy = reviewer;
        KycReviewedAt = now;
        KycExpiresAt = null;
    }

    /// <summary>A new tax form asks for a new review after a rejection; other states are unchanged.</summary>
    public bool TaxFormReplaced()
    {
        if (KycState != KycStatus.Rejected)
        {
            return false;
        }

        KycState = KycStatus.Pending;
        KycReason = null;
        return true;
    }

    public SellerEntityDto ToDto(DateTimeOffset now, TaxFormInfo? taxForm) => new(
        Id, SellerId, LegalName, CountryCode, Address.ToDto(), TaxId, RequiredTaxForm, taxForm, StatusAt(now), KycReason, KycReviewedAt, KycExpiresAt, CreatedAt);
}

/// <summary>The tax form on file for a seller entity: one PDF, replaced by each upload. Stored in the database.</summary>
internal sealed class SellerTaxForm
{
    public SellerEntityId SellerEntityId { get; init; }

    public required string Kind { get; set; }

    public required string FileName { get; set; }

    public long SizeBytes { get; set; }

    /// <summary>Lower-case hex SHA-256 of the content.</summary>
    public required string Sha256 { get; set; }

    public required byte[] Content { get; set; }

    public DateTimeOffset UploadedAt { get; set; }

    public required string UploadedBy { get; set; }
}
