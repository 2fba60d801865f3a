using Microsoft.EntityFrameworkCore;
using Tradewind.Analytics.Revenue.Reports;
using Tradewind.Analytics.Revenue.Rollups;
using Tradewind.Analytics.Traffic.Reports;
using Tradewind.Analytics.Traffic.Rollups;
using Tradewind.Contracts;
using Tradewind.Contracts.Analytics;
using Tradewind.Contracts.Catalog;
using Tradewind.Persistence;
using Tradewind.Primitives.Ids;

namespace Tradewind.Analytics.Marketplace;

/// <summary>
/// The operator's marketplace PLG report (docs/analytics.md § Marketplace report). Country, channel and language rows
/// come from the marketplace-wide traffic report; category rows group <c>analytics_daily_traffic</c> by product and map
/// each product to its listing's primary category; revenue reads the closing MRR snapshots of the range's last month.
/// </summary>
internal sealed class MarketplaceReports(TradewindDbContext db, ITrafficReports traffic, ICatalogQueries catalog) : IMarketplaceReports
{
    public async Task<MarketplaceReport> GetAsync(AnalyticsRange range, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(range);
        var report = await traffic.GetTrafficAsync(AnalyticsScope.Marketplace, range, cancellationToken);
        var categories = await CategoriesAsync(cancellationToken);
        var byProduct = await db.Set<DailyTraffic>().AsNoTracking()
            .Where(x => x.Day >= range.From && x.Day <= range.To)
            .GroupBy(x => x.ProductId)
            .Select(g => new
            {
                ProductId = g.Key,
                Views = g.Sum(x => (long)x.Views),
                Confirmed = g.Sum(x => (long)x.ConfirmedViews),
                VisitorDays = g.Sum(x => (long)x.VisitorDays),
                Bots = g.Sum(x => (long)x.BotViews),
                Trials = g.Sum(x => (long)x.Trials),
                Subscriptions = g.Sum(x => (long)x.Subscriptions),
            })
            .ToListAsync(cancellationToken);
        var byCategory = byProduct
            .Select(p => new TrafficReports.Group(Category(categories, p.ProductId), p.Views, p.Confirmed, p.VisitorDays, p.Bots, p.Trials, p.Subscriptions))
            .GroupBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => TrafficReports.Group.Sum(g.Key, g));
        var rows = new Dictionary<MarketplaceDimension, IReadOnlyList<TrafficBreakdownRow>>
        {
            [MarketplaceDimension.Country] = report.Breakdowns[TrafficBreakdown.Country],
            [MarketplaceDimension.Category] = TrafficReports.Rows(byCategory),
            [MarketplaceDimension.Channel] = report.Breakdowns[TrafficBreakdown.Channel],
            [MarketplaceDimension.Language] = report.Breakdowns[TrafficBreakdown.Language],
        };

        // Every attributed sign-up is in exactly one row of any breakdown, so one breakdown's sum is the total.
        var trials = rows[MarketplaceDimension.Channel].Sum(r => r.Trials);
        var subscriptions = rows[MarketplaceDimension.Channel].Sum(r => r.Subscriptions);
        var month = new DateOnly(range.To.Year, range.To.Month, 1);
        var revenue = await RevenueAsync(month, categories, cancellationToken);
        return new MarketplaceReport(
            range, report.Totals, trials, subscriptions, TrafficReports.Ratio(trials, report.Totals.VisitorDays), rows, month, revenue,
            [.. TrafficMetrics.Traffic, RevenueDefinitions.Mrr, RevenueDefinitions.PayingCustomers]);
    }

    /// <summary>
    /// The closing MRR of <paramref name="month"/>: the snapshots at the start of the next month (for the month in
    /// progress, the provisional figure of the last rollup), per currency, by buyer country and by listing category.
    /// </summary>
    private async Task<IReadOnlyList<MarketplaceRevenue>> RevenueAsync(DateOnly month, Dictionary<ProductId, string> categories, CancellationToken cancellationToken)
    {
        var closing = month.AddMonths(1);
        var snapshots = await db.Set<MrrSnapshot>().AsNoTracking()
            .Where(s => s.Month == closing && s.CommittedMinor + s.PaygMinor > 0)
            .Select(s => new Paying(s.SellerId, s.BuyerId, s.ProductId, s.Currency, s.BuyerCountry, s.CommittedMinor, s.PaygMinor))
            .ToListAsync(cancellationToken);
        return snapshots
            .GroupBy(s => s.Currency, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g =>
            {
                var total = Split("", g);
                return new MarketplaceRevenue(
                    g.Key, total.PayingCustomers, total.CommittedMinor, total.PaygMinor, total.MrrMinor,
                    Splits(g, s => s.Country),
                    Splits(g, s => Category(categories, s.ProductId)));
            })
            .ToList();
    }

    private static List<RevenueSplitRow> Splits(IEnumerable<Paying> snapshots, Func<Paying, string> key) =>
        snapshots
            .GroupBy(key, StringComparer.Ordinal)
            .Select(g => Split(g.Key, g))
            .OrderByDescending(r => r.MrrMinor)
            .ThenBy(r => r.Key, StringComparer.Ordinal)
            .ToList();

    private static RevenueSplitRow Split(string key, IEnumerable<Paying> snapshots)
    {
        var list = snapshots as IReadOnlyCollection<Paying> ?? snapshots.ToList();
        return new RevenueSplitRow(
            key,
            list.Select(s => (s.SellerId, s.BuyerId)).Distinct().Count(),
            list.Sum(s => s.CommittedMinor),
            list.Sum(s => s.PaygMinor),
            list.Sum(s => s.CommittedMinor + s.PaygMinor));
    }

    private static string Category(Dictionary<ProductId, string> categories, ProductId product) => categories.GetValueOrDefault(product, "");

    /// <summary>Every published listing's primary category by product.</summary>
    private async Task<Dictionary<ProductId, string>> CategoriesAsync(CancellationToken cancellationToken)
    {
        var map = new Dictionary<ProductId, string>();
        for (var number = 1; ; number++)
        {
            var page = await catalog.ListPublishedAsync(null, new PageRequest(number, PageRequest.MaxSize), cancellationToken);
            foreach (var listing in page.Items)
            {
                map[listing.Id] = listing.CategorySlug;
            }

            if (!page.HasNext)
            {
                return map;
            }
        }
    }

    private sealed record Paying(OrganisationId SellerId, OrganisationId BuyerId, ProductId ProductId, string Currency, string Country, long CommittedMinor, long PaygMinor);
}
