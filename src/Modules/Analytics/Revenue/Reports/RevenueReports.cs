using Microsoft.EntityFrameworkCore;
using Tradewind.Analytics.Revenue.Metrics;
using Tradewind.Analytics.Revenue.Rollups;
using Tradewind.Contracts;
using Tradewind.Contracts.Analytics;
using Tradewind.Persistence;
using Tradewind.Primitives.Ids;
using Tradewind.Primitives.Money;

namespace Tradewind.Analytics.Revenue.Reports;

/// <summary>
/// The revenue reports, from <c>analytics_mrr_snapshots</c> through <see cref="RevenueMath"/>. Each month M reads the
/// snapshots at the start of M and of M + 1 (and of M − 11 for the trailing-12-month figures); the history before
/// the range decides reactivation versus new business and the cohorts' first paid month.
/// </summary>
internal sealed class RevenueReports(TradewindDbContext db) : IRevenueReports
{
    public const int MaxMonths = 36;

    public async Task<RevenueReport> GetAsync(AnalyticsScope scope, DateOnly fromMonth, DateOnly toMonth, string? currency, CancellationToken cancellationToken)
    {
        var (from, to) = Validate(fromMonth, toMonth);
        var snapshots = await LoadAsync(scope, to.AddMonths(1), null, cancellationToken);
        var currencies = snapshots.Select(s => s.Currency).Distinct().Order(StringComparer.Ordinal).ToList();
        var byCurrency = currencies.Where(c => currency is null || c == currency).Select(c => Currency(c, snapshots.Where(s => s.Currency == c).ToList(), from, to)).ToList();
        return new RevenueReport(scope, from, to, currencies, byCurrency, RevenueDefinitions.All);
    }

    public async Task<RevenueCohortReport> GetCohortsAsync(AnalyticsScope scope, DateOnly fromMonth, DateOnly toMonth, string? currency, CancellationToken cancellationToken)
    {
        var (from, to) = Validate(fromMonth, toMonth);
        var snapshots = await LoadAsync(scope, to.AddMonths(1), currency, cancellationToken);
        var cohorts = new List<RevenueCohort>();
        foreach (var group in snapshots.GroupBy(s => s.Currency).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var customers = Series(group, RevenueStreams.Total);
            foreach (var cohort in customers.Values
                .Where(s => s.FirstPaying is { } first && first.AddMonths(-1) >= from && first.AddMonths(-1) <= to)
                .GroupBy(s => s.FirstPaying!.Value.AddMonths(-1))
                .OrderBy(g => g.Key))
            {
                // The closing MRR of month M is the snapshot at the start of M + 1.
                var first = cohort.Sum(s => s.At(cohort.Key.AddMonths(1)));
                var cells = new List<RevenueCohortCell>();
                for (var (k, month) = (0, cohort.Key); month <= to; k++, month = month.AddMonths(1))
                {
                    var mrr = cohort.Sum(s => s.At(month.AddMonths(1)));
                    var retention = RevenueMath.Ratio(mrr, first);
                    cells.Add(new RevenueCohortCell(k, month, mrr, retention, RevenueMath.Percent(retention)));
                }

                cohorts.Add(new RevenueCohort(group.Key, cohort.Key, cohort.Count(), first, cells));
            }
        }

        return new RevenueCohortReport(scope, from, to, cohorts, RevenueDefinitions.CohortRetention);
    }

