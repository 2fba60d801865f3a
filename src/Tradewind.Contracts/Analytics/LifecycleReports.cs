namespace Tradewind.Contracts.Analytics;

/// <summary>
/// The lifecycle reports (docs/analytics.md, "Lifecycle events and reports"): the listing funnel, trials, usage, usage
/// retention and the private-offer funnel, read from the daily rollups and, for trial cohorts, from the lifecycle rows of
/// trials. Every report carries the definitions of its metrics and the window it used.
/// </summary>
public interface ILifecycleReports
{
    Task<FunnelReport> GetFunnelAsync(AnalyticsScope scope, AnalyticsRange range, CancellationToken cancellationToken);

    Task<TrialsReport> GetTrialsAsync(AnalyticsScope scope, AnalyticsRange range, CancellationToken cancellationToken);

    Task<UsageReport> GetUsageAsync(AnalyticsScope scope, AnalyticsRange range, CancellationToken cancellationToken);

    Task<RetentionReport> GetRetentionAsync(AnalyticsScope scope, AnalyticsRange range, CancellationToken cancellationToken);

    Task<PrivateOfferFunnelReport> GetPrivateOffersAsync(AnalyticsScope scope, AnalyticsRange range, CancellationToken cancellationToken);

    Task<LifecycleOverview> GetOverviewAsync(AnalyticsScope scope, AnalyticsRange range, CancellationToken cancellationToken);
}

/// <summary>Rebuilds the lifecycle rollups and appends the daily usage events; the background jobs, the demo seeder and tests call it.</summary>
public interface ILifecycleAnalytics
{
    /// <summary>Deletes and recomputes <c>analytics_daily_lifecycle</c> and <c>analytics_daily_usage</c> for the days of <paramref name="range"/>.</summary>
    Task RebuildAsync(AnalyticsRange range, CancellationToken cancellationToken);

    /// <summary>Appends <c>usage_reported</c> for each agreement × dimension with usage on <paramref name="day"/>; returns how many rows were new.</summary>
    Task<int> ReportUsageAsync(DateOnly day, CancellationToken cancellationToken);
}

/// <summary>
/// One step of the funnel. <see cref="StillInWindow"/> units have not reached the step yet but still may.
/// <see cref="OverallConversion"/> = reached ÷ the first step; <see cref="StepConversion"/> = reached ÷ (the previous step − still in window)
/// (null for the first step or a zero denominator); <see cref="DropOff"/> = 1 − step conversion.
/// </summary>
public sealed record FunnelStep(string Code, string Name, long Reached, long StillInWindow, decimal? OverallConversion, decimal? StepConversion, decimal? DropOff);

/// <summary>Trial steps of the funnel by one first-touch value (source or country); <c>(none)</c> when the trial had no attributed view.</summary>
public sealed record FunnelBreakdownRow(string Key, long Trials, long FirstUsage, long Converted, long StillInWindow);

public sealed record FunnelReport(
    AnalyticsRange Range,
    string Window,
    IReadOnlyList<FunnelStep> Steps,
    IReadOnlyList<FunnelBreakdownRow> BySource,
    IReadOnlyList<FunnelBreakdownRow> ByCountry,
    IReadOnlyList<MetricDefinition> Definitions);

/// <summary>
/// Trials that started in one ISO week (Monday), with their trial-to-paid outcome within W = trial length + 7 days.
/// <see cref="Closed"/> trials (window ended) are the denominator, <see cref="Converted"/> of them paid within W;
/// <see cref="StillInWindow"/> trials are not in the rate, <see cref="ConvertedSoFar"/> of them already paid.
/// </summary>
public sealed record TrialCohort(DateOnly WeekStart, int Started, int Closed, int Converted, int StillInWindow, int ConvertedSoFar, decimal? TrialToPaid);

/// <summary>AWS's four period counters, the cohorts, and the medians (in days; null without data).</summary>
public sealed record TrialsReport(
    AnalyticsRange Range,
    string Window,
    int NewTrials,
    int ActiveNow,
    int ConvertedInPeriod,
    int NotConvertedInPeriod,
    IReadOnlyList<TrialCohort> Cohorts,
    decimal? MedianDaysToConvert,
    decimal? MedianDaysToValue,
    IReadOnlyList<MetricDefinition> Definitions);

public sealed record UsageDay(DateOnly Day, string Dimension, decimal Quantity, int ActiveBuyers, int BuyersOver80Percent, int BuyersOver100Percent);

/// <summary>
/// One dimension over the period: growth = (this period − previous) ÷ previous (null when the previous had none), and
/// buyer-days by share of the trial quota or free tier used.
/// </summary>
public sealed record UsageDimensionSummary(string Dimension, decimal Quantity, decimal PreviousQuantity, decimal? Growth, int BuyerDaysUnder80, int BuyerDays80To100, int BuyerDaysOver100);

public sealed record UsageReport(AnalyticsRange Range, AnalyticsRange PreviousRange, IReadOnlyList<UsageDay> Days, IReadOnlyList<UsageDimensionSummary> Dimensions, IReadOnlyList<MetricDefinition> Definitions);

/// <summary>One week-of-trial-start cohort: the share of its buyers active in week k; null where week k has not fully elapsed.</summary>
public sealed record RetentionCohort(DateOnly WeekStart, int Buyers, IReadOnlyList<decimal?> Weeks);

public sealed record RetentionReport(AnalyticsRange Range, int WeeksShown, IReadOnlyList<RetentionCohort> Cohorts, IReadOnlyList<MetricDefinition> Definitions);

public sealed record ContractValue(string Currency, long AmountMinor);

public sealed record PrivateOfferFunnelReport(
    AnalyticsRange Range,
    int Sent,
    int Viewed,
    int Accepted,
    int Declined,
    int Expired,
    int Withdrawn,
    decimal? AcceptanceRate,
    decimal? MedianDaysToAccept,
    IReadOnlyList<ContractValue> AcceptedContractValue,
    IReadOnlyList<MetricDefinition> Definitions);

/// <summary>The headline numbers of the period for <c>/seller/analytics</c>.</summary>
public sealed record LifecycleOverview(
    AnalyticsRange Range,
    long VisitorDays,
    long CtaClicks,
    int TrialsStarted,
    int ConvertedToPaid,
    decimal? ListingConversion,
    decimal? TrialToPaid,
    decimal? MedianDaysToValue,
    int ActiveUsageBuyers,
    int OffersSent,
    int OffersAccepted,
    IReadOnlyList<MetricDefinition> Definitions);
