using Microsoft.AspNetCore.Mvc;
using Tradewind.Contracts.Analytics;
using Tradewind.Contracts.Catalog;
using Tradewind.Web.Api;
using Tradewind.Web.Pages.Seller.Analytics;

namespace Tradewind.Web.Pages.Operator;

/// <summary>
/// The marketplace PLG report: every seller's listing traffic and listing conversion by buyer country, listing
/// category, channel and served language, and closing MRR per currency by country and category. <c>?format=csv</c>
/// downloads the traffic rows, <c>&amp;part=revenue</c> the revenue rows.
/// </summary>
internal sealed class AnalyticsModel(IMarketplaceReports reports, ICatalogQueries catalog, ICatalogQueries categories, TimeProvider clock)
    : AnalyticsReportPage(catalog, clock)
{
    [BindProperty(SupportsGet = true)]
    public string? Format { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Part { get; set; }

    public MarketplaceReport Report { get; private set; } = null!;

    public override bool FiltersByProduct => false;

    /// <summary>Category names by slug, for the category rows.</summary>
    public IReadOnlyDictionary<string, string> CategoryNames { get; private set; } = new Dictionary<string, string>();

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        await ResolveAsync(cancellationToken);
        Report = await reports.GetAsync(Range, cancellationToken);
        CategoryNames = (await categories.ListCategoriesAsync(cancellationToken)).ToDictionary(c => c.Slug, c => c.Name, StringComparer.Ordinal);
        if (!WantsCsv(Format))
        {
            return Page();
        }

        return string.Equals(Part, "revenue", StringComparison.OrdinalIgnoreCase)
            ? Csv(AnalyticsTrafficApi.MarketplaceRevenueCsv(Report), "marketplace-revenue.csv")
            : Csv(AnalyticsTrafficApi.MarketplaceCsv(Report), "marketplace.csv");
    }
}
