using Tradewind.Primitives.Ids;

namespace Tradewind.Contracts.Catalog;

/// <summary>
/// Changes to the Catalog module; only the web host calls these. Seller-scoped commands take the calling seller and answer
/// "not found" for another seller's product. Each transition writes an audit line and an outbox event in its transaction.
/// </summary>
public interface ICatalogCommands
{
    Task<CategoryDto> CreateCategoryAsync(NewCategory category, CancellationToken cancellationToken);

    Task<CategoryDto> UpdateCategoryAsync(CategoryId id, CategoryChange change, string actor, CancellationToken cancellationToken);

    Task<ListingDto> CreateListingAsync(NewListing listing, CancellationToken cancellationToken);

    /// <summary>Creates a draft product for <paramref name="caller"/>'s organisation.</summary>
    Task<ProductDto> CreateProductAsync(ListingInput input, CatalogCaller caller, string sellerName, CancellationToken cancellationToken);

    /// <summary>Replaces the working draft. A published product keeps its published revision until a new one is approved.</summary>
    Task<ProductDto> UpdateProductAsync(ProductId id, ListingInput input, CatalogCaller caller, CancellationToken cancellationToken);

    /// <summary>Stores a PNG, JPEG or WebP image (checked by its magic bytes) as the draft's logo or a new screenshot.</summary>
    Task<MediaDto> UploadMediaAsync(ProductId id, MediaKind kind, byte[] bytes, CatalogCaller caller, CancellationToken cancellationToken);

    Task<PlanDto> CreatePlanAsync(ProductId productId, PlanTerms terms, CatalogCaller caller, CancellationToken cancellationToken);

    /// <summary>Replaces a plan's draft terms. Published versions never change; approval publishes the draft as the next version.</summary>
    Task<PlanDto> UpdatePlanAsync(ProductId productId, PlanId planId, PlanTerms terms, CatalogCaller caller, CancellationToken cancellationToken);

    Task<ProductDto> SubmitAsync(ProductId id, CatalogCaller caller, CancellationToken cancellationToken);

    Task<ProductDto> ApproveAsync(ProductId id, CatalogCaller caller, CancellationToken cancellationToken);

    Task<ProductDto> RejectAsync(ProductId id, string reason, CatalogCaller caller, CancellationToken cancellationToken);

    Task<ProductDto> RestrictAsync(ProductId id, string reason, CatalogCaller caller, CancellationToken cancellationToken);

    Task<ProductDto> ArchiveAsync(ProductId id, CatalogCaller caller, CancellationToken cancellationToken);
}
