using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Tradewind.Contracts;
using Tradewind.Contracts.Accounts;
using Tradewind.Contracts.Catalog;
using Tradewind.Primitives.Ids;
using Tradewind.Web.Security;

namespace Tradewind.Web.Api;

/// <summary>The operator's review of submitted products: the queue with what changed, and the decisions.</summary>
internal static class ReviewApi
{
    public static RouteGroupBuilder MapReviewApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/review").WithTags("Review").RequireAuthorization(Policies.Operator);
        group.MapGet("/", Queue).WithSummary("Submitted products, oldest first, each with its changes against the published revision");
        group.MapGet("/{id:guid}", Get).WithSummary("One product's changes: {changes: [{field, before, after}]}");
        group.MapPost("/{id:guid}/approve", Approve).WithSummary("Publish the submitted revision and its plans");
        group.MapPost("/{id:guid}/reject", Reject).WithSummary("Refuse the submitted revision, with a reason for the seller");
        group.MapPost("/{id:guid}/restrict", Restrict).WithSummary("Take the product off the storefront, with a reason");
        return api;
    }

    public sealed record ReasonRequest(string Reason);

    public sealed record ReviewResponse(
        Guid ProductId,
        string Slug,
        string Title,
        Guid SellerId,
        string SellerName,
        DateTimeOffset SubmittedAt,
        int? PublishedRevision,
        IReadOnlyList<FieldChange> Changes);

    private static async Task<Ok<ApiPage<ReviewResponse>>> Queue(ICatalogQueries catalog, int? page, int? pageSize, CancellationToken cancellationToken) =>
        TypedResults.Ok(ApiPage<ReviewResponse>.From(await catalog.ListReviewQueueAsync(PageRequest.From(page, pageSize), cancellationToken), ToResponse));

    private static async Task<Results<Ok<ReviewResponse>, ProblemHttpResult>> Get(Guid id, ICatalogQueries catalog, CancellationToken cancellationToken) =>
        await catalog.GetReviewAsync(new ProductId(id), cancellationToken) is { } review ? TypedResults.Ok(ToResponse(review)) : ProductsApi.NotFound(id);

    private static async Task<Ok<ProductsApi.ProductResponse>> Approve(Guid id, ICatalogCommands catalog, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        TypedResults.Ok(ProductsApi.ToResponse(await catalog.ApproveAsync(new ProductId(id), user.CatalogCaller(), cancellationToken)));

    private static async Task<Ok<ProductsApi.ProductResponse>> Reject(Guid id, ReasonRequest request, ICatalogCommands catalog, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        TypedResults.Ok(ProductsApi.ToResponse(await catalog.RejectAsync(new ProductId(id), request.Reason, user.CatalogCaller(), cancellationToken)));

    private static async Task<Ok<ProductsApi.ProductResponse>> Restrict(Guid id, ReasonRequest request, ICatalogCommands catalog, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        TypedResults.Ok(ProductsApi.ToResponse(await catalog.RestrictAsync(new ProductId(id), request.Reason, user.CatalogCaller(), cancellationToken)));

    private static ReviewResponse ToResponse(ReviewItemDto r) =>
        new(r.ProductId.Value, r.Slug, r.Title, r.SellerId.Value, r.SellerName, r.SubmittedAt, r.PublishedRevision, r.Changes);
}
