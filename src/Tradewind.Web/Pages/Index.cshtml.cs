using Microsoft.AspNetCore.Mvc.RazorPages;
using Tradewind.Contracts;
using Tradewind.Contracts.Catalog;
using Tradewind.Web.Pages.Shared;

namespace Tradewind.Web.Pages;

internal sealed class IndexModel(ICatalogQueries catalog) : PageModel
{
    private const int NewestCount = 9;

    public IReadOnlyList<IGrouping<string, CategoryDto>> CategoryGroups { get; private set; } = [];

    public Page<ListingSummaryDto> Newest { get; private set; } = new([], 1, NewestCount, 0);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var categories = await catalog.ListCategoriesAsync(cancellationToken);
        CategoryGroups = CategoryBrowser.Group(categories);
        Newest = await catalog.ListPublishedAsync(null, new PageRequest(1, NewestCount), cancellationToken);
        Response.CachePubliclyWhenAnonymous(User);
    }
}
