using Microsoft.Extensions.DependencyInjection;
using Tradewind.Contracts.Catalog;

namespace Tradewind.Catalog.Search;

/// <summary>
/// This node's search over published listings. The index is a cache derived from the database, never the source of
/// truth: it is built from <see cref="ICatalogQueries.StreamPublishedForSearchAsync"/> on first use (or when the
/// refresh job starts, whichever comes first) and then brought up to date with the changes since the previous
/// refresh. Every node of a cluster keeps its own and converges within one refresh interval.
/// </summary>
internal sealed class CatalogSearch(IServiceScopeFactory scopes, TimeProvider clock) : ICatalogSearch, ICatalogSearchIndex, IDisposable
{
    /// <summary>
    /// Each poll asks again for this much time before the previous poll started: a transaction stamped before that
    /// instant may commit after it, and nodes' clocks differ a little. Re-applying a change is harmless.
    /// </summary>
    internal static readonly TimeSpan ChangeOverlap = TimeSpan.FromSeconds(30);

    private readonly ListingIndex _index = new();
    private readonly SemaphoreSlim _refreshing = new(1, 1);
    private volatile RefreshMark? _lastRefresh;

    public async Task<CatalogSearchResult> SearchAsync(CatalogSearchRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (_lastRefresh is null)
        {
            await RefreshAsync(onlyIfNeverBuilt: true, cancellationToken);
        }

        return _index.Search(request);
    }

    public Task RefreshAsync(CancellationToken cancellationToken) => RefreshAsync(onlyIfNeverBuilt: false, cancellationToken);

    public void Dispose()
    {
        _index.Dispose();
        _refreshing.Dispose();
    }

    private async Task RefreshAsync(bool onlyIfNeverBuilt, CancellationToken cancellationToken)
    {
        await _refreshing.WaitAsync(cancellationToken);
        try
        {
            var since = _lastRefresh?.Started;
            if (onlyIfNeverBuilt && since is not null)
            {
                return;
            }

            var started = clock.GetUtcNow();
            await using var scope = scopes.CreateAsyncScope();
            var catalog = scope.ServiceProvider.GetRequiredService<ICatalogQueries>();
            var categories = await catalog.ListCategoriesAsync(cancellationToken);
            _index.SetCategoryNames(categories.ToDictionary(c => c.Slug, c => c.Name, StringComparer.Ordinal));
            if (since is null)
            {
                await _index.ReplaceAllAsync(catalog.StreamPublishedForSearchAsync(null, cancellationToken), cancellationToken);
            }
            else
            {
                await _index.ApplyAsync(catalog.StreamPublishedForSearchAsync(since.Value - ChangeOverlap, cancellationToken), cancellationToken);
            }

            _lastRefresh = new RefreshMark(started);
        }
        finally
        {
            _refreshing.Release();
        }
    }

    /// <summary>When the last successful refresh started (a reference, so readers see it whole).</summary>
    private sealed record RefreshMark(DateTimeOffset Started);
}
