using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Tradewind.Analytics.Events;
using Tradewind.Analytics.Lifecycle.Rollups;
using Tradewind.Analytics.Traffic.Capture;
using Tradewind.Analytics.Traffic.Rollups;
using Tradewind.Contracts.Analytics;
using Tradewind.Persistence;
using Tradewind.Primitives.Ids;

namespace Tradewind.Analytics.Lifecycle;

/// <summary>
/// The lifecycle reports. Counts come from the rollups (<c>analytics_daily_lifecycle</c>, <c>analytics_daily_usage</c>,
/// <c>analytics_daily_visitors</c>); trial cohorts, the funnel's trial steps and retention read the lifecycle rows of the
/// trials in the period (thousands, not millions) joined on agreement. No report reads <c>listing_view</c> rows except the
/// attributed first-touch view of each trial, by key.
/// </summary>
internal sealed class LifecycleReports(TradewindDbContext db, TimeProvider clock) : ILifecycleReports
{
    private const int Chunk = 500;

    /// <summary>The longest trial (90 days) plus the grace week: trials started that long before a period can still matter to it.</summary>
    private const int LookBackDays = 97;

    public async Task<FunnelReport> GetFunnelAsync(AnalyticsScope scope, AnalyticsRange range, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var (visitorDays, ctaClicks) = await TrafficAsync(scope, range, cancellationToken);
        var trials = FirstPerBuyerAndProduct(await TrialsAsync(scope, range.Start, range.End, withTouch: true, cancellationToken));
        return new FunnelReport(
            range,
            LifecycleMetrics.FunnelWindow,
            LifecycleMetrics.Funnel(visitorDays, ctaClicks, trials, now),
            LifecycleMetrics.Breakdown(trials, t => t.Source, now),
            LifecycleMetrics.Breakdown(trials, t => t.Country, now),
            [LifecycleMetrics.VisitorDays, LifecycleMetrics.CtaClicks, LifecycleMetrics.TrialsStarted, LifecycleMetrics.FirstUsage, LifecycleMetrics.ConvertedToPaid,
                LifecycleMetrics.OverallConversion, LifecycleMetrics.StepConversion, LifecycleMetrics.StillInWindow]);
    }

    public async Task<TrialsReport> GetTrialsAsync(AnalyticsScope scope, AnalyticsRange range, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var counts = await LifecycleCountsAsync(scope, range, cancellationToken);
        var recent = await TrialsAsync(scope, range.Start.AddDays(-LookBackDays), range.End, withTouch: false, cancellationToken);
        var (active, notConverted) = LifecycleMetrics.TrialCounters(recent, range.Start, range.End, now);
        var inRange = recent.Where(t => t.StartedAt >= range.Start).ToList();
        return new TrialsReport(
            range,
            LifecycleMetrics.TrialWindow,
            counts.GetValueOrDefault(AnalyticsEventNames.TrialStarted),
            active,
            counts.GetValueOrDefault(AnalyticsEventNames.ConvertedToPaid),
            notConverted,
            LifecycleMetrics.Cohorts(inRange, now),
            LifecycleMetrics.Median(inRange.Where(t => t.ConvertedAt is not null).Select(t => LifecycleMetrics.Days(t.ConvertedAt!.Value - t.StartedAt))),
            LifecycleMetrics.Median(inRange.Where(t => t.FirstUsageAt is not null).Select(t => LifecycleMetrics.Days(t.FirstUsageAt!.Value - t.StartedAt))),
            [LifecycleMetrics.NewTrials, LifecycleMetrics.ActiveTrials, LifecycleMetrics.ConvertedTrials, LifecycleMetrics.NotConvertedTrials,
                LifecycleMetrics.TrialToPaid, LifecycleMetrics.TimeToConvert, LifecycleMetrics.TimeToValue]);
    }

