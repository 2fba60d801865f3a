using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Tradewind.Contracts;
using Tradewind.Contracts.Accounts;
using Tradewind.Contracts.Catalog;
using Tradewind.Primitives.Ids;
using Tradewind.Web.Security;

namespace Tradewind.Web.Api;

/// <summary>
/// A seller's products and their listings. Sellers see and change only their own (another seller's product answers 404);
/// the operator may read any product and archive it; buyers get 403.
/// </summary>
internal static class ProductsApi
{
    public const string SellerOrOperator = "role:seller-or-operator";

    public static RouteGroupBuilder MapProductsApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/products").WithTags("Products").RequireAuthorization(SellerOrOperator);
        group.MapGet("/", ListOwn).WithSummary("Your organisation's products, any status").RequireAuthorization(Policies.Seller);
        group.MapPost("/", Create).WithSummary("Create a draft product (send an Idempotency-Key)").RequireAuthorization(Policies.Seller);
        group.MapGet("/{id:guid}", Get).WithSummary("A product: working draft and published revision");
        group.MapPut("/{id:guid}", Update).WithSummary("Replace the working draft; a published product stays as approved until the next approval").RequireAuthorization(Policies.Seller);
        group.MapPost("/{id:guid}/submit", Submit).WithSummary("Send the draft to the operator's review").RequireAuthorization(Policies.Seller);
        group.MapPost("/{id:guid}/archive", Archive).WithSummary("Withdraw the product for good (seller or operator)");
        return api;
    }

    public sealed record ProductRequest(
        string Title,
        string? ShortDescription,
        string? LongDescription,
        IReadOnlyList<string>? Highlights,
        IReadOnlyList<string>? Categories,
        IReadOnlyList<string>? Keywords,
        SupportContact? Support,
        string? FulfilmentUrl,
        Availability? Availability,
        Licence? Licence,
        Guid? Logo,
        IReadOnlyList<Guid>? Screenshots)
    {
        public ListingInput ToInput() => new(
            Title, ShortDescription, LongDescription, Highlights, Categories, Keywords, Support, FulfilmentUrl, Availability, Licence,
            Logo is { } logo ? new MediaId(logo) : null, Screenshots?.Select(s => new MediaId(s)).ToList());
    }

    public sealed record ListingContentResponse(
        string Title,
        string ShortDescription,
        string LongDescription,
        IReadOnlyList<string> Highlights,
        IReadOnlyList<CategoryRef> Categories,
        IReadOnlyList<string> Keywords,
        Guid? Logo,
        IReadOnlyList<Guid> Screenshots,
        SupportContact Support,
        string? FulfilmentUrl,
        Availability Availability,
        Licence Licence);

    public sealed record ProductResponse(
        Guid Id,
        Guid SellerId,
        string SellerName,
        string Slug,
        ListingStatus Status,
        ListingContentResponse Draft,
        int? PublishedRevision,
        ListingContentResponse? Published,
        bool HasUnpublishedChanges,
        string? RejectionReason,
        string? RestrictionReason,
        DateTimeOffset CreatedAt,
        DateTimeOffset UpdatedAt,
        DateTimeOffset? PublishedAt);

    public sealed record ProductSummaryResponse(
        Guid Id,
        string Slug,
        string Title,
        string ShortDescription,
        string Category,
        IReadOnlyList<string> Categories,
        ListingStatus Status,
        IReadOnlyList<string> PricingModels);

    private static async Task<Ok<ApiPage<ProductSummaryResponse>>> ListOwn(ICatalogQueries catalog, ClaimsPrincipal user, int? page, int? pageSize, CancellationToken cancellationToken)
    {
        var result = await catalog.ListBySellerAsync(user.OrganisationId(), PageRequest.From(page, pageSize), cancellationToken);
        return TypedResults.Ok(ApiPage<ProductSummaryResponse>.From(result, l => new ProductSummaryResponse(
            l.Id.Value, l.Slug, l.Title, l.ShortDescription, l.CategorySlug, l.Categories.Select(c => c.Slug).ToList(), l.Status, l.Pricing.Models)));
    }

    private static async Task<Created<ProductResponse>> Create(ProductRequest request, ICatalogCommands catalog, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var created = await catalog.CreateProductAsync(request.ToInput(), user.CatalogCaller(), user.OrganisationName(), cancellationToken);
        return TypedResults.Created($"/api/v1/products/{created.Id}", ToResponse(created));
    }

    private static async Task<Results<Ok<ProductResponse>, ProblemHttpResult>> Get(Guid id, ICatalogQueries catalog, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        await catalog.FindProductAsync(new ProductId(id), user.CatalogCaller(), cancellationToken) is { } product
            ? TypedResults.Ok(ToResponse(product))
            : NotFound(id);

    private static async Task<Ok<ProductResponse>> Update(Guid id, ProductRequest request, ICatalogCommands catalog, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        TypedResults.Ok(ToResponse(await catalog.UpdateProductAsync(new ProductId(id), request.ToInput(), user.CatalogCaller(), cancellationToken)));

    private static async Task<Ok<ProductResponse>> Submit(Guid id, ICatalogCommands catalog, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        TypedResults.Ok(ToResponse(await catalog.SubmitAsync(new ProductId(id), user.CatalogCaller(), cancellationToken)));

    private static async Task<Ok<ProductResponse>> Archive(Guid id, ICatalogCommands catalog, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        TypedResults.Ok(ToResponse(await catalog.ArchiveAsync(new ProductId(id), user.CatalogCaller(), cancellationToken)));

    public static ProblemHttpResult NotFound(Guid id) => TypedResults.Problem(
        statusCode: StatusCodes.Status404NotFound,
        title: $"Product {id} does not exist.",
        type: Problems.ProblemDetailsDefaults.TypeBase + "product-not-found");

    public static ProductResponse ToResponse(ProductDto p) => new(
        p.Id.Value, p.SellerId.Value, p.SellerName, p.Slug, p.Status, ToResponse(p.Draft), p.PublishedRevision,
        p.Published is null ? null : ToResponse(p.Published), p.HasUnpublishedChanges, p.RejectionReason, p.RestrictionReason,
        p.CreatedAt, p.UpdatedAt, p.PublishedAt);

    private static ListingContentResponse ToResponse(ListingContentDto c) => new(
        c.Title, c.ShortDescription, c.LongDescription, c.Highlights, c.Categories, c.Keywords, c.Logo?.Value,
        c.Screenshots.Select(s => s.Value).ToList(), c.Support, c.FulfilmentUrl, c.Availability, c.Licence);
}
