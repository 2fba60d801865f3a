using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Tradewind.Analytics.Traffic.Rollups;
using Tradewind.Contracts.Analytics;
using Tradewind.Persistence;

namespace Tradewind.Analytics.Traffic.Reports;

/// <summary>
/// The listing-traffic reports, read from the daily rollups only. Totals and the daily series come from
/// <c>analytics_daily_visitors</c> (visitor-days exact per product-day), breakdowns from <c>analytics_daily_traffic</c>,
/// languages from <c>analytics_daily_language_conversion</c>.
/// </summary>
internal sealed class TrafficReports(TradewindDbContext db) : ITrafficReports
{
    public async Task<TrafficReport> GetTrafficAsync(AnalyticsScope scope, AnalyticsRange range, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(range);
        var days = await Visitors(scope, range)
            .GroupBy(v => v.Day)
            .Select(g => new
            {
                Day = g.Key,
                Views = g.Sum(v => (long)v.Views),
                Confirmed = g.Sum(v => (long)v.ConfirmedViews),
                Bots = g.Sum(v => (long)v.BotViews),
                VisitorDays = g.Sum(v => (long)v.VisitorDays),
                Clicks = g.Sum(v => (long)v.CtaClicks),
            })
            .ToListAsync(cancellationToken);
        var byDay = days.ToDictionary(d => d.Day);
        var daily = new List<TrafficDay>(range.Days);
        for (var day = range.From; day <= range.To; day = day.AddDays(1))
        {
            daily.Add(byDay.TryGetValue(day, out var d) ? new TrafficDay(day, d.Views, d.Confirmed, d.Bots, d.VisitorDays) : new TrafficDay(day, 0, 0, 0, 0));
        }

        var totals = new TrafficTotals(days.Sum(d => d.Views), days.Sum(d => d.Confirmed), days.Sum(d => d.VisitorDays), days.Sum(d => d.Bots), days.Sum(d => d.Clicks));
        var breakdowns = new Dictionary<TrafficBreakdown, IReadOnlyList<TrafficBreakdownRow>>();
        var traffic = Traffic(scope, range);
        foreach (var breakdown in Enum.GetValues<TrafficBreakdown>())
        {
            var groups = await GroupAsync(traffic, KeyOf(breakdown), cancellationToken);
            if (breakdown == TrafficBreakdown.Country && !scope.ReadByOperator && !scope.IsMarketplace)
            {
                groups = FoldSmallCountries(groups);
            }

            breakdowns[breakdown] = Rows(groups);
        }

        return new TrafficReport(range, scope, totals, daily, breakdowns, TrafficMetrics.Traffic);
    }

    public async Task<LanguageReport> GetLanguagesAsync(AnalyticsScope scope, AnalyticsRange range, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(range);
        var query = db.Set<DailyLanguageConversion>().AsNoTracking().Where(x => x.Day >= range.From && x.Day <= range.To);
        if (scope.SellerId is { } seller)
        {
            query = query.Where(x => x.SellerId == seller);
        }

        if (scope.ProductId is { } product)
        {
            query = query.Where(x => x.ProductId == product);
        }

        var rows = await query
            .GroupBy(x => new { x.Locale, x.TranslationKind })
            .Select(g => new
            {
                g.Key.Locale,
                g.Key.TranslationKind,
                VisitorDays = g.Sum(x => (long)x.VisitorDays),
                Confirmed = g.Sum(x => (long)x.ConfirmedViews),
                Trials = g.Sum(x => (long)x.Trials),
                Subscriptions = g.Sum(x => (long)x.Subscriptions),
            })
            .ToListAsync(cancellationToken);
        return new LanguageReport(
            range,
            scope,
            rows.Select(r => new LanguageRow(r.Locale, r.TranslationKind, r.VisitorDays, r.Confirmed, r.Trials, r.Subscriptions, Ratio(r.Trials, r.VisitorDays)))
                .OrderByDescending(r => r.VisitorDays).ThenBy(r => r.Locale, StringComparer.Ordinal).ThenBy(r => r.TranslationKind, StringComparer.Ordinal)
                .ToList(),
            TrafficMetrics.Languages);
    }