    public async Task<UsageReport> GetUsageAsync(AnalyticsScope scope, AnalyticsRange range, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(range);
        var previous = new AnalyticsRange(range.From.AddDays(-range.Days), range.From.AddDays(-1));
        var rows = await UsageRows(scope, previous.From, range.To).ToListAsync(cancellationToken);
        var current = rows.Where(r => r.Day >= range.From).ToList();
        var days = current
            .GroupBy(r => (r.Day, r.Dimension))
            .OrderBy(g => g.Key.Day).ThenBy(g => g.Key.Dimension, StringComparer.Ordinal)
            .Select(g => new UsageDay(g.Key.Day, g.Key.Dimension, g.Sum(r => r.Quantity), g.Sum(r => r.ActiveBuyers), g.Sum(r => r.BuyersOver80Percent), g.Sum(r => r.BuyersOver100Percent)))
            .ToList();
        var dimensions = rows.Select(r => r.Dimension).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)
            .Select(d =>
            {
                var mine = current.Where(r => string.Equals(r.Dimension, d, StringComparison.Ordinal)).ToList();
                var quantity = mine.Sum(r => r.Quantity);
                var before = rows.Where(r => r.Day < range.From && string.Equals(r.Dimension, d, StringComparison.Ordinal)).Sum(r => r.Quantity);
                var over80 = mine.Sum(r => r.BuyersOver80Percent);
                var over100 = mine.Sum(r => r.BuyersOver100Percent);
                return new UsageDimensionSummary(d, quantity, before, LifecycleMetrics.Ratio(quantity - before, before), mine.Sum(r => r.QuotaBuyers) - over80, over80 - over100, over100);
            })
            .ToList();
        return new UsageReport(range, previous, days, dimensions, [LifecycleMetrics.UsageQuantity, LifecycleMetrics.UsageGrowth, LifecycleMetrics.ActiveBuyers, LifecycleMetrics.QuotaUtilisation]);
    }

    public async Task<RetentionReport> GetRetentionAsync(AnalyticsScope scope, AnalyticsRange range, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(range);
        var today = LifecycleAnalytics.Day(clock.GetUtcNow());
        var trials = await TrialsAsync(scope, range.Start, range.End, withTouch: false, cancellationToken);
        var until = range.End.AddDays(7 * LifecycleMetrics.RetentionWeeks);
        var active = new Dictionary<Guid, HashSet<DateOnly>>();
        foreach (var chunk in trials.Select(t => t.AgreementId).Chunk(Chunk))
        {
            var ids = chunk.Select(a => (AgreementId?)a).ToList();
            var usage = await db.Set<AnalyticsEvent>().AsNoTracking()
                .Where(e => e.Name == AnalyticsEventNames.UsageReported && ids.Contains(e.AgreementId) && e.OccurredAt >= range.Start && e.OccurredAt < until)
                .Select(e => new { e.AgreementId, e.OccurredAt, e.Quantity })
                .ToListAsync(cancellationToken);

            // Compared here: SQLite stores decimals as text.
            foreach (var u in usage.Where(u => u.Quantity > 0))
            {
                if (!active.TryGetValue(u.AgreementId!.Value.Value, out var days))
                {
                    active[u.AgreementId!.Value.Value] = days = [];
                }

                days.Add(LifecycleAnalytics.Day(u.OccurredAt));
            }
        }

        var cohorts = LifecycleMetrics.Retention(trials.Select(t => (t.AgreementId.Value, LifecycleAnalytics.Day(t.StartedAt))), active, today);
        return new RetentionReport(range, LifecycleMetrics.RetentionWeeks, cohorts, [LifecycleMetrics.UsageRetention]);
    }

    public async Task<PrivateOfferFunnelReport> GetPrivateOffersAsync(AnalyticsScope scope, AnalyticsRange range, CancellationToken cancellationToken)
    {
        var counts = await LifecycleCountsAsync(scope, range, cancellationToken);
        var value = await Lifecycle(scope, range).Where(r => r.Name == AnalyticsEventNames.PrivateOfferAccepted && r.Currency != "")
            .GroupBy(r => r.Currency)
            .Select(g => new { Currency = g.Key, Amount = g.Sum(r => r.AmountMinor) })
            .ToListAsync(cancellationToken);
        var accepted = await Events(scope, AnalyticsEventNames.PrivateOfferAccepted, range.Start, range.End)
            .Where(e => e.OfferId != null)
            .Select(e => new { e.OfferId, e.OccurredAt })
            .ToListAsync(cancellationToken);
        var sentAt = new Dictionary<PrivateOfferId, DateTimeOffset>();
        foreach (var chunk in accepted.Select(a => a.OfferId).Chunk(Chunk))
        {
            var ids = chunk.ToList();
            foreach (var s in await db.Set<AnalyticsEvent>().AsNoTracking()
                .Where(e => e.Name == AnalyticsEventNames.PrivateOfferSent && ids.Contains(e.OfferId))
                .Select(e => new { e.OfferId, e.OccurredAt })
                .ToListAsync(cancellationToken))
            {
                sentAt[s.OfferId!.Value] = s.OccurredAt;
            }
        }

        var sent = counts.GetValueOrDefault(AnalyticsEventNames.PrivateOfferSent);
        var acceptedCount = counts.GetValueOrDefault(AnalyticsEventNames.PrivateOfferAccepted);
        return new PrivateOfferFunnelReport(
            range,
            sent,
            counts.GetValueOrDefault(AnalyticsEventNames.PrivateOfferViewed),
            acceptedCount,
            counts.GetValueOrDefault(AnalyticsEventNames.PrivateOfferDeclined),
            counts.GetValueOrDefault(AnalyticsEventNames.PrivateOfferExpired),
            counts.GetValueOrDefault(AnalyticsEventNames.PrivateOfferWithdrawn),
            LifecycleMetrics.Ratio(acceptedCount, sent),
            LifecycleMetrics.Median(accepted.Where(a => sentAt.ContainsKey(a.OfferId!.Value)).Select(a => LifecycleMetrics.Days(a.OccurredAt - sentAt[a.OfferId!.Value]))),
            value.OrderBy(v => v.Currency, StringComparer.Ordinal).Select(v => new ContractValue(v.Currency, v.Amount)).ToList(),
            [LifecycleMetrics.OffersSent, LifecycleMetrics.AcceptanceRate, LifecycleMetrics.TimeToAccept, LifecycleMetrics.ContractValue]);
    }

    public async Task<LifecycleOverview> GetOverviewAsync(AnalyticsScope scope, AnalyticsRange range, CancellationToken cancellationToken)
    {
        var (visitorDays, ctaClicks) = await TrafficAsync(scope, range, cancellationToken);
        var counts = await LifecycleCountsAsync(scope, range, cancellationToken);
        var trials = await GetTrialsAsync(scope, range, cancellationToken);
        var closed = trials.Cohorts.Sum(c => c.Closed);
        var activeBuyers = await UsageRows(scope, range.From, range.To)
            .Where(r => r.Day == range.To)
            .SumAsync(r => r.ActiveBuyers, cancellationToken);
        var started = counts.GetValueOrDefault(AnalyticsEventNames.TrialStarted);
        return new LifecycleOverview(
            range,
            visitorDays,
            ctaClicks,
            started,
            counts.GetValueOrDefault(AnalyticsEventNames.ConvertedToPaid),
            LifecycleMetrics.Ratio(started, visitorDays),
            LifecycleMetrics.Ratio(trials.Cohorts.Sum(c => c.Converted), closed),
            trials.MedianDaysToValue,
            activeBuyers,
            counts.GetValueOrDefault(AnalyticsEventNames.PrivateOfferSent),
            counts.GetValueOrDefault(AnalyticsEventNames.PrivateOfferAccepted),
            [LifecycleMetrics.VisitorDays, LifecycleMetrics.CtaClicks, LifecycleMetrics.NewTrials, LifecycleMetrics.ConvertedTrials, LifecycleMetrics.ListingConversion,
                LifecycleMetrics.TrialToPaid, LifecycleMetrics.TimeToValue, LifecycleMetrics.ActiveBuyers, LifecycleMetrics.OffersSent]);
    }

    private async Task<(long VisitorDays, long CtaClicks)> TrafficAsync(AnalyticsScope scope, AnalyticsRange range, CancellationToken cancellationToken)
    {
        var rows = db.Set<DailyVisitors>().AsNoTracking().Where(r => r.Day >= range.From && r.Day <= range.To);
        if (scope.SellerId is { } seller)
        {
            rows = rows.Where(r => r.SellerId == seller);
        }

        if (scope.ProductId is { } product)
        {
            rows = rows.Where(r => r.ProductId == product);
        }

        var sums = await rows.GroupBy(_ => 1).Select(g => new { Visitors = g.Sum(r => (long)r.VisitorDays), Clicks = g.Sum(r => (long)r.CtaClicks) }).FirstOrDefaultAsync(cancellationToken);
        return (sums?.Visitors ?? 0, sums?.Clicks ?? 0);
    }

    private async Task<Dictionary<string, int>> LifecycleCountsAsync(AnalyticsScope scope, AnalyticsRange range, CancellationToken cancellationToken) =>
        (await Lifecycle(scope, range).GroupBy(r => r.Name).Select(g => new { g.Key, Count = g.Sum(r => r.Count) }).ToListAsync(cancellationToken))
            .ToDictionary(x => x.Key, x => x.Count, StringComparer.Ordinal);

    private IQueryable<DailyLifecycle> Lifecycle(AnalyticsScope scope, AnalyticsRange range)
    {
        var rows = db.Set<DailyLifecycle>().AsNoTracking().Where(r => r.Day >= range.From && r.Day <= range.To);
        if (scope.SellerId is { } seller)
        {
            rows = rows.Where(r => r.SellerId == seller);
        }

        if (scope.ProductId is { } product)
        {
            rows = rows.Where(r => r.ProductId == product);
        }

        return rows;
    }

    private IQueryable<DailyUsage> UsageRows(AnalyticsScope scope, DateOnly from, DateOnly to)
    {
        var rows = db.Set<DailyUsage>().AsNoTracking().Where(r => r.Day >= from && r.Day <= to);
        if (scope.SellerId is { } seller)
        {
            rows = rows.Where(r => r.SellerId == seller);
        }

        if (scope.ProductId is { } product)
        {
            rows = rows.Where(r => r.ProductId == product);
        }

        return rows;
    }

    private IQueryable<AnalyticsEvent> Events(AnalyticsScope scope, string name, DateTimeOffset start, DateTimeOffset end)
    {
        var rows = db.Set<AnalyticsEvent>().AsNoTracking().Where(e => e.Name == name && e.OccurredAt >= start && e.OccurredAt < end);
        if (scope.SellerId is { } seller)
        {
            rows = rows.Where(e => e.SellerId == seller);
        }

        if (scope.ProductId is { } product)
        {
            rows = rows.Where(e => e.ProductId == product);
        }

        return rows;
    }

    /// <summary>Trials started in [start, end) with their first usage, conversion and end; with their first touch when asked.</summary>
    private async Task<List<TrialUnit>> TrialsAsync(AnalyticsScope scope, DateTimeOffset start, DateTimeOffset end, bool withTouch, CancellationToken cancellationToken)
    {
        var started = await Events(scope, AnalyticsEventNames.TrialStarted, start, end)
            .Where(e => e.AgreementId != null && e.BuyerId != null)
            .Select(e => new { e.AgreementId, e.BuyerId, e.ProductId, e.OccurredAt, e.Detail, e.AttributionViewId })
            .ToListAsync(cancellationToken);
        var followUps = new Dictionary<(AgreementId, string), DateTimeOffset>();
        var views = new Dictionary<AgreementId, Guid>();
        var touches = new Dictionary<Guid, (string? Source, string? Country, DateTimeOffset At)>();
        string[] names = [AnalyticsEventNames.FirstUsage, AnalyticsEventNames.ConvertedToPaid, AnalyticsEventNames.Unsubscribed];
        foreach (var chunk in started.Select(s => s.AgreementId).Chunk(Chunk))
        {
            var ids = chunk.ToList();
            foreach (var f in await db.Set<AnalyticsEvent>().AsNoTracking()
                .Where(e => names.Contains(e.Name) && ids.Contains(e.AgreementId))
                .Select(e => new { e.AgreementId, e.Name, e.OccurredAt })
                .ToListAsync(cancellationToken))
            {
                var key = (f.AgreementId!.Value, f.Name);
                if (!followUps.TryGetValue(key, out var at) || f.OccurredAt < at)
                {
                    followUps[key] = f.OccurredAt;
                }
            }

            if (withTouch)
            {
                var agreementIds = ids.Select(a => a!.Value).ToList();
                foreach (var a in await db.Set<ListingAttribution>().AsNoTracking().Where(a => agreementIds.Contains(a.AgreementId)).ToListAsync(cancellationToken))
                {
                    views[a.AgreementId] = a.ViewId;
                }
            }
        }

        if (withTouch)
        {
            foreach (var s in started.Where(s => s.AttributionViewId is not null))
            {
                views.TryAdd(s.AgreementId!.Value, s.AttributionViewId!.Value);
            }

            foreach (var chunk in views.Values.Distinct().Chunk(Chunk))
            {
                var ids = chunk.ToList();
                foreach (var v in await db.Set<AnalyticsEvent>().AsNoTracking()
                    .Where(e => ids.Contains(e.Id) && e.Name == AnalyticsEventNames.ListingView)
                    .Select(e => new { e.Id, e.Source, e.Channel, e.Country, e.OccurredAt })
                    .ToListAsync(cancellationToken))
                {
                    touches[v.Id] = (v.Source ?? v.Channel, v.Country, v.OccurredAt);
                }
            }
        }

        return started.Select(s =>
        {
            var agreementId = s.AgreementId!.Value;
            (string? Source, string? Country, DateTimeOffset At) touch = default;
            var touched = views.TryGetValue(agreementId, out var viewId) && touches.TryGetValue(viewId, out touch)
                && touch.At <= s.OccurredAt && touch.At > s.OccurredAt.AddDays(-LifecycleMetrics.ListingWindowDays);
            return new TrialUnit(
                agreementId,
                s.BuyerId!.Value,
                s.OccurredAt,
                TrialDays(s.Detail),
                followUps.TryGetValue((agreementId, AnalyticsEventNames.FirstUsage), out var used) ? used : null,
                followUps.TryGetValue((agreementId, AnalyticsEventNames.ConvertedToPaid), out var paid) ? paid : null,
                followUps.TryGetValue((agreementId, AnalyticsEventNames.Unsubscribed), out var ended) ? ended : null,
                touched ? touch.Source : null,
                touched ? touch.Country : null,
                s.ProductId);
        }).ToList();
    }

    private static List<TrialUnit> FirstPerBuyerAndProduct(List<TrialUnit> trials) =>
        trials.GroupBy(t => (t.BuyerId, t.Product)).Select(g => g.MinBy(t => t.StartedAt)!).ToList();

    private static int TrialDays(string? detail)
    {
        if (detail is not null)
        {
            using var json = JsonDocument.Parse(detail);
            if (json.RootElement.TryGetProperty("trialDays", out var days) && days.TryGetInt32(out var value) && value > 0)
            {
                return value;
            }
        }

        return OfferTypes.DefaultTrialDays;
    }
}
