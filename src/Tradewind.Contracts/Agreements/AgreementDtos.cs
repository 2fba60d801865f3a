using Tradewind.Contracts.Catalog;
using Tradewind.Primitives.Ids;

namespace Tradewind.Contracts.Agreements;

/// <summary>
/// Where an agreement is in its life. <c>trial → active</c> when the trial ends; <c>trial | active → cancel_pending</c>
/// when the buyer cancels at the end of the period (or trial); <c>cancel_pending → cancelled</c> at that date;
/// <c>trial | active | cancel_pending | suspended → cancelled</c> when cancelled immediately;
/// <c>trial | active | cancel_pending → suspended → (the status before)</c> when the seller suspends and reinstates;
/// <c>active → expired</c> when a contract's term ends; <c>→ replaced</c> when a private offer that replaces it is accepted.
/// <c>cancelled</c>, <c>expired</c> and <c>replaced</c> are final: resubscribing makes a
/// new agreement. See docs/agreements.md.
/// </summary>
public enum AgreementStatus
{
    Trial,
    Active,
    CancelPending,
    Cancelled,
    Suspended,
    Expired,

    /// <summary>Ended because the buyer accepted a private offer that replaces it (final).</summary>
    Replaced,
}

/// <summary>When a cancellation takes effect.</summary>
public enum CancellationTiming
{
    /// <summary>At once: entitlements end now.</summary>
    Immediately,

    /// <summary>At the end of the current billing period, or of the trial (which then does not convert).</summary>
    EndOfPeriod,
}

/// <summary>What the buyer accepted: the licence kind, its version and the language it was read in.</summary>
/// <param name="Kind">The operator's standard contract or the seller's own terms.</param>
/// <param name="Language">The UI language the buyer read the licence in (the English text governs the standard contract).</param>
/// <param name="Version"><see cref="Legal.StandardContract.CurrentVersion"/> for the standard contract; for custom terms
/// <c>revision-{n}</c>, the listing revision the terms were published in.</param>
public sealed record AcceptedLicence(LicenceKind Kind, string Version, string Language);

/// <summary>
/// An agreement: the terms of one published plan version a buyer accepted, copied so later edits never change them.
/// <see cref="CustomerIdentifier"/> is stable for a buyer × product (the AWS <c>CustomerIdentifier</c>), across resubscribes;
/// <see cref="ProductCode"/> is the product id; <see cref="OfferId"/> names the plan version accepted.
/// Instants are UTC; periods are half-open <c>[start, end)</c>.
/// </summary>
public sealed record AgreementDto(
    AgreementId Id,
    string CustomerIdentifier,
    string ProductCode,
    string OfferId,
    OrganisationId BuyerId,
    string BuyerName,
    OrganisationId SellerId,
    ProductId ProductId,
    string ProductTitle,
    string ProductSlug,
    PlanId PlanId,
    int PlanVersion,
    PlanTerms Terms,
    string Currency,
    AcceptedLicence Licence,
    AgreementStatus Status,
    DateTimeOffset AcceptedAt,
    DateTimeOffset? TrialEndsAt,
    DateTimeOffset? PeriodStart,
    DateTimeOffset? PeriodEnd,
    DateTimeOffset? ContractEndsAt,
    DateTimeOffset? CancelAt,
    DateTimeOffset? EndedAt,
    string? SuspensionReason,
    DateTimeOffset? FirstUsageAt,
    IReadOnlyList<EntitlementDto> Entitlements,
    PrivateOfferId? PrivateOfferId = null);

/// <summary>
/// The right to use one dimension of a product: <see cref="Quantity"/> units (per month) or <see cref="Unlimited"/>,
/// valid in <c>[ValidFrom, ValidTo)</c>; <see cref="ValidTo"/> null means until the agreement ends.
/// A plan without contract entitlements grants each of its dimensions unlimited (usage is billed), capped during a trial by its quotas.
/// </summary>
public sealed record EntitlementDto(
    AgreementId AgreementId,
    string CustomerIdentifier,
    string ProductCode,
    string Dimension,
    decimal? Quantity,
    bool Unlimited,
    DateTimeOffset ValidFrom,
    DateTimeOffset? ValidTo);

/// <summary>A buyer's request to subscribe to one published plan of a listing.</summary>
/// <param name="ProductId">The product on the storefront.</param>
/// <param name="PlanId">One of its published plans; its latest published version is accepted.</param>
/// <param name="LicenceVersion">The licence version the buyer was shown; refused when it is no longer the current one.</param>
/// <param name="Language">The language the buyer read the licence in (the UI culture).</param>
public sealed record SubscribeRequest(ProductId ProductId, PlanId PlanId, string LicenceVersion, string Language);

/// <summary>A new agreement and the one-time registration token the buyer's browser posts to the fulfilment URL.</summary>
public sealed record Subscription(AgreementDto Agreement, FulfilmentHandoff Fulfilment);

/// <summary>What to post, and where: <c>x-amzn-marketplace-token</c> = <see cref="RegistrationToken"/> to <see cref="Url"/>
/// (null when the listing has no fulfilment URL). The token is shown once and stored hashed.</summary>
public sealed record FulfilmentHandoff(string? Url, string RegistrationToken, DateTimeOffset ExpiresAt, bool FreeTrial);

/// <summary>What a seller learns from a registration token (the shape of AWS's <c>ResolveCustomer</c>, plus Tradewind ids).</summary>
public sealed record ResolvedCustomer(
    string CustomerIdentifier,
    string ProductCode,
    string OfferId,
    AgreementId AgreementId,
    OrganisationId BuyerId,
    string BuyerName,
    string BuyerCountry,
    AgreementStatus Status,
    bool FreeTrial);

/// <summary>Who is asking: the operator sees every agreement, a seller its products' agreements, a buyer its own.</summary>
public sealed record AgreementsCaller(OrganisationId OrganisationId, string Role, string Actor);

/// <summary>Filters for listing agreements; null means any.</summary>
public sealed record AgreementFilter(AgreementStatus? Status = null, ProductId? ProductId = null, string? CustomerIdentifier = null);

/// <summary>What a sweep of the lifecycle did.</summary>
public sealed record LifecycleSweepResult(int TrialsConverted, int RemindersSent, int CancellationsApplied, int ContractsExpired, int PeriodsRolled);

/// <summary>What metering needs to judge a customer's records: the product, its seller and the agreements over time.</summary>
public sealed record MeteringCustomer(
    string CustomerIdentifier,
    ProductId ProductId,
    OrganisationId SellerId,
    OrganisationId BuyerId,
    string BuyerName,
    IReadOnlyList<MeteringAgreement> Agreements);

/// <summary>
/// One agreement of a <see cref="MeteringCustomer"/>: in force in <c>[From, Until)</c> (<see cref="Until"/> null while it
/// runs); records for a <see cref="AgreementStatus.Suspended"/> agreement are refused. <see cref="Dimensions"/> are the
/// accepted plan's dimension keys.
/// </summary>
public sealed record MeteringAgreement(
    AgreementId AgreementId,
    AgreementStatus Status,
    DateTimeOffset From,
    DateTimeOffset? Until,
    IReadOnlyList<string> Dimensions,
    IReadOnlyList<EntitlementDto> Entitlements,
    DateTimeOffset? FirstUsageAt);
