using System.Net;
using System.Text.Json;
using AngleSharp.Html.Parser;
using Microsoft.Extensions.DependencyInjection;
using Tradewind.Contracts.Catalog;
using Tradewind.Web.Tests.Infrastructure;

namespace Tradewind.Web.Tests;

/// <summary>The search endpoint and page over the demo marketplace (42 published listings).</summary>
public sealed class CatalogSearchApiTests(DemoApp app) : IClassFixture<DemoApp>
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("lakehose", "Northwind Lakehouse Explorer")]
    [InlineData("sieme", "Tzuri SIEM")]
    [InlineData("quillfether vault", "Quillfeather Vault")]
    [InlineData("kumonami twi", "Kumonami Line Twin")]
    public async Task A_misspelt_or_unfinished_word_from_a_title_finds_that_listing_first(string q, string title)
    {
        var result = await SearchAsync($"q={Uri.EscapeDataString(q)}");

        Assert.Equal(title, Items(result)[0].GetProperty("title").GetString());
        Assert.Equal("relevance", result.GetProperty("sort").GetString());
    }

    [Fact]
    public async Task Without_a_query_every_listing_is_listed_and_the_facet_counts_add_up()
    {
        var published = await app.WithScopeAsync(s => s.GetRequiredService<ICatalogQueries>().CountPublishedAsync(TestContext.Current.CancellationToken));

        var result = await SearchAsync("pageSize=5");

        Assert.Equal(published, result.GetProperty("totalCount").GetInt32());
        Assert.Equal(5, Items(result).Count);
        Assert.Equal((published + 4) / 5, result.GetProperty("totalPages").GetInt32());
        Assert.Equal("newest", result.GetProperty("sort").GetString());
        var facets = result.GetProperty("facets");
        // A listing has one seller but up to three categories.
        Assert.Equal(published, facets.GetProperty("sellers").EnumerateArray().Sum(f => f.GetProperty("count").GetInt32()));
        Assert.InRange(facets.GetProperty("categories").EnumerateArray().Sum(f => f.GetProperty("count").GetInt32()), published, 3 * published);
    }

    [Fact]
    public async Task A_category_filter_returns_exactly_the_listings_its_facet_counted()
    {
        var all = await SearchAsync("q=data");
        var category = all.GetProperty("facets").GetProperty("categories").EnumerateArray().First();
        var slug = category.GetProperty("value").GetString();

        var filtered = await SearchAsync($"q=data&category={slug}");

        Assert.Equal(category.GetProperty("count").GetInt32(), filtered.GetProperty("totalCount").GetInt32());
        Assert.All(Items(filtered), i => Assert.Contains(slug, i.GetProperty("categories").EnumerateArray().Select(c => c.GetString())));
        Assert.True(filtered.GetProperty("facets").GetProperty("categories").EnumerateArray()
            .Single(f => f.GetProperty("value").GetString() == slug).GetProperty("selected").GetBoolean());
    }

    [Fact]
    public async Task A_seller_filter_returns_only_that_sellers_listings()
    {
        var seller = (await SearchAsync("")).GetProperty("facets").GetProperty("sellers").EnumerateArray().First();

        var filtered = await SearchAsync($"seller={seller.GetProperty("value").GetString()}&pageSize=50");

        Assert.Equal(seller.GetProperty("count").GetInt32(), Items(filtered).Count);
        Assert.All(Items(filtered), i => Assert.Equal(seller.GetProperty("label").GetString(), i.GetProperty("sellerName").GetString()));
    }

    [Fact]
    public async Task Search_is_public_and_cacheable_for_thirty_seconds()
    {
        var response = await app.CreateClient().GetAsync("/api/v1/catalog/search?q=backup", _ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("public, max-age=30", response.Headers.CacheControl?.ToString());
    }

    [Theory]
    [InlineData("sort=best", "sort")]
    [InlineData("pricing=cheap", "pricing")]
    [InlineData("pageSize=51", "pageSize")]
    [InlineData("page=0", "page")]
    [InlineData("seller=nobody", "seller")]
    public async Task A_bad_parameter_is_a_400_naming_it(string query, string field)
    {
        var response = await app.CreateClient().GetAsync($"/api/v1/catalog/search?{query}", _ct);

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, "validation-failed");
        Assert.Equal([field], problem.GetProperty("errors").EnumerateObject().Select(e => e.Name));
    }

    [Fact]
    public async Task Nothing_found_is_an_empty_page_not_an_error()
    {
        var result = await SearchAsync("q=zzyzx+qwertyuiop");

        Assert.Equal(0, result.GetProperty("totalCount").GetInt32());
        Assert.Empty(Items(result));
    }

    [Theory]
    [InlineData("q=data")]
    [InlineData("q=secrts&sort=title")]
    [InlineData("sort=newest&page=2")]
    public async Task The_search_page_shows_the_same_listings_as_the_api(string query)
    {
        var api = Items(await SearchAsync($"{query}&pageSize=24")).Select(i => i.GetProperty("slug").GetString()!).ToList();

        var html = await app.CreateClient().GetStringAsync($"/search?{query}", _ct);
        using var document = new HtmlParser().ParseDocument(html);
        var page = document.QuerySelectorAll(".listing-card .listing-title a").Select(a => a.GetAttribute("href")!["/products/".Length..]).ToList();

        Assert.NotEmpty(api);
        Assert.Equal(api, page);
    }

    [Fact]
    public async Task The_search_page_says_when_nothing_matches_and_offers_to_clear_filters()
    {
        var html = await app.CreateClient().GetStringAsync("/search?q=zzyzx&category=siem", _ct);
        using var document = new HtmlParser().ParseDocument(html);

        Assert.Contains("No listings match “zzyzx”.", document.QuerySelector(".empty-state")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(document.QuerySelectorAll(".empty-state a"), a => a.GetAttribute("href") == "/search?q=zzyzx");
    }

    private async Task<JsonElement> SearchAsync(string query)
    {
        var response = await app.CreateClient().GetAsync($"/api/v1/catalog/search?{query}", _ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.ReadJsonAsync();
    }

    private static List<JsonElement> Items(JsonElement result) => result.GetProperty("items").EnumerateArray().ToList();
}
