using Tradewind.Primitives.Ids;

namespace Tradewind.Analytics.Revenue.Rollups;

/// <summary>
/// A customer's (buyer × seller × currency) MRR movement in <see cref="Month"/> for one stream
/// (<c>analytics_mrr_movements</c>): its kind (<c>new_business</c>, <c>expansion</c>, <c>contraction</c>,
/// <c>churn</c>, <c>reactivation</c>), the signed change and the MRR after it. Rebuilt with the snapshots.
/// </summary>
internal sealed class MrrMovementRow
{
    public DateOnly Month { get; init; }

    public OrganisationId SellerId { get; init; }

    public OrganisationId BuyerId { get; init; }

    public required string Currency { get; init; }

    /// <summary><c>total</c>, <c>committed</c> or <c>payg</c>.</summary>
    public required string Stream { get; init; }

    public required string Kind { get; init; }

    public long DeltaMinor { get; init; }

    public long MrrAfterMinor { get; init; }
}
