using Microsoft.AspNetCore.Mvc;
using Tradewind.Contracts.Analytics;
using Tradewind.Contracts.Catalog;
using Tradewind.Web.Api;

namespace Tradewind.Web.Pages.Seller.Analytics;

/// <summary>
/// The seller's listing traffic: headline figures with their definitions, views vs confirmed vs bots per day, and
/// the breakdowns with shares; <c>?format=csv</c> downloads the daily series, or one breakdown with <c>breakdown=</c>.
/// </summary>
internal sealed class TrafficModel(ITrafficReports reports, ICatalogQueries catalog, TimeProvider clock) : AnalyticsReportPage(catalog, clock)
{
    [BindProperty(SupportsGet = true)]
    public string? Format { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Breakdown { get; set; }

    public TrafficReport Report { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        await ResolveAsync(cancellationToken);
        Report = await reports.GetTrafficAsync(Scope, Range, cancellationToken);
        if (!WantsCsv(Format))
        {
            return Page();
        }

        if (!string.IsNullOrEmpty(Breakdown))
        {
            var b = AnalyticsTrafficApi.ParseBreakdown(Breakdown);
            var name = AnalyticsTrafficApi.Wire(b);
            return Csv(
                Report.Breakdowns[b].Select(r => AnalyticsTrafficApi.BreakdownCsv(Range, name, r)),
                $"traffic-{name}.csv");
        }

        return Csv(Report.Daily.Select(d => new AnalyticsTrafficApi.DayCsvRow(d.Day, d.Views, d.ConfirmedViews, d.BotViews, d.VisitorDays)), "traffic-daily.csv");
    }
}
