using Tradewind.Primitives.Ids;

namespace Tradewind.Contracts.Agreements;

/// <summary>
/// Which entitlements of a seller's product to list: those valid at <see cref="At"/>, optionally only for some customers
/// and dimensions (null: any; an empty list matches nothing).
/// </summary>
public sealed record EntitlementsInForceSearch(
    OrganisationId SellerId,
    ProductId ProductId,
    DateTimeOffset At,
    IReadOnlyCollection<string>? CustomerIdentifiers = null,
    IReadOnlyCollection<string>? Dimensions = null);

/// <summary>
/// An entitlement in force and its agreement's status. <see cref="ExpiresAt"/> is the earliest instant it may stop:
/// the end of a trial quota or of a contract, a pending cancellation, the end of a trial, or else the end of the current
/// billing period (a subscription renews monthly); null only when none of these is known.
/// </summary>
public sealed record EntitlementInForce(EntitlementDto Entitlement, AgreementStatus Status, DateTimeOffset? ExpiresAt);

/// <summary>One published plan version as an offer (<see cref="AgreementDto.OfferId"/>).</summary>
public sealed record OfferVersion(PlanId PlanId, int Version);

/// <summary>What an agreement search orders by. An agreement's end is when it ended, else its pending cancellation, else its contract end; an open-ended subscription has none.</summary>
public enum AgreementSortKey
{
    EndTime,
    StartTime,
}

/// <summary>
/// A search of one seller's agreements. Null filters match anything; an empty list matches nothing. Instants compare
/// strictly (<c>Before</c>: earlier than, <c>After</c>: later than); an agreement without an end ends after every instant.
/// Sorting by end time puts open-ended agreements last (ascending) or first (descending).
/// </summary>
public sealed record SellerAgreementSearch(
    OrganisationId SellerId,
    IReadOnlyCollection<AgreementStatus>? Statuses = null,
    IReadOnlyCollection<ProductId>? ProductIds = null,
    IReadOnlyCollection<OfferVersion>? Offers = null,
    IReadOnlyCollection<string>? CustomerIdentifiers = null,
    DateTimeOffset? StartsBefore = null,
    DateTimeOffset? StartsAfter = null,
    DateTimeOffset? EndsBefore = null,
    DateTimeOffset? EndsAfter = null,
    AgreementSortKey SortBy = AgreementSortKey.EndTime,
    bool Descending = false);
