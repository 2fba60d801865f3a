using Microsoft.AspNetCore.Mvc;
using Tradewind.Contracts.Analytics;
using Tradewind.Contracts.Catalog;
using Tradewind.Web.Api;

namespace Tradewind.Web.Pages.Seller.Analytics;

/// <summary>Traffic and attributed trials by served language × translation kind, with listing conversion; <c>?format=csv</c> downloads it.</summary>
internal sealed class LanguagesModel(ITrafficReports reports, ICatalogQueries catalog, TimeProvider clock) : AnalyticsReportPage(catalog, clock)
{
    [BindProperty(SupportsGet = true)]
    public string? Format { get; set; }

    public LanguageReport Report { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        await ResolveAsync(cancellationToken);
        Report = await reports.GetLanguagesAsync(Scope, Range, cancellationToken);
        return WantsCsv(Format)
            ? Csv(
                Report.Rows.Select(r => new AnalyticsTrafficApi.LanguageCsvRow(Range.From, Range.To, r.Locale, r.TranslationKind, r.VisitorDays, r.ConfirmedViews, r.Trials, r.Subscriptions, r.Conversion)),
                "languages.csv")
            : Page();
    }
}