    /// <summary>Country rows under <see cref="ITrafficReports.SmallBucketVisitorDays"/> visitor-days become one "other" row.</summary>
    internal static List<Group> FoldSmallCountries(List<Group> groups)
    {
        var small = groups.Where(g => g.VisitorDays < ITrafficReports.SmallBucketVisitorDays).ToList();
        if (small.Count == 0)
        {
            return groups;
        }

        var kept = groups.Where(g => g.VisitorDays >= ITrafficReports.SmallBucketVisitorDays).ToList();
        kept.Add(Group.Sum(ITrafficReports.OtherKey, small));
        return kept;
    }

    /// <summary>Rows ordered by confirmed views, then raw views, then key; share = confirmed views ÷ all confirmed views.</summary>
    internal static IReadOnlyList<TrafficBreakdownRow> Rows(IEnumerable<Group> groups)
    {
        var list = groups.ToList();
        var confirmed = list.Sum(g => g.Confirmed);
        return list
            .Select(g => new TrafficBreakdownRow(
                g.Key, g.Views, g.Confirmed, g.VisitorDays, g.Bots, Ratio(g.Confirmed, confirmed) ?? 0m, g.Trials, g.Subscriptions, Ratio(g.Trials, g.VisitorDays)))
            .OrderByDescending(r => r.ConfirmedViews).ThenByDescending(r => r.Views).ThenBy(r => r.Key, StringComparer.Ordinal)
            .ToList();
    }

    internal static decimal? Ratio(long part, long whole) =>
        whole == 0 ? null : decimal.Round((decimal)part / whole, 4, MidpointRounding.AwayFromZero);

    private static Expression<Func<DailyTraffic, string>> KeyOf(TrafficBreakdown breakdown) => breakdown switch
    {
        TrafficBreakdown.Source => x => x.Source,
        TrafficBreakdown.Medium => x => x.Medium,
        TrafficBreakdown.Campaign => x => x.Campaign,
        TrafficBreakdown.Referrer => x => x.ReferrerHost,
        TrafficBreakdown.Channel => x => x.Channel,
        TrafficBreakdown.Country => x => x.Country,
        TrafficBreakdown.Language => x => x.Locale,
        _ => throw new ArgumentOutOfRangeException(nameof(breakdown)),
    };

    private static Task<List<Group>> GroupAsync(IQueryable<DailyTraffic> traffic, Expression<Func<DailyTraffic, string>> key, CancellationToken cancellationToken) =>
        traffic
            .GroupBy(key)
            .Select(g => new Group(
                g.Key,
                g.Sum(x => (long)x.Views),
                g.Sum(x => (long)x.ConfirmedViews),
                g.Sum(x => (long)x.VisitorDays),
                g.Sum(x => (long)x.BotViews),
                g.Sum(x => (long)x.Trials),
                g.Sum(x => (long)x.Subscriptions)))
            .ToListAsync(cancellationToken);

    private IQueryable<DailyVisitors> Visitors(AnalyticsScope scope, AnalyticsRange range)
    {
        var query = db.Set<DailyVisitors>().AsNoTracking().Where(x => x.Day >= range.From && x.Day <= range.To);
        if (scope.SellerId is { } seller)
        {
            query = query.Where(x => x.SellerId == seller);
        }

        if (scope.ProductId is { } product)
        {
            query = query.Where(x => x.ProductId == product);
        }

        return query;
    }

    private IQueryable<DailyTraffic> Traffic(AnalyticsScope scope, AnalyticsRange range)
    {
        var query = db.Set<DailyTraffic>().AsNoTracking().Where(x => x.Day >= range.From && x.Day <= range.To);
        if (scope.SellerId is { } seller)
        {
            query = query.Where(x => x.SellerId == seller);
        }

        if (scope.ProductId is { } product)
        {
            query = query.Where(x => x.ProductId == product);
        }

        return query;
    }

    /// <summary>Product → category slug of every published listing.</summary>
    /// <summary>One breakdown key's sums; <see cref="Trials"/> and <see cref="Subscriptions"/> are the sign-ups attributed to its views.</summary>
    internal sealed record Group(string Key, long Views, long Confirmed, long VisitorDays, long Bots, long Trials = 0, long Subscriptions = 0)
    {
        /// <summary>The sums of several groups under one key.</summary>
        public static Group Sum(string key, IEnumerable<Group> groups)
        {
            var list = groups as IReadOnlyCollection<Group> ?? groups.ToList();
            return new Group(
                key, list.Sum(g => g.Views), list.Sum(g => g.Confirmed), list.Sum(g => g.VisitorDays), list.Sum(g => g.Bots), list.Sum(g => g.Trials),
                list.Sum(g => g.Subscriptions));
        }
    }
}
