using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tradewind.Contracts.Analytics;
using Tradewind.Contracts.Catalog;
using Tradewind.Web.Api;

namespace Tradewind.Web.Pages.Seller.Analytics;

/// <summary>
/// The seller's listing traffic: headline figures with their definitions, views vs confirmed vs bots per day, and
/// the breakdowns with shares; <c>?format=csv</c> downloads the daily series, or one breakdown with <c>breakdown=</c>.
/// </summary>
internal sealed class TrafficModel(ITrafficReports reports, ICatalogQueries catalog, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Period { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? To { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Product { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Format { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Breakdown { get; set; }

    public TrafficFilters Filters { get; private set; } = null!;

    public TrafficReport Report { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        Filters = await TrafficFilters.LoadAsync(catalog, User, today, Period, From, To, Product, cancellationToken);
        Report = await reports.GetTrafficAsync(Filters.Scope(User), Filters.Range, cancellationToken);
        if (string.Equals(Format, "csv", StringComparison.OrdinalIgnoreCase))
        {
            var range = Filters.Range;
            if (!string.IsNullOrEmpty(Breakdown))
            {
                var b = AnalyticsTrafficApi.ParseBreakdown(Breakdown);
                var name = AnalyticsTrafficApi.Wire(b);
                return Csv(
                    Report.Breakdowns[b].Select(r => new AnalyticsTrafficApi.BreakdownCsvRow(range.From, range.To, name, r.Key, r.Views, r.ConfirmedViews, r.VisitorDays, r.BotViews, r.Share)),
                    $"traffic-{name}.csv");
            }

            return Csv(Report.Daily.Select(d => new AnalyticsTrafficApi.DayCsvRow(d.Day, d.Views, d.ConfirmedViews, d.BotViews, d.VisitorDays)), "traffic-daily.csv");
        }

        return Page();
    }

    private FileContentResult Csv<T>(IEnumerable<T> rows, string name) => File(AnalyticsCsv.Write(rows), "text/csv; charset=utf-8", name);
}
