using Tradewind.Primitives.Ids;

namespace Tradewind.Contracts.Catalog;

/// <summary>Reads from the Catalog module; any module may call these.</summary>
public interface ICatalogQueries
{
    Task<IReadOnlyList<CategoryDto>> ListCategoriesAsync(CancellationToken cancellationToken);

    /// <summary>Published listings, newest first, optionally in one category.</summary>
    Task<Page<ListingSummaryDto>> ListPublishedAsync(string? categorySlug, PageRequest page, CancellationToken cancellationToken);

    Task<ListingDto?> FindPublishedBySlugAsync(string slug, CancellationToken cancellationToken);

    /// <summary>Every listing of one seller, any status. Never returns another seller's listings.</summary>
    Task<Page<ListingSummaryDto>> ListBySellerAsync(OrganisationId sellerId, PageRequest page, CancellationToken cancellationToken);

    Task<int> CountPublishedAsync(CancellationToken cancellationToken);

    /// <summary>
    /// What the search index needs: every published listing when <paramref name="changedSince"/> is null, otherwise
    /// those whose state changed since then, with <see cref="ListingSearchDocument.Removed"/> set for listings that
    /// are no longer published.
    /// </summary>
    IAsyncEnumerable<ListingSearchDocument> StreamPublishedForSearchAsync(DateTimeOffset? changedSince, CancellationToken cancellationToken);
}

/// <summary>Changes to the Catalog module; only the web host calls these.</summary>
public interface ICatalogCommands
{
    Task<CategoryDto> CreateCategoryAsync(NewCategory category, CancellationToken cancellationToken);

    Task<ListingDto> CreateListingAsync(NewListing listing, CancellationToken cancellationToken);
}
