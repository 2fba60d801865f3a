namespace Tradewind.Contracts.Analytics;

/// <summary>
/// Listing-traffic reports (spec: plg-and-localization §1.4 items 1 and 9), read from the daily traffic rollups,
/// never from the raw events. A seller's country rows with fewer than <see cref="SmallBucketVisitorDays"/>
/// visitor-days are folded into <see cref="OtherKey"/> (§2.3); the operator's are not.
/// </summary>
public interface ITrafficReports
{
    public const int SmallBucketVisitorDays = 5;

    /// <summary>The key of the row small country buckets are folded into.</summary>
    public const string OtherKey = "other";

    /// <summary>Totals, a daily series and every breakdown of one scope's listing traffic.</summary>
    Task<TrafficReport> GetTrafficAsync(AnalyticsScope scope, AnalyticsRange range, CancellationToken cancellationToken);

    /// <summary>Traffic and trials by served language × translation kind.</summary>
    Task<LanguageReport> GetLanguagesAsync(AnalyticsScope scope, AnalyticsRange range, CancellationToken cancellationToken);
}

/// <summary>Rebuilds the traffic rollups of a day range from the events (delete and recompute; idempotent).</summary>
public interface ITrafficRollups
{
    Task RebuildAsync(AnalyticsRange range, CancellationToken cancellationToken);
}

/// <summary>The dimensions a traffic report breaks down by; the wire name is the lower-case enum name.</summary>
public enum TrafficBreakdown
{
    Source,
    Medium,
    Campaign,
    Referrer,
    Channel,
    Country,
    Language,
}

/// <summary>The traffic metric definitions printed next to the figures.</summary>
public static class TrafficMetrics
{
    public static readonly MetricDefinition Views = new(
        "views", "Views", "Listing page renders, including those filtered as bots and those whose page beacon never called back.");

    public static readonly MetricDefinition ConfirmedViews = new(
        "confirmed_views", "Confirmed views", "Listing views whose page beacon called back and that were not filtered as bots.");

    public static readonly MetricDefinition VisitorDays = new(
        "visitor_days", "Unique visitor-days",
        "Distinct day-salted visitor hashes of confirmed views, counted per product and UTC day and summed over the days: one person on three days is three visitor-days. No cookies are used, so a visitor cannot be recognised across days.");

    public static readonly MetricDefinition BotViews = new(
        "bot_views", "Filtered as bots", "Listing views dropped by the bot filters (user agent, referrer spam, data-centre address, rate limit).");

    public static readonly MetricDefinition CtaClicks = new(
        "cta_clicks", "CTA clicks", "Clicks on the listing's trial, subscribe, private-offer or contact buttons.");

    public static readonly MetricDefinition Share = new(
        "share", "Share", "The row's confirmed views ÷ all confirmed views of the period. Visitor-days in a breakdown are counted per row, so a visitor who came twice through different rows on one day counts in both.");

    public static readonly MetricDefinition Trials = new(
        "trials", "Trials", "trial_started events attributed to a listing view served in that language and translation kind.");

    public static readonly MetricDefinition Subscriptions = new(
        "subscriptions", "Subscriptions", "subscribed events (without trial) attributed to a listing view served in that language and translation kind.");

    public static readonly MetricDefinition AttributedTrials = new(
        "attributed_trials", "Attributed trials",
        "trial_started events whose attributed listing view is in the row (its source, channel, country, language…), counted on the day the trial started.");

    public static readonly MetricDefinition RowConversion = new(
        "row_conversion", "Conversion", "Attributed trials ÷ unique visitor-days of the row.");

    public static readonly MetricDefinition ListingConversion = new(
        "listing_conversion", "Listing conversion", "Trials attributed to the listing ÷ unique visitor-days.");

    public static IReadOnlyList<MetricDefinition> Traffic { get; } = [ConfirmedViews, Views, VisitorDays, BotViews, CtaClicks, Share, AttributedTrials, RowConversion];

    public static IReadOnlyList<MetricDefinition> Languages { get; } = [VisitorDays, ConfirmedViews, Trials, Subscriptions, ListingConversion];
}

public sealed record TrafficTotals(long Views, long ConfirmedViews, long VisitorDays, long BotViews, long CtaClicks);

public sealed record TrafficDay(DateOnly Day, long Views, long ConfirmedViews, long BotViews, long VisitorDays);

/// <summary>
/// One row of a breakdown. <see cref="Key"/> is empty for "none" (no campaign, direct traffic, unknown country).
/// <see cref="Trials"/> and <see cref="Subscriptions"/> are the sign-ups attributed to a view in the row;
/// <see cref="Conversion"/> = trials ÷ visitor-days (null without visitors).
/// </summary>
public sealed record TrafficBreakdownRow(
    string Key, long Views, long ConfirmedViews, long VisitorDays, long BotViews, decimal Share, long Trials, long Subscriptions, decimal? Conversion);

public sealed record TrafficReport(
    AnalyticsRange Range,
    AnalyticsScope Scope,
    TrafficTotals Totals,
    IReadOnlyList<TrafficDay> Daily,
    IReadOnlyDictionary<TrafficBreakdown, IReadOnlyList<TrafficBreakdownRow>> Breakdowns,
    IReadOnlyList<MetricDefinition> Definitions)
{
    public bool IsEmpty => Totals.Views == 0 && Totals.CtaClicks == 0;
}

/// <summary>One served language × translation kind. <see cref="Conversion"/> is null when there were no visitor-days.</summary>
public sealed record LanguageRow(string Locale, string TranslationKind, long VisitorDays, long ConfirmedViews, long Trials, long Subscriptions, decimal? Conversion);

public sealed record LanguageReport(AnalyticsRange Range, AnalyticsScope Scope, IReadOnlyList<LanguageRow> Rows, IReadOnlyList<MetricDefinition> Definitions)
{
    public bool IsEmpty => Rows.Count == 0;
}
