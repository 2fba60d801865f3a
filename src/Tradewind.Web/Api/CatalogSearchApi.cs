using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;
using Tradewind.Contracts.Catalog;

namespace Tradewind.Web.Api;

/// <summary>Public, typo-tolerant search over published listings, with facet counts for building filters.</summary>
internal static class CatalogSearchApi
{
    public static RouteGroupBuilder MapCatalogSearchApi(this RouteGroupBuilder api)
    {
        api.MapGet("/catalog/search", Search).WithTags("Catalog")
            .WithSummary("Search published listings")
            .WithDescription(
                "Full-text search over titles, highlights, keywords, seller names and descriptions, tolerant of typos. " +
                "`q` empty lists everything. Filters: `category` (slug), `pricing` (`free-trial`, `free-tier`, `usage`, `contract`), " +
                "`seller` (organisation id). `sort`: `relevance` (default with `q`), `newest` (default without), `title`. " +
                "`pageSize` at most 50. Facet counts cover every match, not only the page.")
            .AllowAnonymous();
        return api;
    }

    public sealed record SearchResponse(
        string Query, string Sort, IReadOnlyList<SearchHitResponse> Items, int Page, int PageSize, int TotalCount, int TotalPages, FacetsResponse Facets);

    public sealed record SearchHitResponse(
        Guid Id,
        string Slug,
        string Title,
        string ShortDescription,
        Guid SellerId,
        string SellerName,
        string Category,
        IReadOnlyList<string> Categories,
        IReadOnlyList<string> PricingModels,
        DateTimeOffset PublishedAt,
        float Score);

    public sealed record FacetsResponse(IReadOnlyList<FacetResponse> Categories, IReadOnlyList<FacetResponse> PricingModels, IReadOnlyList<FacetResponse> Sellers);

    public sealed record FacetResponse(string Value, string Label, int Count, bool Selected);

    private static async Task<Ok<SearchResponse>> Search(
        ICatalogSearch search,
        HttpResponse response,
        string? q,
        string? category,
        string? pricing,
        string? seller,
        string? sort,
        int? page,
        int? pageSize,
        string? lang,
        CancellationToken cancellationToken)
    {
        var request = CatalogSearchRequest.Parse(q, category, pricing, seller, sort, page, pageSize) with { Language = lang };
        var result = await search.SearchAsync(request, cancellationToken);
        // Every node answers from its own index, refreshed every few seconds: a short shared-cache life costs nothing.
        response.Headers[HeaderNames.CacheControl] = "public, max-age=30";
        var hits = result.Hits;
        return TypedResults.Ok(new SearchResponse(
            request.Query,
            CatalogSearchRequest.SortName(result.Sort),
            hits.Items.Select(h => new SearchHitResponse(
                h.Id.Value, h.Slug, h.Title, h.ShortDescription, h.SellerId.Value, h.SellerName, h.CategorySlug, h.CategorySlugs, h.PricingModels, h.PublishedAt, h.Score)).ToList(),
            hits.PageNumber,
            hits.PageSize,
            hits.TotalCount,
            hits.TotalPages,
            new FacetsResponse(Facets(result.Facets.Categories), Facets(result.Facets.PricingModels), Facets(result.Facets.Sellers))));
    }

    private static List<FacetResponse> Facets(IReadOnlyList<FacetCount> facets) =>
        facets.Select(f => new FacetResponse(f.Value, f.Label, f.Count, f.Selected)).ToList();
}
