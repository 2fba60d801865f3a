using Tradewind.Primitives.Ids;

namespace Tradewind.Analytics.Lifecycle.Rollups;

/// <summary>
/// Usage of one dimension of one product on one UTC day (<c>analytics_daily_usage</c>), rebuilt from the
/// <c>usage_reported</c> events: the quantity, the buyers with a quantity above zero, and the buyers that had used at
/// least 80 % / 100 % of their trial quota or free tier.
/// </summary>
internal sealed class DailyUsage
{
    public DateOnly Day { get; init; }

    public OrganisationId SellerId { get; init; }

    public ProductId ProductId { get; init; }

    public required string Dimension { get; init; }

    public decimal Quantity { get; init; }

    public int ActiveBuyers { get; init; }

    /// <summary>Buyers with a quota or free tier for the dimension that day (the utilisation denominator).</summary>
    public int QuotaBuyers { get; init; }

    public int BuyersOver80Percent { get; init; }

    public int BuyersOver100Percent { get; init; }
}
