using Tradewind.Contracts.Analytics;
using Tradewind.Primitives.Ids;

namespace Tradewind.Analytics.Lifecycle;

/// <summary>One trial as the funnel, the cohorts and retention see it: its start and what followed (UTC instants).</summary>
internal sealed record TrialUnit(
    AgreementId AgreementId,
    OrganisationId BuyerId,
    DateTimeOffset StartedAt,
    int TrialDays,
    DateTimeOffset? FirstUsageAt,
    DateTimeOffset? ConvertedAt,
    DateTimeOffset? EndedAt,
    string? Source = null,
    string? Country = null,
    ProductId? Product = null)
{
    /// <summary>W = trial length + 7 days: the trial→paid (and trial→first usage) conversion window.</summary>
    public DateTimeOffset WindowEnd => StartedAt.AddDays(TrialDays + LifecycleMetrics.GraceDays);

    public bool WindowOpen(DateTimeOffset now) => WindowEnd > now;

    public bool UsedInWindow => FirstUsageAt is { } at && at >= StartedAt && at < WindowEnd;

    public bool ConvertedInWindow => ConvertedAt is { } at && at >= StartedAt && at < WindowEnd;
}

/// <summary>
/// The lifecycle formulas (spec: plg-and-localization §1.2.1, §1.2.3, §1.2.4), pure so unit tests pin them on
/// hand-computed examples. Ratios are fractions (0.25 = 25 %), rounded half away from zero to four places.
/// </summary>
internal static class LifecycleMetrics
{
    /// <summary>Days added to the trial length for the trial→paid window.</summary>
    public const int GraceDays = 7;

    /// <summary>The listing→trial window.</summary>
    public const int ListingWindowDays = 14;

    public const int RetentionWeeks = 8;

    public const string FunnelWindow = "ordered, by buyer organisation; within 14 days for listing→trial (first-touch view), trial length + 7 days for trial→first usage and trial→paid; UTC days";

    public const string TrialWindow = "cohorts by ISO week (Monday, UTC) of trial start; converted within W = trial length + 7 days";

    public static readonly MetricDefinition VisitorDays = new("visitor_days", "Unique visitor-days", "Sum over days of distinct day-salted visitor hashes of confirmed human listing views (a visitor is unique only within one UTC day)");
    public static readonly MetricDefinition CtaClicks = new("cta_clicks", "CTA clicks", "Clicks on the listing's trial / subscribe / private offer / contact buttons");
    public static readonly MetricDefinition TrialsStarted = new("trials_started", "Trials started", "Distinct buyer organisation × product with trial_started in the period (the first trial counts)");
    public static readonly MetricDefinition FirstUsage = new("first_usage", "First usage", "Trials whose first_usage came within trial length + 7 days of trial_started");
    public static readonly MetricDefinition ConvertedToPaid = new("converted_to_paid", "Converted to paid", "Trials with first usage whose converted_to_paid came within trial length + 7 days of trial_started");
    public static readonly MetricDefinition OverallConversion = new("overall_conversion", "Overall conversion", "Reached step k ÷ unique visitor-days (step 1)");
    public static readonly MetricDefinition StepConversion = new("step_conversion", "Step conversion", "Reached step k ÷ (reached step k−1 − still in window at step k); drop-off = 1 − step conversion");
    public static readonly MetricDefinition StillInWindow = new("still_in_window", "Still in window", "Units that have not reached the step but whose window has not closed yet; shown apart, never counted as drop-off");
    public static readonly MetricDefinition ListingConversion = new("listing_conversion", "Listing conversion", "Trials started ÷ unique visitor-days");
    public static readonly MetricDefinition NewTrials = new("new_trials", "New free trials", "trial_started in the period (AWS counter)");
    public static readonly MetricDefinition ActiveTrials = new("active_trials", "Total current free trials", "Trials started, not ended, not converted, whose trial length has not run out now (AWS counter)");
    public static readonly MetricDefinition ConvertedTrials = new("converted_trials", "Converted free trials", "converted_to_paid in the period (AWS counter)");
    public static readonly MetricDefinition NotConvertedTrials = new("not_converted_trials", "Non-converted free trials", "Trials whose trial ended in the period (cancelled in trial, or trial length run out) without converted_to_paid (AWS counter)");
    public static readonly MetricDefinition TrialToPaid = new("trial_to_paid", "Trial-to-paid conversion (cohort)", "Trials of the cohort converted within W = trial length + 7 days ÷ trials of the cohort whose window has closed; open trials are shown as still in trial");
    public static readonly MetricDefinition TimeToConvert = new("time_to_convert", "Median time to convert", "Median of (converted_to_paid − trial_started) in days over trials started in the period that converted; an even count takes the mean of the middle two");
    public static readonly MetricDefinition TimeToValue = new("time_to_value", "Median time to value", "Median of (first_usage − trial_started) in days over trials started in the period with a first usage");
    public static readonly MetricDefinition UsageQuantity = new("usage_quantity", "Usage", "Sum of usage_reported quantities per dimension per UTC day (Metering's daily totals)");
    public static readonly MetricDefinition UsageGrowth = new("usage_growth", "Growth", "(quantity in the period − quantity in the previous period of the same length) ÷ quantity in the previous period");
    public static readonly MetricDefinition ActiveBuyers = new("active_buyers", "Active buyers", "Distinct buyer organisations with a usage_reported quantity > 0 that day");
    public static readonly MetricDefinition QuotaUtilisation = new("quota_utilisation", "Quota utilisation", "Buyer-days by share of the trial quota (usage since the trial started) or free tier (usage of the month so far) used: < 80 %, 80–100 %, ≥ 100 %");
    public static readonly MetricDefinition UsageRetention = new("usage_retention", "Usage retention (bounded)", "Buyers of the cohort (week of trial start) with usage_reported quantity > 0 in week k after their trial start ÷ buyers of the cohort whose week k has fully elapsed");
    public static readonly MetricDefinition OffersSent = new("offers_sent", "Offers sent", "private_offer_sent in the period; likewise viewed, accepted, declined, expired, withdrawn");
    public static readonly MetricDefinition AcceptanceRate = new("acceptance_rate", "Acceptance rate", "private_offer_accepted in the period ÷ private_offer_sent in the period");
    public static readonly MetricDefinition TimeToAccept = new("time_to_accept", "Median time to accept", "Median of (private_offer_accepted − private_offer_sent) in days over offers accepted in the period");
    public static readonly MetricDefinition ContractValue = new("contract_value", "Total contract value", "Sum of the contract values of offers accepted in the period, per currency (never converted)");

