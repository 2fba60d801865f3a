using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tradewind.Contracts.Analytics;
using Tradewind.Contracts.Catalog;
using Tradewind.Web.Api;

namespace Tradewind.Web.Pages.Seller.Analytics;

/// <summary>Traffic and attributed trials by served language × translation kind, with listing conversion; <c>?format=csv</c> downloads it.</summary>
internal sealed class LanguagesModel(ITrafficReports reports, ICatalogQueries catalog, TimeProvider clock) : PageModel
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

    public TrafficFilters Filters { get; private set; } = null!;

    public LanguageReport Report { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        Filters = await TrafficFilters.LoadAsync(catalog, User, today, Period, From, To, Product, cancellationToken);
        Report = await reports.GetLanguagesAsync(Filters.Scope(User), Filters.Range, cancellationToken);
        if (string.Equals(Format, "csv", StringComparison.OrdinalIgnoreCase))
        {
            var range = Filters.Range;
            return Csv(
                Report.Rows.Select(r => new AnalyticsTrafficApi.LanguageCsvRow(range.From, range.To, r.Locale, r.TranslationKind, r.VisitorDays, r.ConfirmedViews, r.Trials, r.Subscriptions, r.Conversion)),
                "languages.csv");
        }

        return Page();
    }

    private FileContentResult Csv<T>(IEnumerable<T> rows, string name) => File(AnalyticsCsv.Write(rows), "text/csv; charset=utf-8", name);
}
