using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Tradewind.Contracts;
using Tradewind.Contracts.Analytics;
using Tradewind.Primitives.Money;
using Tradewind.Web.Api;
using Tradewind.Web.Pages.Shared;

namespace Tradewind.Web.Pages.Seller.Analytics;

/// <summary>
/// The seller's revenue metrics (docs/analytics.md, "Revenue metrics") for one of its currencies: MRR stacked committed
/// and PAYG, the movements, every metric of the last month beside its definition, NRR/GRR, MRR by buyer country and
/// the revenue retention cohorts. <c>?format=csv</c> downloads what <c>GET /api/v1/analytics/revenue?format=csv</c> does.
/// </summary>
internal sealed class RevenueModel(IRevenueReports reports, TimeProvider clock, IStringLocalizer<SharedResource> localizer) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? To { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Currency { get; set; }

    public RevenueReport? Report { get; private set; }

    public CurrencyRevenue? Selected { get; private set; }

    public RevenueCohortReport? Cohorts { get; private set; }

    public string? Error { get; private set; }

    public ChartView? MrrChart { get; private set; }

    public ChartView? MovementsChart { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? format, CancellationToken cancellationToken)
    {
        (AnalyticsScope Scope, DateOnly From, DateOnly To, string? Currency, bool Csv) query;
        try
        {
            query = AnalyticsRevenueApi.Read(From, To, null, Currency, null, format, User, clock);
            Report = await reports.GetAsync(query.Scope, query.From, query.To, null, cancellationToken);
        }
        catch (ValidationFailedException exception)
        {
            Error = string.Join(" ", exception.Errors.SelectMany(e => e.Value));
            query = AnalyticsRevenueApi.Read(null, null, null, null, null, null, User, clock);
            Report = await reports.GetAsync(query.Scope, query.From, query.To, null, cancellationToken);
        }

        From = Month(Report.FromMonth);
        To = Month(Report.ToMonth);
        Selected = Report.ByCurrency.FirstOrDefault(c => c.Currency == query.Currency) ?? (Report.ByCurrency.Count > 0 ? Report.ByCurrency[0] : null);
        Currency = Selected?.Currency;
        if (query.Csv)
        {
            return Redirect($"/api/v1/analytics/revenue?from={From}&to={To}&format=csv{(Currency is null ? "" : "&currency=" + Currency)}");
        }

        Cohorts = await reports.GetCohortsAsync(query.Scope, Report.FromMonth, Report.ToMonth, Currency, cancellationToken);
        if (Selected is { } selected)
        {
            var labels = selected.Months.Select(m => Month(m.Month)).ToList();
            var unit = Primitives.Money.Currency.FromCode(selected.Currency);
            IReadOnlyList<decimal> Values(string code, string stream, int sign = 1) =>
                selected.Months.Select(m => sign * Major(m.Find(code, stream)?.AmountMinor ?? 0, unit)).ToList();
            MrrChart = new ChartView(
                "revenue-mrr",
                localizer["MRR by month, committed and PAYG"].Value + " (" + selected.Currency + ")",
                "bar",
                labels,
                [new ChartSeries(localizer["Committed MRR"].Value, Values("mrr", RevenueStreams.Committed)), new ChartSeries(localizer["PAYG MRR"].Value, Values("mrr", RevenueStreams.Payg))],
                Stacked: true);
            MovementsChart = new ChartView(
                "revenue-movements",
                localizer["MRR movements by month"].Value + " (" + selected.Currency + ")",
                "bar",
                labels,
                [
                    new ChartSeries(localizer["New business MRR"].Value, Values("new_business", RevenueStreams.Total)),
                    new ChartSeries(localizer["Expansion MRR"].Value, Values("expansion", RevenueStreams.Total)),
                    new ChartSeries(localizer["Reactivation MRR"].Value, Values("reactivation", RevenueStreams.Total)),
                    new ChartSeries(localizer["Contraction MRR"].Value, Values("contraction", RevenueStreams.Total, -1)),
                    new ChartSeries(localizer["Churned MRR"].Value, Values("churn", RevenueStreams.Total, -1)),
                ],
                Stacked: true);
        }

        return Page();
    }

    public static string Month(DateOnly month) => month.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    /// <summary>Minor units as a formatted amount in the current culture's digits, for tables.</summary>
    public static string Amount(long minor, string currency) =>
        Money.FromMinor(minor, Primitives.Money.Currency.FromCode(currency)).Amount.ToString("N" + Primitives.Money.Currency.FromCode(currency).MinorUnits.ToString(CultureInfo.InvariantCulture), CultureInfo.CurrentCulture);

    private static decimal Major(long minor, Currency currency) => Money.FromMinor(minor, currency).Amount;
}