    public static decimal? Ratio(decimal numerator, decimal denominator) =>
        denominator == 0 ? null : Math.Round(numerator / denominator, 4, MidpointRounding.AwayFromZero);

    /// <summary>Percent to one decimal (87.5).</summary>
    public static decimal? Percent(decimal used, decimal allowance) =>
        allowance <= 0 ? null : Math.Round(used * 100m / allowance, 1, MidpointRounding.AwayFromZero);

    /// <summary>The median; the mean of the middle two for an even count; null when empty.</summary>
    public static decimal? Median(IEnumerable<decimal> values)
    {
        var sorted = values.Order().ToArray();
        if (sorted.Length == 0)
        {
            return null;
        }

        var middle = sorted.Length / 2;
        var median = sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2m;
        return Math.Round(median, 2, MidpointRounding.AwayFromZero);
    }

    public static decimal Days(TimeSpan span) => (decimal)span.Ticks / TimeSpan.TicksPerDay;

    /// <summary>The Monday of the ISO week of <paramref name="day"/>.</summary>
    public static DateOnly WeekStart(DateOnly day) => day.AddDays(-(((int)day.DayOfWeek + 6) % 7));

    /// <summary>The funnel: visitor-days → CTA clicks → trials → first usage → paid, ordered.</summary>
    public static IReadOnlyList<FunnelStep> Funnel(long visitorDays, long ctaClicks, IReadOnlyCollection<TrialUnit> trials, DateTimeOffset now)
    {
        var used = trials.Where(t => t.UsedInWindow).ToList();
        var usedOpen = trials.Count(t => !t.UsedInWindow && t.WindowOpen(now));
        var paid = used.Count(t => t.ConvertedInWindow);
        var paidOpen = used.Count(t => !t.ConvertedInWindow && t.WindowOpen(now));
        var counts = new (MetricDefinition Definition, long Reached, long Open)[]
        {
            (VisitorDays, visitorDays, 0),
            (CtaClicks, ctaClicks, 0),
            (TrialsStarted, trials.Count, 0),
            (FirstUsage, used.Count, usedOpen),
            (ConvertedToPaid, paid, paidOpen),
        };
        var steps = new List<FunnelStep>(counts.Length);
        for (var i = 0; i < counts.Length; i++)
        {
            var (definition, reached, open) = counts[i];
            var step = i == 0 ? null : Ratio(reached, counts[i - 1].Reached - open);
            steps.Add(new FunnelStep(definition.Code, definition.Name, reached, open, Ratio(reached, visitorDays), step, step is { } s ? 1m - s : null));
        }

        return steps;
    }

