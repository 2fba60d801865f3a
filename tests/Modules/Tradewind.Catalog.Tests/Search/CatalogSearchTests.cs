using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Tradewind.Catalog.Search;
using Tradewind.Contracts;
using Tradewind.Contracts.Catalog;
using Tradewind.Primitives.Ids;

namespace Tradewind.Catalog.Tests.Search;

public sealed class CatalogSearchTests : IDisposable
{
    private readonly FakeCatalog _catalog = new();
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero));
    private readonly ServiceProvider _services;
    private readonly CatalogSearch _search;
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    public CatalogSearchTests()
    {
        _services = new ServiceCollection().AddScoped<ICatalogQueries>(_ => _catalog).BuildServiceProvider();
        _search = new CatalogSearch(_services.GetRequiredService<IServiceScopeFactory>(), _clock);
    }

    public void Dispose()
    {
        _search.Dispose();
        _services.Dispose();
    }

    [Fact]
    public async Task The_first_search_builds_the_index_from_every_published_listing()
    {
        var result = await _search.SearchAsync(new CatalogSearchRequest(), _ct);

        Assert.Equal(30, result.Hits.TotalCount);
        Assert.Equal([null], _catalog.Requests);
        Assert.Equal("Containers & Orchestration", result.Facets.Categories.Single(c => c.Value == "containers").Label);
    }

    [Fact]
    public async Task A_refresh_asks_for_changes_since_the_previous_refresh_began_with_an_overlap()
    {
        await _search.RefreshAsync(_ct);
        var firstStarted = _clock.GetUtcNow();
        _clock.Advance(TimeSpan.FromSeconds(5));

        await _search.RefreshAsync(_ct);
        _clock.Advance(TimeSpan.FromSeconds(5));
        await _search.RefreshAsync(_ct);

        Assert.Equal([null, firstStarted - CatalogSearch.ChangeOverlap, firstStarted + TimeSpan.FromSeconds(5) - CatalogSearch.ChangeOverlap], _catalog.Requests);
    }

    [Fact]
    public async Task A_listing_no_longer_published_disappears_at_the_next_refresh()
    {
        await _search.RefreshAsync(_ct);
        Assert.Equal("SIEM Sentinel", (await _search.SearchAsync(new CatalogSearchRequest("siem sentinel"), _ct)).Hits.Items[0].Title);

        _catalog.Changes = [SearchListings.ById(7) with { Removed = true }, SearchListings.ById(30) with { Title = "Cafe Loyalty" }];
        await _search.RefreshAsync(_ct);

        Assert.DoesNotContain("SIEM Sentinel", (await _search.SearchAsync(new CatalogSearchRequest("siem sentinel"), _ct)).Hits.Items.Select(h => h.Title));
        Assert.Equal("Cafe Loyalty", (await _search.SearchAsync(new CatalogSearchRequest("loyalty"), _ct)).Hits.Items[0].Title);
        Assert.Equal(29, (await _search.SearchAsync(new CatalogSearchRequest(), _ct)).Hits.TotalCount);
    }

    [Fact]
    public async Task A_failed_refresh_leaves_the_index_answering_and_is_retried_from_the_same_point()
    {
        await _search.RefreshAsync(_ct);
        var started = _clock.GetUtcNow();
        _clock.Advance(TimeSpan.FromSeconds(5));
        _catalog.FailNext = true;

        await Assert.ThrowsAsync<InvalidOperationException>(() => _search.RefreshAsync(_ct));
        await _search.RefreshAsync(_ct);

        Assert.Equal(30, (await _search.SearchAsync(new CatalogSearchRequest(), _ct)).Hits.TotalCount);
        Assert.Equal(started - CatalogSearch.ChangeOverlap, _catalog.Requests[^1]);
    }

    /// <summary>The producer's side: every listing at first, then whatever the test says changed.</summary>
    private sealed class FakeCatalog : ICatalogQueries
    {
        public List<DateTimeOffset?> Requests { get; } = [];

        public IReadOnlyList<ListingSearchDocument> Changes { get; set; } = [];

        public bool FailNext { get; set; }

        public async IAsyncEnumerable<ListingSearchDocument> StreamPublishedForSearchAsync(DateTimeOffset? changedSince, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
        {
            Requests.Add(changedSince);
            await Task.Yield();
            foreach (var listing in changedSince is null ? SearchListings.All : Changes)
            {
                yield return listing;
            }

            if (FailNext)
            {
                FailNext = false;
                throw new InvalidOperationException("The database went away.");
            }
        }

        public Task<IReadOnlyList<CategoryDto>> ListCategoriesAsync(CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<CategoryDto>>([new CategoryDto(CategoryId.From(Guid.CreateVersion7()), "containers", "Containers & Orchestration", "Infrastructure", 3)]);

        public Task<Page<ListingSummaryDto>> ListPublishedAsync(string? categorySlug, PageRequest page, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<ListingDto?> FindPublishedBySlugAsync(string slug, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<Page<ListingSummaryDto>> ListBySellerAsync(OrganisationId sellerId, PageRequest page, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<int> CountPublishedAsync(CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<ProductDto?> FindProductAsync(ProductId id, CatalogCaller caller, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<IReadOnlyList<PlanDto>?> ListPlansAsync(ProductId productId, CatalogCaller caller, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<PlanVersionDto?> GetPlanVersionAsync(PlanId planId, int version, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<Page<ReviewItemDto>> ListReviewQueueAsync(PageRequest page, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<ReviewItemDto?> GetReviewAsync(ProductId id, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<MediaContent?> FindMediaAsync(MediaId id, CancellationToken cancellationToken) => throw new NotSupportedException();
    }
}
