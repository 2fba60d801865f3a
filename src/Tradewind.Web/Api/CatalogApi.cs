using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Tradewind.Contracts;
using Tradewind.Contracts.Accounts;
using Tradewind.Contracts.Catalog;
using Tradewind.Web.Security;

namespace Tradewind.Web.Api;

/// <summary>The category taxonomy (public) and a seller's own products.</summary>
internal static class CatalogApi
{
    public static RouteGroupBuilder MapCatalogApi(this RouteGroupBuilder api)
    {
        api.MapGet("/categories", ListCategories).WithTags("Catalog").WithSummary("The software categories, with published listing counts").AllowAnonymous();
        api.MapGet("/products", ListOwnProducts).WithTags("Catalog").WithSummary("Your organisation's products, any status")
            .RequireAuthorization(Policies.Seller);
        return api;
    }

    public sealed record CategoryResponse(Guid Id, string Slug, string Name, string Group, int ListingCount);

    public sealed record ProductSummaryResponse(Guid Id, string Slug, string Title, string ShortDescription, string Category, ListingStatus Status);

    private static async Task<Ok<List<CategoryResponse>>> ListCategories(ICatalogQueries catalog, CancellationToken cancellationToken) =>
        TypedResults.Ok((await catalog.ListCategoriesAsync(cancellationToken))
            .Select(c => new CategoryResponse(c.Id.Value, c.Slug, c.Name, c.Group, c.ListingCount)).ToList());

    private static async Task<Ok<ApiPage<ProductSummaryResponse>>> ListOwnProducts(ICatalogQueries catalog, ClaimsPrincipal user, int? page, int? pageSize, CancellationToken cancellationToken)
    {
        var result = await catalog.ListBySellerAsync(user.OrganisationId(), PageRequest.From(page, pageSize), cancellationToken);
        return TypedResults.Ok(ApiPage<ProductSummaryResponse>.From(result, l => new ProductSummaryResponse(l.Id.Value, l.Slug, l.Title, l.ShortDescription, l.CategorySlug, l.Status)));
    }
}
