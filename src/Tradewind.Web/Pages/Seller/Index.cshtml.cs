using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tradewind.Contracts;
using Tradewind.Contracts.Catalog;
using Tradewind.Web.Pages.Shared;
using Tradewind.Web.Security;

namespace Tradewind.Web.Pages.Seller;

internal sealed class IndexModel(ICatalogQueries catalog) : PageModel
{
    private const int PageSize = 20;

    public Page<ListingSummaryDto> Listings { get; private set; } = null!;

    public async Task OnGetAsync([FromQuery(Name = Pager.QueryParameter)] int? pageNumber, CancellationToken cancellationToken) =>
        Listings = await catalog.ListBySellerAsync(User.OrganisationId(), new PageRequest(Pager.Number(pageNumber), PageSize), cancellationToken);
}
