namespace Tradewind.Contracts.Analytics;

/// <summary>
/// The seller's and the marketplace's SaaS revenue metrics (spec plg-and-localization §1.2.4), read from the MRR
/// rollups (<c>analytics_mrr_snapshots</c>). Months are UTC calendar months named by their first day; the MRR of a
/// month is its closing MRR (at the start of the next month, or now for the month in progress). Figures are per
/// currency and never summed across currencies.
/// </summary>
public interface IRevenueReports
{
    /// <summary>MRR, ARR, the five movements and the rates of each month from <paramref name="fromMonth"/> to <paramref name="toMonth"/>, optionally of one currency.</summary>
    Task<RevenueReport> GetAsync(AnalyticsScope scope, DateOnly fromMonth, DateOnly toMonth, string? currency, CancellationToken cancellationToken);

    /// <summary>Revenue retention cohorts by month of first payment: cohort MRR in month k ÷ its MRR in its first paid month.</summary>
    Task<RevenueCohortReport> GetCohortsAsync(AnalyticsScope scope, DateOnly fromMonth, DateOnly toMonth, string? currency, CancellationToken cancellationToken);
}

/// <summary>Rebuilds the MRR rollups from agreements and billed usage (the daily job, tests and the demo call it).</summary>
public interface IRevenueRollups
{
    /// <summary>
    /// Deletes and recomputes the snapshots at the start of each month from <paramref name="fromMonth"/> to the month
    /// after <paramref name="toMonth"/> (the one after the current month is measured now), and the movements of each
    /// month from <paramref name="fromMonth"/> to <paramref name="toMonth"/>. Idempotent.
    /// </summary>
    Task<RevenueRebuildResult> RebuildAsync(DateOnly fromMonth, DateOnly toMonth, CancellationToken cancellationToken);
}

public sealed record RevenueRebuildResult(int Snapshots, int Movements);

/// <summary>MRR streams: <c>total</c> = <c>committed</c> + <c>payg</c>, each with its own movements and retention.</summary>
public static class RevenueStreams
{
    public const string Total = "total";
    public const string Committed = "committed";
    public const string Payg = "payg";

    public static IReadOnlyList<string> All { get; } = [Total, Committed, Payg];
}

/// <summary>A revenue report: the currencies present in the scope, and per currency its months and its country split.</summary>
public sealed record RevenueReport(
    AnalyticsScope Scope,
    DateOnly FromMonth,
    DateOnly ToMonth,
    IReadOnlyList<string> Currencies,
    IReadOnlyList<CurrencyRevenue> ByCurrency,
    IReadOnlyList<MetricDefinition> Definitions);

/// <summary>One currency's months and, for the last month, its MRR by buyer country.</summary>
public sealed record CurrencyRevenue(string Currency, IReadOnlyList<RevenueMonth> Months, IReadOnlyList<CountryRevenue> ByCountry);

/// <summary>One month of one currency: every figure with its definition.</summary>
public sealed record RevenueMonth(DateOnly Month, IReadOnlyList<RevenueFigure> Figures)
{
    public RevenueFigure? Find(string code, string stream = RevenueStreams.Total) =>
        Figures.FirstOrDefault(f => string.Equals(f.Definition.Code, code, StringComparison.Ordinal) && string.Equals(f.Stream, stream, StringComparison.Ordinal));
}

/// <summary>
/// One figure: money in minor units of the report's currency (<see cref="AmountMinor"/>), a count, or an exact ratio
/// (<see cref="Ratio"/>, 0.2 = 20 %), and <see cref="Display"/>, rounded once ("20.0 %", "2.50", "166.67"), or
/// "undefined" when the denominator is 0.
/// </summary>
public sealed record RevenueFigure(MetricDefinition Definition, string Stream, long? AmountMinor, decimal? Ratio, int? Count, string Display);

/// <summary>The closing MRR of the report's last month from the buyers of one country (ISO 3166-1 alpha-2).</summary>
public sealed record CountryRevenue(string Country, int PayingCustomers, long CommittedMinor, long PaygMinor, long MrrMinor);

public sealed record RevenueCohortReport(AnalyticsScope Scope, DateOnly FromMonth, DateOnly ToMonth, IReadOnlyList<RevenueCohort> Cohorts, MetricDefinition Definition);

/// <summary>Customers whose first paid month is <see cref="CohortMonth"/>, in one currency, and their MRR in each later month.</summary>
public sealed record RevenueCohort(string Currency, DateOnly CohortMonth, int Customers, long FirstMonthMrrMinor, IReadOnlyList<RevenueCohortCell> Months);

/// <summary>Month <see cref="K"/> after the cohort month (0 = the first paid month): the cohort's MRR and its share of the first month's.</summary>
public sealed record RevenueCohortCell(int K, DateOnly Month, long MrrMinor, decimal? Retention, string Display);
