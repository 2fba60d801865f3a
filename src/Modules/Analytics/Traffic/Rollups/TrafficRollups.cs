using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Tradewind.Contracts.Analytics;
using Tradewind.Persistence;

namespace Tradewind.Analytics.Traffic.Rollups;

/// <summary>
/// Rebuilds <c>analytics_daily_traffic</c>, <c>analytics_daily_visitors</c> and
/// <c>analytics_daily_language_conversion</c> for a range of UTC days from <c>analytics_events</c>: each day's rows are
/// deleted and recomputed with one <c>INSERT … SELECT … GROUP BY</c> per table, in one transaction, so a rebuild is
/// idempotent and a reader never sees a half-built day. The SQL is the same on SQLite and PostgreSQL; only the
/// parameter values differ (SQLite stores instants as UTC ticks and dates as ISO text).
/// </summary>
internal sealed class TrafficRollups(TradewindDbContext db) : ITrafficRollups
{
    private const string Human = "e.confirmed AND NOT e.is_bot";

    // Sign-ups join the group of the view they are attributed to (AttributionViewId, else analytics_attributions), on
    // the sign-up's day; a view-less group row carries only the sign-up counts.
    private const string TrafficSql = $$"""
        INSERT INTO analytics_daily_traffic
            (day, seller_id, product_id, source, medium, campaign, referrer_host, channel, country, locale, translation_kind,
             views, confirmed_views, bot_views, visitor_days, trials, subscriptions)
        SELECT {0}, x.seller_id, x.product_id, x.source, x.medium, x.campaign, x.referrer_host, x.channel, x.country, x.locale, x.kind,
            SUM(x.vw), SUM(x.cv), SUM(x.bv), SUM(x.vd), SUM(x.tr), SUM(x.su)
        FROM (
            SELECT e.seller_id AS seller_id, e.product_id AS product_id,
                COALESCE(e.source, '') AS source, COALESCE(e.medium, '') AS medium, COALESCE(e.campaign, '') AS campaign,
                COALESCE(e.referrer_host, '') AS referrer_host, COALESCE(e.channel, '') AS channel, COALESCE(e.country, '') AS country,
                COALESCE(e.locale, '') AS locale, COALESCE(e.translation_kind, '') AS kind,
                COUNT(*) AS vw,
                SUM(CASE WHEN {{Human}} THEN 1 ELSE 0 END) AS cv,
                SUM(CASE WHEN e.is_bot THEN 1 ELSE 0 END) AS bv,
                COUNT(DISTINCT CASE WHEN {{Human}} THEN e.visitor_day_hash END) AS vd,
                0 AS tr, 0 AS su
            FROM analytics_events e
            WHERE e.name = 'listing_view' AND e.occurred_at >= {1} AND e.occurred_at < {2}
                AND e.seller_id IS NOT NULL AND e.product_id IS NOT NULL
            GROUP BY e.seller_id, e.product_id,
                COALESCE(e.source, ''), COALESCE(e.medium, ''), COALESCE(e.campaign, ''), COALESCE(e.referrer_host, ''),
                COALESCE(e.channel, ''), COALESCE(e.country, ''), COALESCE(e.locale, ''), COALESCE(e.translation_kind, '')
            UNION ALL
            SELECT c.seller_id, c.product_id,
                COALESCE(v.source, ''), COALESCE(v.medium, ''), COALESCE(v.campaign, ''), COALESCE(v.referrer_host, ''),
                COALESCE(v.channel, ''), COALESCE(v.country, ''), COALESCE(v.locale, ''), COALESCE(v.translation_kind, ''),
                0, 0, 0, 0,
                SUM(CASE WHEN c.name = 'trial_started' THEN 1 ELSE 0 END),
                SUM(CASE WHEN c.name = 'subscribed' THEN 1 ELSE 0 END)
            FROM analytics_events c
            LEFT JOIN analytics_attributions a ON a.agreement_id = c.agreement_id
            JOIN analytics_events v ON v.id = COALESCE(c.attribution_view_id, a.view_id) AND v.name = 'listing_view'
            WHERE c.name IN ('trial_started', 'subscribed') AND c.occurred_at >= {1} AND c.occurred_at < {2}
                AND c.seller_id IS NOT NULL AND c.product_id IS NOT NULL
            GROUP BY c.seller_id, c.product_id,
                COALESCE(v.source, ''), COALESCE(v.medium, ''), COALESCE(v.campaign, ''), COALESCE(v.referrer_host, ''),
                COALESCE(v.channel, ''), COALESCE(v.country, ''), COALESCE(v.locale, ''), COALESCE(v.translation_kind, '')
        ) x
        GROUP BY x.seller_id, x.product_id, x.source, x.medium, x.campaign, x.referrer_host, x.channel, x.country, x.locale, x.kind
        """;

