using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Tradewind.Contracts.Accounts;
using Tradewind.Contracts.Catalog;
using Tradewind.Primitives.Ids;
using Tradewind.Web.Security;

namespace Tradewind.Web.Api;

/// <summary>
/// A product's pricing plans. Draft terms change freely; the operator's approval of the product publishes them as the next
/// version, and published versions never change (buyers keep the version they accepted).
/// </summary>
internal static class PlansApi
{
    public static RouteGroupBuilder MapPlansApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/products/{id:guid}/plans").WithTags("Plans").RequireAuthorization(ProductsApi.SellerOrOperator);
        group.MapGet("/", List).WithSummary("The product's plans with their draft terms");
        group.MapPost("/", Create).WithSummary("Add a plan (priced in USD)").RequireAuthorization(Policies.Seller);
        group.MapPut("/{planId:guid}", Update).WithSummary("Replace a plan's draft terms; published versions stay as they are").RequireAuthorization(Policies.Seller);
        group.MapGet("/{planId:guid}/versions/{version:int}", GetVersion).WithSummary("One published version of a plan, with its pricing tables and installments");
        return api;
    }

    public sealed record PlanResponse(Guid Id, Guid ProductId, PlanTerms DraftTerms, bool HasDraftChanges, int? PublishedVersion, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);

    public sealed record PlanVersionResponse(
        Guid PlanId,
        Guid ProductId,
        int Version,
        PlanTerms Terms,
        DateTimeOffset PublishedAt,
        IReadOnlyList<string> PricingModels,
        IReadOnlyList<DimensionPriceTable> PriceTables,
        IReadOnlyList<MoneyDto> Installments);

    private static async Task<Results<Ok<List<PlanResponse>>, ProblemHttpResult>> List(Guid id, ICatalogQueries catalog, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        await catalog.ListPlansAsync(new ProductId(id), user.CatalogCaller(), cancellationToken) is { } plans
            ? TypedResults.Ok(plans.Select(ToResponse).ToList())
            : ProductsApi.NotFound(id);

    private static async Task<Created<PlanResponse>> Create(Guid id, PlanTerms terms, ICatalogCommands catalog, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var plan = await catalog.CreatePlanAsync(new ProductId(id), terms, user.CatalogCaller(), cancellationToken);
        return TypedResults.Created($"/api/v1/products/{id}/plans/{plan.Id}", ToResponse(plan));
    }

    private static async Task<Ok<PlanResponse>> Update(Guid id, Guid planId, PlanTerms terms, ICatalogCommands catalog, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        TypedResults.Ok(ToResponse(await catalog.UpdatePlanAsync(new ProductId(id), new PlanId(planId), terms, user.CatalogCaller(), cancellationToken)));

    private static async Task<Results<Ok<PlanVersionResponse>, ProblemHttpResult>> GetVersion(
        Guid id, Guid planId, int version, ICatalogQueries catalog, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        // The product check keeps sellers inside their own products; the version itself is immutable.
        if (await catalog.ListPlansAsync(new ProductId(id), user.CatalogCaller(), cancellationToken) is not { } plans)
        {
            return ProductsApi.NotFound(id);
        }

        return plans.Any(p => p.Id.Value == planId) && await catalog.GetPlanVersionAsync(new PlanId(planId), version, cancellationToken) is { } found
            ? TypedResults.Ok(ToResponse(found))
            : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: $"Plan {planId} has no published version {version}.", type: Problems.ProblemDetailsDefaults.TypeBase + "plan-version-not-found");
    }

    private static PlanResponse ToResponse(PlanDto p) => new(p.Id.Value, p.ProductId.Value, p.DraftTerms, p.HasDraftChanges, p.PublishedVersion, p.CreatedAt, p.UpdatedAt);

    public static PlanVersionResponse ToResponse(PlanVersionDto v) => new(
        v.PlanId.Value, v.ProductId.Value, v.Version, v.Terms, v.PublishedAt, v.PricingModels, v.PriceTables, v.Installments.Select(MoneyDto.From).ToList());
}
