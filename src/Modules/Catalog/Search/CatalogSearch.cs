using System.Runtime.CompilerServices;
using Microsoft.Extensions.DependencyInjection;
using Tradewind.Contracts.Catalog;
using Tradewind.Contracts.Localization;

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
            var translations = scope.ServiceProvider.GetService<IListingTranslationQueries>();
            var categories = await catalog.ListCategoriesAsync(cancellationToken);
            _index.SetCategoryNames(categories.ToDictionary(c => c.Slug, c => c.Name, StringComparer.Ordinal));
            if (since is null)
            {
                await _index.ReplaceAllAsync(WithTranslations(catalog.StreamPublishedForSearchAsync(null, cancellationToken), translations, cancellationToken), cancellationToken);
            }
            else
            {
                await _index.ApplyAsync(WithTranslations(catalog.StreamPublishedForSearchAsync(since.Value - ChangeOverlap, cancellationToken), translations, cancellationToken), cancellationToken);
            }

            _lastRefresh = new RefreshMark(started);
        }
        finally
        {
            _refreshing.Release();
        }
    }

    /// <summary>Adds each listing's current translations (from the Localization module, when it is present), a batch at a time.</summary>
    private static async IAsyncEnumerable<ListingSearchDocument> WithTranslations(
        IAsyncEnumerable<ListingSearchDocument> listings, IListingTranslationQueries? translations, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var batch = new List<ListingSearchDocument>(TranslationBatch);
        await foreach (var listing in listings.WithCancellation(cancellationToken))
        {
            batch.Add(listing);
            if (batch.Count == TranslationBatch)
            {
                foreach (var translated in await TranslateAsync(batch, translations, cancellationToken))
                {
                    yield return translated;
                }

                batch.Clear();
            }
        }

        foreach (var translated in await TranslateAsync(batch, translations, cancellationToken))
        {
            yield return translated;
        }
    }

    private const int TranslationBatch = 200;

    private static async Task<List<ListingSearchDocument>> TranslateAsync(List<ListingSearchDocument> batch, IListingTranslationQueries? translations, CancellationToken cancellationToken)
    {
        if (translations is null || batch.Count == 0)
        {
            return [.. batch];
        }

        var texts = await translations.GetSearchTextsAsync(batch.Where(l => !l.Removed).Select(l => l.Id).ToList(), cancellationToken);
        return batch.Select(l => texts.TryGetValue(l.Id, out var t) ? l with { Translations = t } : l).ToList();
    }

    /// <summary>When the last successful refresh started (a reference, so readers see it whole).</summary>
    private sealed record RefreshMark(DateTimeOffset Started);
}
