using Microsoft.AspNetCore.Mvc.RazorPages;
using Tradewind.Contracts.Catalog;
using Tradewind.Web.Pages.Shared;

namespace Tradewind.Web.Pages.Categories;

internal sealed class IndexModel(ICatalogQueries catalog) : PageModel
{
    public IReadOnlyList<IGrouping<string, CategoryDto>> CategoryGroups { get; private set; } = [];

    public int ListingCount { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var categories = await catalog.ListCategoriesAsync(cancellationToken);
        CategoryGroups = CategoryBrowser.Group(categories);
        ListingCount = categories.Sum(c => c.ListingCount);
        Response.CachePubliclyWhenAnonymous(User);
    }
}
