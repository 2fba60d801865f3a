namespace Tradewind.Contracts.Analytics;

/// <summary>
/// The operator's marketplace PLG report: listing traffic and listing conversion across all sellers by buyer country,
/// listing category, channel and served language, and closing MRR by buyer country and listing category, per
/// currency. Read from the traffic and MRR rollups only.
/// </summary>
public interface IMarketplaceReports
{
    Task<MarketplaceReport> GetAsync(AnalyticsRange range, CancellationToken cancellationToken);
}

/// <summary>The dimensions of the marketplace report.</summary>
public enum MarketplaceDimension
{
    Country,
    Category,
    Channel,
    Language,
}

/// <summary>
/// Traffic and conversion of <see cref="Range"/> by each <see cref="MarketplaceDimension"/>; country rows are never folded
/// for the operator. <see cref="Revenue"/> is the closing MRR of <see cref="RevenueMonth"/> (the month of
/// <c>Range.To</c>), one entry per currency.
/// </summary>
public sealed record MarketplaceReport(
    AnalyticsRange Range,
    TrafficTotals Totals,
    long AttributedTrials,
    long AttributedSubscriptions,
    decimal? Conversion,
    IReadOnlyDictionary<MarketplaceDimension, IReadOnlyList<TrafficBreakdownRow>> Traffic,
    DateOnly RevenueMonth,
    IReadOnlyList<MarketplaceRevenue> Revenue,
    IReadOnlyList<MetricDefinition> Definitions)
{
    public bool IsEmpty => Totals.Views == 0 && Totals.CtaClicks == 0 && Revenue.Count == 0;
}

/// <summary>One currency's closing MRR (minor units), in total and split by buyer country and by listing category.</summary>
public sealed record MarketplaceRevenue(
    string Currency,
    int PayingCustomers,
    long CommittedMinor,
    long PaygMinor,
    long MrrMinor,
    IReadOnlyList<RevenueSplitRow> ByCountry,
    IReadOnlyList<RevenueSplitRow> ByCategory);

/// <summary>
/// The closing MRR of one key (a country code or a category slug; empty when unknown). A customer is one seller × buyer
/// organisation; a customer buying in two categories counts in both.
/// </summary>
public sealed record RevenueSplitRow(string Key, int PayingCustomers, long CommittedMinor, long PaygMinor, long MrrMinor);