    private const string VisitorsSql = $$"""
        INSERT INTO analytics_daily_visitors (day, seller_id, product_id, visitor_days, views, confirmed_views, bot_views, cta_clicks)
        SELECT {0}, e.seller_id, e.product_id,
            COUNT(DISTINCT CASE WHEN e.name = 'listing_view' AND {{Human}} THEN e.visitor_day_hash END),
            SUM(CASE WHEN e.name = 'listing_view' THEN 1 ELSE 0 END),
            SUM(CASE WHEN e.name = 'listing_view' AND {{Human}} THEN 1 ELSE 0 END),
            SUM(CASE WHEN e.name = 'listing_view' AND e.is_bot THEN 1 ELSE 0 END),
            SUM(CASE WHEN e.name = 'cta_clicked' AND NOT e.is_bot THEN 1 ELSE 0 END)
        FROM analytics_events e
        WHERE e.name IN ('listing_view', 'cta_clicked') AND e.occurred_at >= {1} AND e.occurred_at < {2}
            AND e.seller_id IS NOT NULL AND e.product_id IS NOT NULL
        GROUP BY e.seller_id, e.product_id
        """;

    // A sign-up's view is the one its event names (AttributionViewId), else the one recorded in analytics_attributions.
    private const string LanguageSql = $$"""
        INSERT INTO analytics_daily_language_conversion
            (day, seller_id, product_id, locale, translation_kind, visitor_days, confirmed_views, trials, subscriptions)
        SELECT {0}, x.seller_id, x.product_id, x.locale, x.kind, SUM(x.vd), SUM(x.cv), SUM(x.tr), SUM(x.su)
        FROM (
            SELECT e.seller_id AS seller_id, e.product_id AS product_id,
                COALESCE(e.locale, '') AS locale, COALESCE(e.translation_kind, '') AS kind,
                COUNT(DISTINCT CASE WHEN {{Human}} THEN e.visitor_day_hash END) AS vd,
                SUM(CASE WHEN {{Human}} THEN 1 ELSE 0 END) AS cv,
                0 AS tr, 0 AS su
            FROM analytics_events e
            WHERE e.name = 'listing_view' AND e.occurred_at >= {1} AND e.occurred_at < {2}
                AND e.seller_id IS NOT NULL AND e.product_id IS NOT NULL
            GROUP BY e.seller_id, e.product_id, COALESCE(e.locale, ''), COALESCE(e.translation_kind, '')
            UNION ALL
            SELECT c.seller_id, c.product_id, COALESCE(v.locale, ''), COALESCE(v.translation_kind, ''),
                0, 0,
                SUM(CASE WHEN c.name = 'trial_started' THEN 1 ELSE 0 END),
                SUM(CASE WHEN c.name = 'subscribed' THEN 1 ELSE 0 END)
            FROM analytics_events c
            LEFT JOIN analytics_attributions a ON a.agreement_id = c.agreement_id
            JOIN analytics_events v ON v.id = COALESCE(c.attribution_view_id, a.view_id) AND v.name = 'listing_view'
            WHERE c.name IN ('trial_started', 'subscribed') AND c.occurred_at >= {1} AND c.occurred_at < {2}
                AND c.seller_id IS NOT NULL AND c.product_id IS NOT NULL
            GROUP BY c.seller_id, c.product_id, COALESCE(v.locale, ''), COALESCE(v.translation_kind, '')
        ) x
        GROUP BY x.seller_id, x.product_id, x.locale, x.kind
        """;

    public Task RebuildAsync(AnalyticsRange range, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(range);
        var sqlite = db.Database.IsSqlite();
        return db.InTransactionAsync(
            async ct =>
            {
                await db.Set<DailyTraffic>().Where(x => x.Day >= range.From && x.Day <= range.To).ExecuteDeleteAsync(ct);
                await db.Set<DailyVisitors>().Where(x => x.Day >= range.From && x.Day <= range.To).ExecuteDeleteAsync(ct);
                await db.Set<DailyLanguageConversion>().Where(x => x.Day >= range.From && x.Day <= range.To).ExecuteDeleteAsync(ct);
                for (var day = range.From; day <= range.To; day = day.AddDays(1))
                {
                    var start = new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
                    var end = start.AddDays(1);
                    object[] parameters = sqlite
                        ? [day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), start.UtcTicks, end.UtcTicks]
                        : [day, start, end];
                    await db.Database.ExecuteSqlRawAsync(TrafficSql, parameters, ct);
                    await db.Database.ExecuteSqlRawAsync(VisitorsSql, parameters, ct);
                    await db.Database.ExecuteSqlRawAsync(LanguageSql, parameters, ct);
                }

                return true;
            },
            cancellationToken);
    }
}
