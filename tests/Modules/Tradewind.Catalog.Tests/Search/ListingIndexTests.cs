using Tradewind.Catalog.Search;
using Tradewind.Contracts;
using Tradewind.Contracts.Catalog;

namespace Tradewind.Catalog.Tests.Search;

public sealed class ListingIndexTests : IAsyncLifetime, IDisposable
{
    private readonly ListingIndex _index = new();

    public async ValueTask InitializeAsync()
    {
        await _index.ReplaceAllAsync(SearchListings.All.ToAsyncEnumerable(), TestContext.Current.CancellationToken);
        _index.SetCategoryNames(new Dictionary<string, string>(StringComparer.Ordinal) { ["observability"] = "Observability" });
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    public void Dispose() => _index.Dispose();

    [Fact]
    public void A_word_in_the_title_ranks_above_the_same_word_in_keywords_and_above_it_in_a_description()
    {
        var titles = Titles(Search("kubernetes"));

        Assert.Equal(["Kubernetes Cost Explorer", "Helm Chart Registry"], titles.Take(2));
        Assert.Contains("Cluster Pilot", titles);
        Assert.Contains("Container Shield", titles);
        Assert.True(titles.IndexOf("Helm Chart Registry") < titles.IndexOf("Cluster Pilot"));
    }

    [Fact]
    public void A_highlight_ranks_above_a_long_description()
    {
        var titles = Titles(Search("observability"));

        Assert.Equal("Observability Cloud", titles[0]);
        Assert.True(titles.IndexOf("Uptime Beacon") < titles.IndexOf("Trace Lens"));
    }

    [Theory]
    [InlineData("obsrvability", "Observability Cloud")]
    [InlineData("kubernetse", "Kubernetes Cost Explorer")]
    [InlineData("sieme", "SIEM Sentinel")]
    [InlineData("payrol compas", "Payroll Compass")]
    [InlineData("termaform", "Terraform Atelier")]
    public void A_misspelt_word_still_finds_the_listing(string query, string expectedFirst)
    {
        Assert.Equal(expectedFirst, Titles(Search(query))[0]);
    }

    [Fact]
    public void Words_shorter_than_four_letters_must_be_spelt_exactly()
    {
        Assert.Empty(Search("apo").Hits.Items);
        Assert.Equal([0, 1, 1, 2], new[] { "api", "siem", "kubernt", "kubernete" }.Select(ListingQuery.AllowedEdits));
    }

    [Fact]
    public void The_last_word_matches_as_a_prefix_while_it_is_being_typed()
    {
        Assert.Equal("Observability Cloud", Titles(Search("observ"))[0]);
        Assert.Equal(["Warehouse One"], Titles(Search("columnar warehou")));
        Assert.Empty(Search("warehou columnar").Hits.Items);
    }

    [Fact]
    public void The_seller_name_is_searchable()
    {
        var result = Search("bastion");

        Assert.Equal(6, result.Hits.TotalCount);
        Assert.All(result.Hits.Items, h => Assert.Equal(SearchListings.Bastion, h.SellerId));
    }

    [Fact]
    public void Accents_are_folded()
    {
        Assert.Equal("Café Analytics", Titles(Search("cafe"))[0]);
    }

    [Fact]
    public void Filters_narrow_by_category_pricing_model_and_seller_together()
    {
        Assert.Equal(["Cluster Pilot", "Container Shield", "Helm Chart Registry"], Titles(Search("", category: "containers")).Order(StringComparer.Ordinal));
        Assert.Equal(["Container Shield", "Cluster Pilot"], Titles(Search("", category: "containers", pricing: "contract")));
        Assert.Equal(["Cluster Pilot"], Titles(Search("kubernetes", category: "containers", pricing: "contract", seller: SearchListings.Nimbus)));
    }

    [Fact]
    public void Facets_count_every_match_not_only_the_page()
    {
        var result = _index.Search(new CatalogSearchRequest(pageSize: 1));

        Assert.Single(result.Hits.Items);
        Assert.Equal(30, result.Hits.TotalCount);
        foreach (var category in result.Facets.Categories)
        {
            Assert.Equal(SearchListings.All.Count(l => l.CategorySlugs.Contains(category.Value)), category.Count);
        }

        foreach (var pricing in result.Facets.PricingModels)
        {
            Assert.Equal(SearchListings.All.Count(l => l.PricingModels.Contains(pricing.Value)), pricing.Count);
        }

        Assert.Equal(30, result.Facets.Sellers.Sum(s => s.Count));
        Assert.Equal(["Atlas Data Co", "Bastion Security"], result.Facets.Sellers.Take(2).Select(s => s.Label));
        Assert.Equal("Observability", result.Facets.Categories.Single(c => c.Value == "observability").Label);
        Assert.Equal("Usage-based", result.Facets.PricingModels.Single(c => c.Value == "usage").Label);
    }

    [Fact]
    public void Facets_follow_the_query_and_filters_and_mark_the_selected_value()
    {
        var result = Search("kubernetes", pricing: "contract");

        Assert.Equal(2, result.Hits.TotalCount);
        Assert.Equal(2, result.Facets.Categories.Single(c => c.Value == "containers").Count);
        Assert.Equal(1, result.Facets.Categories.Single(c => c.Value == "vulnerability-scanning").Count);
        Assert.True(result.Facets.PricingModels.Single(p => p.Value == "contract").Selected);
        Assert.DoesNotContain(result.Facets.PricingModels, p => p.Selected && p.Value != "contract");
    }

    [Fact]
    public void Without_a_query_everything_is_listed_newest_first()
    {
        var result = _index.Search(new CatalogSearchRequest(pageSize: 50));

        Assert.Equal(CatalogSearchSort.Newest, result.Sort);
        Assert.Equal(SearchListings.All.OrderByDescending(l => l.PublishedAt).Select(l => l.Title), Titles(result));
        Assert.Equal(SearchListings.ById(30).PublishedAt, result.Hits.Items[0].PublishedAt);
    }

    [Fact]
    public void With_a_query_the_default_sort_is_relevance_and_scores_descend()
    {
        var result = Search("data");

        Assert.Equal(CatalogSearchSort.Relevance, result.Sort);
        Assert.Equal(result.Hits.Items.Select(h => h.Score).OrderDescending(), result.Hits.Items.Select(h => h.Score));
    }

    [Fact]
    public void Sorting_by_title_or_newest_overrides_relevance()
    {
        var byTitle = Titles(Search("data", sort: CatalogSearchSort.Title));
        var newest = Search("data", sort: CatalogSearchSort.Newest).Hits.Items.Select(h => h.PublishedAt).ToList();

        Assert.Equal(byTitle.Order(StringComparer.OrdinalIgnoreCase), byTitle);
        Assert.Equal(newest.OrderDescending(), newest);
    }

    [Fact]
    public void Pages_split_the_matches_without_gaps_or_overlap()
    {
        var pages = Enumerable.Range(1, 4).Select(p => _index.Search(new CatalogSearchRequest(page: p, pageSize: 8)).Hits).ToList();

        Assert.Equal([8, 8, 8, 6], pages.Select(p => p.Items.Count));
        Assert.All(pages, p => Assert.Equal(4, p.TotalPages));
        Assert.Equal(30, pages.SelectMany(p => p.Items).Select(h => h.Id).Distinct().Count());
        Assert.False(pages[3].HasNext);
    }

    [Fact]
    public void A_page_past_the_end_is_empty_but_keeps_the_total_and_facets()
    {
        var result = _index.Search(new CatalogSearchRequest(page: 1000, pageSize: 50));

        Assert.Empty(result.Hits.Items);
        Assert.Equal(30, result.Hits.TotalCount);
        Assert.NotEmpty(result.Facets.Categories);
    }

    [Fact]
    public async Task Applying_changes_updates_and_removes_listings()
    {
        var renamed = SearchListings.ById(7) with { Title = "Sentinel Nightwatch" };
        var removed = SearchListings.ById(8) with { Removed = true };

        await _index.ApplyAsync(new[] { renamed, removed }.ToAsyncEnumerable(), TestContext.Current.CancellationToken);

        Assert.Equal(29, _index.Count);
        Assert.Equal("Sentinel Nightwatch", Titles(Search("nightwatch"))[0]);
        Assert.DoesNotContain("Log Harbor", Titles(Search("harbor")));
    }

    [Fact]
    public async Task Searches_during_rebuilds_and_updates_never_fail_or_see_a_half_built_index()
    {
        var ct = TestContext.Current.CancellationToken;
        using var stop = new CancellationTokenSource();
        using var started = new CountdownEvent(4);
        var readers = Enumerable.Range(0, 4).Select(_ => Task.Run(() =>
        {
            var searches = 0;
            do
            {
                var result = Search(searches % 2 == 0 ? "" : "kubernetes");
                Assert.True(result.Hits.TotalCount is 30 or 4, $"{result.Hits.TotalCount} matches");
                if (searches++ == 0)
                {
                    started.Signal();
                }
            }
            while (!stop.IsCancellationRequested);

            return searches;
        }, ct)).ToList();

        // Every reader is searching before the writers start, however busy the machine is.
        Assert.True(started.Wait(TimeSpan.FromSeconds(30), ct), "readers did not start");

        for (var i = 0; i < 20; i++)
        {
            await _index.ReplaceAllAsync(SearchListings.All.ToAsyncEnumerable(), ct);
            await _index.ApplyAsync(SearchListings.All.Take(10).ToAsyncEnumerable(), ct);
        }

        await stop.CancelAsync();
        var counts = await Task.WhenAll(readers);
        Assert.All(counts, c => Assert.True(c > 0));
    }

    [Theory]
    [InlineData("pricing", "pricing", null, null)]
    [InlineData("sort", null, "best", null)]
    [InlineData("pageSize", null, null, 51)]
    [InlineData("pageSize", null, null, 0)]
    public void A_request_with_a_bad_value_names_the_field(string field, string? pricing, string? sort, int? pageSize)
    {
        var error = Assert.Throws<ValidationFailedException>(() => CatalogSearchRequest.Parse("x", null, pricing ?? "", null, sort, null, pageSize));

        Assert.Equal([field], error.Errors.Keys);
    }

    private CatalogSearchResult Search(string query, string? category = null, string? pricing = null, Primitives.Ids.OrganisationId? seller = null, CatalogSearchSort? sort = null) =>
        _index.Search(new CatalogSearchRequest(query, category, pricing, seller, sort, pageSize: 50));

    private static List<string> Titles(CatalogSearchResult result) => result.Hits.Items.Select(h => h.Title).ToList();
}
