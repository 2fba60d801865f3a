using Tradewind.Primitives.Ids;

namespace Tradewind.Contracts.Catalog;

/// <summary>Reads from the Catalog module; any module may call these.</summary>
public interface ICatalogQueries
{
    Task<IReadOnlyList<CategoryDto>> ListCategoriesAsync(CancellationToken cancellationToken);

    /// <summary>Listings on the storefront (their published revision), newest first, optionally in one category.</summary>
    Task<Page<ListingSummaryDto>> ListPublishedAsync(string? categorySlug, PageRequest page, CancellationToken cancellationToken);

    /// <summary>A listing on the storefront with its published revision and published plans; null when not on the storefront.</summary>
    Task<ListingDto?> FindPublishedBySlugAsync(string slug, CancellationToken cancellationToken);

    /// <summary>Every listing of one seller, any status, from the working draft. Never returns another seller's listings.</summary>
    Task<Page<ListingSummaryDto>> ListBySellerAsync(OrganisationId sellerId, PageRequest page, CancellationToken cancellationToken);

    Task<int> CountPublishedAsync(CancellationToken cancellationToken);

    /// <summary>A product for its seller or the operator; null when it does not exist or belongs to another seller.</summary>
    Task<ProductDto?> FindProductAsync(ProductId id, CatalogCaller caller, CancellationToken cancellationToken);

    /// <summary>A product's plans (working terms); null when the product is not the caller's.</summary>
    Task<IReadOnlyList<PlanDto>?> ListPlansAsync(ProductId productId, CatalogCaller caller, CancellationToken cancellationToken);

    /// <summary>One published version of a plan, whatever newer versions exist: what a buyer accepted stays readable.</summary>
    Task<PlanVersionDto?> GetPlanVersionAsync(PlanId planId, int version, CancellationToken cancellationToken);

    /// <summary>Submitted products, oldest submission first, each with its changes against the last published revision.</summary>
    Task<Page<ReviewItemDto>> ListReviewQueueAsync(PageRequest page, CancellationToken cancellationToken);

    /// <summary>A product's pending review; null when the product does not exist.</summary>
    Task<ReviewItemDto?> GetReviewAsync(ProductId id, CancellationToken cancellationToken);

    /// <summary>An uploaded image, for serving; null when unknown.</summary>
    Task<MediaContent?> FindMediaAsync(MediaId id, CancellationToken cancellationToken);

    /// <summary>
    /// Published products for the search index, from their published revisions. Without <paramref name="changedSince"/>, every
    /// product on the storefront; with it, every product whose storefront presence changed at or after that instant, including
    /// those taken off it (<see cref="ListingSearchDocument.Removed"/>). Poll with the time the previous poll started.
    /// </summary>
    IAsyncEnumerable<ListingSearchDocument> StreamPublishedForSearchAsync(DateTimeOffset? changedSince, CancellationToken cancellationToken);
}
