namespace Tradewind.Contracts.Catalog;

/// <summary>
/// Full-text search over published listings: typo-tolerant, filtered by category, pricing model and seller, with
/// facet counts over the whole match set. Answers from a per-node index derived from the catalog, so a change is
/// visible after the next refresh (seconds), never before it is committed.
/// </summary>
public interface ICatalogSearch
{
    Task<CatalogSearchResult> SearchAsync(CatalogSearchRequest request, CancellationToken cancellationToken);
}

/// <summary>The node's search index as something to bring up to date now, rather than at the next poll.</summary>
public interface ICatalogSearchIndex
{
    /// <summary>Applies every catalog change committed before the call; builds the index when it has none.</summary>
    Task RefreshAsync(CancellationToken cancellationToken);
}
