using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Tradewind.Contracts.Accounts;
using Tradewind.Contracts.Catalog;
using Tradewind.Primitives.Ids;
using Tradewind.Web.Security;

namespace Tradewind.Web.Api;

/// <summary>The category taxonomy: public to read, managed by the operator.</summary>
internal static class CatalogApi
{
    public static RouteGroupBuilder MapCatalogApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/categories").WithTags("Catalog");
        group.MapGet("/", ListCategories).WithSummary("The software categories, with published listing counts").AllowAnonymous();
        group.MapPost("/", CreateCategory).WithSummary("Add a category (operator)").RequireAuthorization(Policies.Operator);
        group.MapPut("/{id:guid}", UpdateCategory).WithSummary("Rename a category or move it to another group; the slug stays (operator)").RequireAuthorization(Policies.Operator);
        return api;
    }

    public sealed record CategoryResponse(Guid Id, string Slug, string Name, string Group, int ListingCount);

    public sealed record CreateCategoryRequest(string Slug, string Name, string Group);

    public sealed record UpdateCategoryRequest(string Name, string Group);

    private static async Task<Ok<List<CategoryResponse>>> ListCategories(ICatalogQueries catalog, CancellationToken cancellationToken) =>
        TypedResults.Ok((await catalog.ListCategoriesAsync(cancellationToken)).Select(ToResponse).ToList());

    private static async Task<Created<CategoryResponse>> CreateCategory(CreateCategoryRequest request, ICatalogCommands catalog, CancellationToken cancellationToken)
    {
        var created = await catalog.CreateCategoryAsync(new NewCategory(request.Slug, request.Name, request.Group), cancellationToken);
        return TypedResults.Created($"/api/v1/categories/{created.Id}", ToResponse(created));
    }

    private static async Task<Ok<CategoryResponse>> UpdateCategory(Guid id, UpdateCategoryRequest request, ICatalogCommands catalog, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        TypedResults.Ok(ToResponse(await catalog.UpdateCategoryAsync(new CategoryId(id), new CategoryChange(request.Name, request.Group), user.Actor(), cancellationToken)));

    private static CategoryResponse ToResponse(CategoryDto c) => new(c.Id.Value, c.Slug, c.Name, c.Group, c.ListingCount);
}
