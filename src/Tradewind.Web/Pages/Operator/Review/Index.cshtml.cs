using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tradewind.Contracts;
using Tradewind.Contracts.Catalog;
using Tradewind.Web.Pages.Shared;

namespace Tradewind.Web.Pages.Operator.Review;

internal sealed class IndexModel(ICatalogQueries catalog) : PageModel
{
    private const int PageSize = 20;

    public Page<ReviewItemDto> Queue { get; private set; } = null!;

    [TempData]
    public string? StatusMessage { get; set; }

    public async Task OnGetAsync([FromQuery(Name = Pager.QueryParameter)] int? pageNumber, CancellationToken cancellationToken) =>
        Queue = await catalog.ListReviewQueueAsync(new PageRequest(Pager.Number(pageNumber), PageSize), cancellationToken);
}
