using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tradewind.Contracts.Catalog;
using Tradewind.Web.Pages.Shared;

namespace Tradewind.Web.Pages.Products;

internal sealed class ProductModel(ICatalogQueries catalog) : PageModel
{
    public ListingDto Listing { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken)
    {
        var listing = await catalog.FindPublishedBySlugAsync(slug, cancellationToken);
        if (listing is null)
        {
            return NotFound();
        }

        Listing = listing;
        Response.CachePubliclyWhenAnonymous(User);
        return Page();
    }
}
