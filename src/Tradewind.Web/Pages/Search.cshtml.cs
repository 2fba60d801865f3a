using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tradewind.Contracts;
using Tradewind.Contracts.Catalog;
using Tradewind.Web.Pages.Shared;

namespace Tradewind.Web.Pages;

/// <summary>
/// The storefront search: the same request parsing and index as <c>GET /api/v1/catalog/search</c>, so a query
/// answers the same listings on the page and through the API. Every control is a link or a GET form.
/// </summary>
internal sealed class SearchModel(ICatalogSearch search) : PageModel
{
    public const int PageSize = CatalogSearchRequest.DefaultPageSize;

    private readonly Dictionary<string, string?> _current = new(StringComparer.Ordinal);

    public CatalogSearchRequest Criteria { get; private set; } = new();

    public CatalogSearchResult Result { get; private set; } = null!;

    public bool HasFilters => Criteria.Category is not null || Criteria.Pricing is not null || Criteria.Seller is not null;

    public IEnumerable<ListingSummaryDto> Listings => Result.Hits.Items.Select(h =>
        new ListingSummaryDto(h.Id, h.Slug, h.Title, h.ShortDescription, h.SellerId, h.SellerName, h.CategorySlug, h.CategoryName, ListingStatus.Published));

    public async Task<IActionResult> OnGetAsync(
        string? q, string? category, string? pricing, string? seller, string? sort, [FromQuery(Name = Pager.QueryParameter)] int? pageNumber, CancellationToken cancellationToken)
    {
        try
        {
            Criteria = CatalogSearchRequest.Parse(q, category, pricing, seller, sort, Pager.Number(pageNumber), PageSize) with
            {
                // Listings' translations into the visitor's language match too.
                Language = System.Globalization.CultureInfo.CurrentUICulture.TwoLetterISOLanguageName,
            };
        }
        catch (ValidationFailedException)
        {
            return BadRequest();
        }

        _current["q"] = Criteria.Query.Length == 0 ? null : Criteria.Query;
        _current["category"] = Criteria.Category;
        _current["pricing"] = Criteria.Pricing;
        _current["seller"] = Criteria.Seller?.ToString();
        _current["sort"] = string.IsNullOrWhiteSpace(sort) ? null : CatalogSearchRequest.SortName(Criteria.Sort);
        Result = await search.SearchAsync(Criteria, cancellationToken);
        Response.CachePubliclyWhenAnonymous(User);
        return Page();
    }

    /// <summary>This search with one parameter set (or removed when null), back on its first page.</summary>
    public string With(string parameter, string? value)
    {
        var query = _current.Where(p => !string.Equals(p.Key, parameter, StringComparison.Ordinal)).ToList();
        query.Add(new(parameter, value));
        return "/search" + QueryString.Create(query.Where(p => p.Value is not null));
    }

    /// <summary>A facet value's link: selecting it filters by it; selecting it again removes the filter.</summary>
    public string Toggle(string parameter, FacetCount facet)
    {
        ArgumentNullException.ThrowIfNull(facet);
        return With(parameter, facet.Selected ? null : facet.Value);
    }

    /// <summary>The query and sort without any filter.</summary>
    public string WithoutFilters() =>
        "/search" + QueryString.Create(_current.Where(p => p.Key is "q" or "sort" && p.Value is not null));
}
