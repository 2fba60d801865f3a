using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tradewind.Contracts;
using Tradewind.Contracts.Catalog;
using Tradewind.Contracts.Metering;
using Tradewind.Web.Api;
using Tradewind.Web.Pages.Seller.Usage;
using Tradewind.Web.Pages.Shared;
using Tradewind.Web.Security;

namespace Tradewind.Web.Pages.Seller;

internal sealed class IndexModel(ICatalogQueries catalog, IUsageQueries usage, TimeProvider clock) : PageModel
{
    private const int PageSize = 20;

    public Page<ListingSummaryDto> Listings { get; private set; } = null!;

    /// <summary>Records reported in the last 30 days.</summary>
    public long UsageRecords { get; private set; }

    /// <summary>The dimension with the most records in the last 30 days, with its quantity; null without usage.</summary>
    public (string Dimension, long Quantity, long Records)? TopDimension { get; private set; }

    public async Task OnGetAsync([FromQuery(Name = Pager.QueryParameter)] int? pageNumber, CancellationToken cancellationToken)
    {
        Listings = await catalog.ListBySellerAsync(User.OrganisationId(), new PageRequest(Pager.Number(pageNumber), PageSize), cancellationToken);
        var period = UsagePeriod.Parse(UsagePeriod.DefaultKey, clock.GetUtcNow());
        var totals = await usage.GetTotalsAsync(new UsageQuery(period.From, period.To, UsageGranularity.Total), User.UsageCaller(), cancellationToken);
        UsageRecords = totals.Sum(t => t.Records);
        TopDimension = totals.GroupBy(t => t.Dimension, StringComparer.Ordinal)
            .Select(g => (Dimension: g.Key, Quantity: g.Sum(t => t.Quantity), Records: g.Sum(t => t.Records)))
            .OrderByDescending(d => d.Records).ThenBy(d => d.Dimension, StringComparer.Ordinal)
            .Select(d => ((string, long, long)?)d)
            .FirstOrDefault();
    }
}
