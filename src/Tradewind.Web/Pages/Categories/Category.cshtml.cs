using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tradewind.Contracts;
using Tradewind.Contracts.Catalog;
using Tradewind.Web.Pages.Shared;

namespace Tradewind.Web.Pages.Categories;

internal sealed class CategoryModel(ICatalogQueries catalog) : PageModel
{
    private const int PageSize = 24;

    public CategoryDto Category { get; private set; } = null!;

    public Page<ListingSummaryDto> Listings { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string slug, [FromQuery(Name = Pager.QueryParameter)] int? pageNumber, CancellationToken cancellationToken)
    {
        var categories = await catalog.ListCategoriesAsync(cancellationToken);
        var category = categories.FirstOrDefault(c => string.Equals(c.Slug, slug, StringComparison.Ordinal));
        if (category is null)
        {
            return NotFound();
        }

        Category = category;
        Listings = await catalog.ListPublishedAsync(category.Slug, new PageRequest(Pager.Number(pageNumber), PageSize), cancellationToken);
        Response.CachePubliclyWhenAnonymous(User);
        return Page();
    }
}