    private static CurrencyRevenue Currency(string code, IReadOnlyList<MrrSnapshot> snapshots, DateOnly from, DateOnly to)
    {
        var currency = Primitives.Money.Currency.FromCode(code);
        var streams = RevenueStreams.All.ToDictionary(s => s, s => Series(snapshots, s).Values.ToList(), StringComparer.Ordinal);
        var months = new List<RevenueMonth>();
        for (var month = from; month <= to; month = month.AddMonths(1))
        {
            var t0 = month;
            var t1 = month.AddMonths(1);
            var figures = new List<RevenueFigure>();
            foreach (var stream in RevenueStreams.All)
            {
                var changes = streams[stream].Select(s => s.Change(t0, t1)).ToList();
                var m = RevenueMath.Movements(changes);
                var monthly = RevenueMath.Retention(changes);
                var yearly = RevenueMath.Retention(streams[stream].Select(s => s.Change(t1.AddMonths(-12), t1)));
                figures.Add(Amount(RevenueDefinitions.Mrr, stream, m.End, currency));
                figures.Add(Amount(RevenueDefinitions.Arr, stream, RevenueMath.Arr(m.End), currency));
                figures.Add(Amount(RevenueDefinitions.NewBusiness, stream, m.NewBusiness, currency));
                figures.Add(Amount(RevenueDefinitions.Expansion, stream, m.Expansion, currency));
                figures.Add(Amount(RevenueDefinitions.Contraction, stream, m.Contraction, currency));
                figures.Add(Amount(RevenueDefinitions.Churn, stream, m.Churn, currency));
                figures.Add(Amount(RevenueDefinitions.Reactivation, stream, m.Reactivation, currency));
                figures.Add(Amount(RevenueDefinitions.NetNew, stream, m.NetNew, currency));
                figures.Add(Percent(RevenueDefinitions.GrossChurn, stream, RevenueMath.GrossMrrChurnRate(m)));
                figures.Add(Percent(RevenueDefinitions.NetChurn, stream, RevenueMath.NetMrrChurnRate(m)));
                figures.Add(Percent(RevenueDefinitions.Nrr, stream, monthly.Nrr));
                figures.Add(Percent(RevenueDefinitions.Grr, stream, monthly.Grr));
                figures.Add(Percent(RevenueDefinitions.NrrT12m, stream, yearly.Nrr));
                figures.Add(Percent(RevenueDefinitions.GrrT12m, stream, yearly.Grr));
                var quick = RevenueMath.QuickRatio(m);
                figures.Add(new RevenueFigure(RevenueDefinitions.QuickRatio, stream, null, quick, null, RevenueMath.Times(quick)));
                if (stream == RevenueStreams.Total)
                {
                    var paying = changes.Count(c => c.End > 0);
                    figures.Add(new RevenueFigure(RevenueDefinitions.PayingCustomers, stream, null, null, paying, paying.ToString(System.Globalization.CultureInfo.InvariantCulture)));
                    var arpa = RevenueMath.Arpa(m.End, paying);
                    figures.Add(arpa is { } a ? Amount(RevenueDefinitions.Arpa, stream, a, currency) : new RevenueFigure(RevenueDefinitions.Arpa, stream, null, null, null, "undefined"));
                    figures.Add(Percent(RevenueDefinitions.LogoChurn, stream, monthly.LogoChurn));
                    figures.Add(new RevenueFigure(RevenueDefinitions.AcquiredAndLost, stream, null, null, yearly.AcquiredAndLost, yearly.AcquiredAndLost.ToString(System.Globalization.CultureInfo.InvariantCulture)));
                    figures.Add(Amount(RevenueDefinitions.ContractedArr, stream, snapshots.Where(s => s.Month == t1).Sum(s => s.ContractedArrMinor), currency));
                }
            }

            months.Add(new RevenueMonth(month, figures));
        }

        var closing = to.AddMonths(1);
        var byCountry = snapshots
            .Where(s => s.Month == closing && s.CommittedMinor + s.PaygMinor > 0)
            .GroupBy(s => s.BuyerCountry)
            .Select(g => new CountryRevenue(
                g.Key,
                g.Select(s => (s.SellerId, s.BuyerId)).Distinct().Count(),
                g.Sum(s => s.CommittedMinor),
                g.Sum(s => s.PaygMinor),
                g.Sum(s => s.CommittedMinor + s.PaygMinor)))
            .OrderByDescending(c => c.MrrMinor)
            .ThenBy(c => c.Country, StringComparer.Ordinal)
            .ToList();
        return new CurrencyRevenue(code, months, byCountry);
    }

    private static Dictionary<(OrganisationId Seller, OrganisationId Buyer), MrrSeries> Series(IEnumerable<MrrSnapshot> snapshots, string stream)
    {
        var series = new Dictionary<(OrganisationId, OrganisationId), MrrSeries>();
        foreach (var s in snapshots)
        {
            if (!series.TryGetValue((s.SellerId, s.BuyerId), out var one))
            {
                series[(s.SellerId, s.BuyerId)] = one = new MrrSeries();
            }

            one.Add(s.Month, MrrRollup.Streams(s).Single(x => x.Stream == stream).Amount);
        }

        return series;
    }

    private static RevenueFigure Amount(MetricDefinition definition, string stream, long minor, Currency currency) =>
        new(definition, stream, minor, null, null, Money.FromMinor(minor, currency).ToMajorString());

    private static RevenueFigure Percent(MetricDefinition definition, string stream, decimal? ratio) =>
        new(definition, stream, null, ratio, null, RevenueMath.Percent(ratio));

    private static (DateOnly From, DateOnly To) Validate(DateOnly fromMonth, DateOnly toMonth)
    {
        var from = MrrRollup.MonthOf(fromMonth);
        var to = MrrRollup.MonthOf(toMonth);
        if (to < from)
        {
            throw new ValidationFailedException("to", "The last month must not be before the first.");
        }

        if (((to.Year - from.Year) * 12) + to.Month - from.Month + 1 > MaxMonths)
        {
            throw new ValidationFailedException("from", $"A revenue report covers at most {MaxMonths} months.");
        }

        return (from, to);
    }

    private async Task<List<MrrSnapshot>> LoadAsync(AnalyticsScope scope, DateOnly until, string? currency, CancellationToken cancellationToken)
    {
        var query = db.Set<MrrSnapshot>().AsNoTracking().Where(s => s.Month <= until);
        if (scope.SellerId is { } seller)
        {
            query = query.Where(s => s.SellerId == seller);
        }

        if (scope.ProductId is { } product)
        {
            query = query.Where(s => s.ProductId == product);
        }

        if (currency is not null)
        {
            query = query.Where(s => s.Currency == currency);
        }

        return await query.ToListAsync(cancellationToken);
    }
}