    public static IReadOnlyList<FunnelBreakdownRow> Breakdown(IEnumerable<TrialUnit> trials, Func<TrialUnit, string?> key, DateTimeOffset now) =>
        trials.GroupBy(t => key(t) ?? "(none)", StringComparer.Ordinal)
            .Select(g => new FunnelBreakdownRow(
                g.Key,
                g.Count(),
                g.Count(t => t.UsedInWindow),
                g.Count(t => t.UsedInWindow && t.ConvertedInWindow),
                g.Count(t => !(t.UsedInWindow && t.ConvertedInWindow) && t.WindowOpen(now))))
            .OrderByDescending(r => r.Trials)
            .ThenBy(r => r.Key, StringComparer.Ordinal)
            .ToList();

    /// <summary>Trial-to-paid by week of trial start; open trials are never in the denominator.</summary>
    public static IReadOnlyList<TrialCohort> Cohorts(IEnumerable<TrialUnit> trials, DateTimeOffset now) =>
        trials.GroupBy(t => WeekStart(LifecycleAnalytics.Day(t.StartedAt)))
            .OrderBy(g => g.Key)
            .Select(g =>
            {
                var closed = g.Where(t => !t.WindowOpen(now)).ToList();
                var open = g.Where(t => t.WindowOpen(now)).ToList();
                var converted = closed.Count(t => t.ConvertedInWindow);
                return new TrialCohort(g.Key, g.Count(), closed.Count, converted, open.Count, open.Count(t => t.ConvertedInWindow), Ratio(converted, closed.Count));
            })
            .ToList();

    /// <summary>AWS's counters: active now, and trials whose trial ended in [start, end) without converting.</summary>
    public static (int ActiveNow, int NotConverted) TrialCounters(IEnumerable<TrialUnit> trials, DateTimeOffset start, DateTimeOffset end, DateTimeOffset now)
    {
        var active = 0;
        var notConverted = 0;
        foreach (var t in trials)
        {
            var trialEnd = t.StartedAt.AddDays(t.TrialDays);
            if (t.ConvertedAt is null && t.EndedAt is null && t.StartedAt <= now && trialEnd > now)
            {
                active++;
            }

            var endedAt = t.EndedAt is { } e && e < trialEnd ? e : trialEnd;
            if ((t.ConvertedAt is null || t.ConvertedAt > endedAt) && endedAt >= start && endedAt < end && endedAt <= now)
            {
                notConverted++;
            }
        }

        return (active, notConverted);
    }

    /// <summary>
    /// Bounded usage retention: per cohort (week of trial start), the share of its buyers active in week k, counting only
    /// buyers whose week k has fully elapsed by <paramref name="today"/>. The unit is a trial (its agreement: one buyer
    /// organisation's trial of one product); <paramref name="activeDays"/> holds, per unit, the UTC days with a quantity above zero.
    /// </summary>
    public static IReadOnlyList<RetentionCohort> Retention(
        IEnumerable<(Guid Unit, DateOnly StartDay)> buyers, IReadOnlyDictionary<Guid, HashSet<DateOnly>> activeDays, DateOnly today, int weeks = RetentionWeeks) =>
        buyers.GroupBy(b => WeekStart(b.StartDay))
            .OrderBy(g => g.Key)
            .Select(g =>
            {
                var members = g.ToList();
                var cells = new List<decimal?>(weeks);
                for (var k = 0; k < weeks; k++)
                {
                    var elapsed = members.Where(m => m.StartDay.AddDays(7 * (k + 1)) <= today).ToList();
                    var active = elapsed.Count(m =>
                        activeDays.TryGetValue(m.Unit, out var days) && days.Any(d => d >= m.StartDay.AddDays(7 * k) && d < m.StartDay.AddDays(7 * (k + 1))));
                    cells.Add(Ratio(active, elapsed.Count));
                }

                return new RetentionCohort(g.Key, members.Count, cells);
            })
            .ToList();
}
