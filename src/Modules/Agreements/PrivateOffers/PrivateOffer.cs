using System.Text.Json;
using System.Text.Json.Serialization;
using Tradewind.Contracts;
using Tradewind.Contracts.Agreements;
using Tradewind.Contracts.Catalog;
using Tradewind.Primitives.Ids;

namespace Tradewind.Agreements.PrivateOffers;

/// <summary>
/// A seller's custom terms for one buyer (or an invited email domain), with where the offer stands in its life
/// (<see cref="PrivateOfferStatus"/>). <see cref="TermsJson"/> holds the <see cref="PlanTerms"/> an agreement copies on
/// acceptance; <see cref="DraftJson"/> the draft as the seller wrote it; <see cref="HistoryJson"/> every step with who and
/// when. The lifecycle methods refuse a step the status does not allow (<c>offer-not-open</c>, <c>offer-not-draft</c>) and
/// append to the history; the caller writes the matching event and audit line in the same unit of work.
/// An offer is open until the end of its <see cref="ExpiresOn"/> UTC day: from the next midnight it can only expire.
/// </summary>
internal sealed class PrivateOffer
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false) },
    };

    public PrivateOfferId Id { get; init; }

    public OrganisationId SellerId { get; init; }

    public required string SellerName { get; init; }

    public SellerEntityId SellerEntityId { get; set; }

    public required string SellerEntityName { get; set; }

    public ProductId ProductId { get; set; }

    public required string ProductTitle { get; set; }

    public required string ProductSlug { get; set; }

    public PlanId BasePlanId { get; set; }

    public int BasePlanVersion { get; set; }

    public OrganisationId? BuyerId { get; set; }

    public string? BuyerName { get; set; }

    public string? BuyerEmailDomain { get; set; }

    public required string Name { get; set; }

    public required string Currency { get; set; }

    public int TermMonths { get; set; }

    /// <summary>The contract fee in minor units of <see cref="Currency"/> (0 for usage only).</summary>
    public long ContractValueMinor { get; set; }

    public required string TermsJson { get; set; }

    public required string DraftJson { get; set; }

    public DateOnly ExpiresOn { get; set; }

    public PrivateOfferStatus Status { get; private set; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? PublishedAt { get; private set; }

    public DateTimeOffset? ViewedAt { get; private set; }

    public DateTimeOffset? AcceptedAt { get; private set; }

    public DateTimeOffset? DeclinedAt { get; private set; }

    public string? DeclineReason { get; private set; }

    public DateTimeOffset? WithdrawnAt { get; private set; }

    public DateTimeOffset? ExpiredAt { get; private set; }

    public AgreementId? AgreementId { get; private set; }

    /// <summary>The agreement the accepted offer replaced, if any.</summary>
    public AgreementId? ReplacedAgreementId { get; private set; }

    public string HistoryJson { get; private set; } = "[]";

    /// <summary>Optimistic concurrency: two accepts (or an accept and the expiry sweep) never both apply.</summary>
    public int Version { get; private set; }

    public string OfferId => Agreements.Agreement.PrivateOfferIdentifier(Id);

    public bool IsOpen => Status is PrivateOfferStatus.Published or PrivateOfferStatus.Viewed;

    public PrivateOfferDraft Draft => JsonSerializer.Deserialize<PrivateOfferDraft>(DraftJson, Json) ?? throw new InvalidOperationException("An offer's draft is empty.");

    public PlanTerms Terms => Agreements.TermsJson.Read(TermsJson);

    public IReadOnlyList<PrivateOfferStep> History => JsonSerializer.Deserialize<List<PrivateOfferStep>>(HistoryJson, Json) ?? [];

    /// <summary>The first instant the offer can no longer be accepted: midnight UTC after <see cref="ExpiresOn"/>.</summary>
    public DateTimeOffset ExpiresAt => ExpiryInstant(ExpiresOn);

    public static DateTimeOffset ExpiryInstant(DateOnly expiresOn) => new(expiresOn.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    public static PrivateOffer NewDraft(PrivateOfferId id, OrganisationId sellerId, string sellerName, string actor, DateTimeOffset now, Action<PrivateOffer> fill)
    {
        ArgumentNullException.ThrowIfNull(fill);
        var offer = new PrivateOffer
        {
            Id = id,
            SellerId = sellerId,
            SellerName = sellerName,
            SellerEntityName = "",
            ProductTitle = "",
            ProductSlug = "",
            Name = "",
            Currency = "USD",
            TermsJson = "{}",
            DraftJson = "{}",
            CreatedAt = now,
            Status = PrivateOfferStatus.Draft,
        };
        fill(offer);
        offer.Record("created", actor, now, null);
        return offer;
    }

    public void Revise(string actor, DateTimeOffset now, Action<PrivateOffer> fill)
    {
        ArgumentNullException.ThrowIfNull(fill);
        RequireDraft();
        fill(this);
        Record("updated", actor, now, null);
    }

    public void Publish(string actor, DateTimeOffset now)
    {
        RequireDraft();
        if (now >= ExpiresAt)
        {
            throw new ValidationFailedException("expiresOn", $"The offer expired on {ExpiresOn:yyyy-MM-dd}; set an expiry date today or later before sending it.");
        }

        Status = PrivateOfferStatus.Published;
        PublishedAt = now;
        Record("published", actor, now, null);
    }

    /// <summary>The buyer opened it: true the first time (<c>published → viewed</c>).</summary>
    public bool Open(string actor, DateTimeOffset now)
    {
        if (Status != PrivateOfferStatus.Published)
        {
            return false;
        }

        Status = PrivateOfferStatus.Viewed;
        ViewedAt = now;
        Record("viewed", actor, now, null);
        return true;
    }

    public void Accept(string actor, OrganisationId buyerId, string buyerName, AgreementId agreementId, AgreementId? replaced, DateTimeOffset now)
    {
        RequireOpen(now);
        BuyerId = buyerId;
        BuyerName = buyerName;
        Status = PrivateOfferStatus.Accepted;
        AcceptedAt = now;
        AgreementId = agreementId;
        ReplacedAgreementId = replaced;
        Record("accepted", actor, now, replaced is { } old ? $"agreement {agreementId}, replacing {old}" : $"agreement {agreementId}");
    }

    public void Decline(string actor, string reason, DateTimeOffset now)
    {
        RequireOpen(now);
        Status = PrivateOfferStatus.Declined;
        DeclinedAt = now;
        DeclineReason = reason;
        Record("declined", actor, now, reason);
    }

    public void Withdraw(string actor, string? reason, DateTimeOffset now)
    {
        if (Status is not (PrivateOfferStatus.Draft or PrivateOfferStatus.Published or PrivateOfferStatus.Viewed))
        {
            throw NotOpen();
        }

        Status = PrivateOfferStatus.Withdrawn;
        WithdrawnAt = now;
        Record("withdrawn", actor, now, reason);
    }

    /// <summary>Expires an open offer whose expiry day is over; true when it did.</summary>
    public bool ExpireIfDue(DateTimeOffset now)
    {
        if (!IsOpen || now < ExpiresAt)
        {
            return false;
        }

        Status = PrivateOfferStatus.Expired;
        ExpiredAt = now;
        Record("expired", "system", now, $"expiry date {ExpiresOn:yyyy-MM-dd}");
        return true;
    }

    /// <summary>Whether the buyer <paramref name="organisation"/> (whose people sign in with <paramref name="emailDomains"/>) is the one the offer is made to.</summary>
    public bool IsMadeTo(OrganisationId organisation, IReadOnlyCollection<string> emailDomains) =>
        BuyerId == organisation || (BuyerId is null && BuyerEmailDomain is { } domain && emailDomains.Contains(domain, StringComparer.OrdinalIgnoreCase));

    private void RequireDraft()
    {
        if (Status != PrivateOfferStatus.Draft)
        {
            throw new DomainException("offer-not-draft", $"Offer {Id} is {Wire(Status)}; only drafts change.", DomainErrorKind.Conflict);
        }
    }

    private void RequireOpen(DateTimeOffset now)
    {
        if (!IsOpen)
        {
            throw NotOpen();
        }

        if (now >= ExpiresAt)
        {
            throw new DomainException("offer-expired", $"Offer {Id} expired at the end of {ExpiresOn:yyyy-MM-dd} (UTC).", DomainErrorKind.Conflict);
        }
    }

    private DomainException NotOpen() =>
        new("offer-not-open", $"Offer {Id} is {Wire(Status)}; it can no longer be accepted, declined or withdrawn.", DomainErrorKind.Conflict);

    private void Record(string action, string actor, DateTimeOffset at, string? detail)
    {
        var history = History.ToList();
        history.Add(new PrivateOfferStep(action, actor, at, detail));
        HistoryJson = JsonSerializer.Serialize(history, Json);
        Version++;
    }

    public static string Wire(PrivateOfferStatus status) => status.ToString().ToLowerInvariant();
}
