using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Tradewind.Contracts;
using Tradewind.Contracts.Catalog;
using Tradewind.Web.Tests.Infrastructure;
using static Tradewind.Web.Tests.Infrastructure.CatalogRequests;

namespace Tradewind.Web.Tests;

public sealed class ProductsApiTests(TradewindApp app) : IClassFixture<TradewindApp>
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_seller_creates_a_draft_with_a_complete_listing_and_reads_it_back()
    {
        var client = app.ClientFor(app.SellerA);

        var response = await client.PostAsync("/api/v1/products", Body(Listing("Alpha Trace")), _ct);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await response.ReadJsonAsync();
        Assert.Equal($"/api/v1/products/{created.GetProperty("id").GetString()}", response.Headers.Location?.OriginalString);
        var read = await (await client.GetAsync(response.Headers.Location, _ct)).ReadJsonAsync();
        Assert.Equal("draft", read.GetProperty("status").GetString());
        var draft = read.GetProperty("draft");
        Assert.Equal("Alpha Trace", draft.GetProperty("title").GetString());
        Assert.Equal(["observability", "security"], draft.GetProperty("categories").EnumerateArray().Select(c => c.GetProperty("slug").GetString()));
        Assert.Equal(["IR", "KP"], draft.GetProperty("availability").GetProperty("excludedCountries").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal("standard", draft.GetProperty("licence").GetProperty("kind").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, read.GetProperty("published").ValueKind);
    }

    public static TheoryData<string, string> BadListings => new()
    {
        { "title", """{"title": "x"}""" },
        { "shortDescription", $$"""{"title": "Fine title", "shortDescription": "{{new string('s', 351)}}"}""" },
        { "longDescription", """{"title": "Fine title", "longDescription": "Hi <script>alert(1)</script>"}""" },
        { "longDescription", """{"title": "Fine title", "longDescription": "[x](javascript:alert(1))"}""" },
        { "longDescription", """{"title": "Fine title", "longDescription": "<img src=x onerror=alert(1)>"}""" },
        { "highlights", """{"title": "Fine title", "highlights": ["a", "b", "c", "d"]}""" },
        { "categories", """{"title": "Fine title", "categories": ["observability", "security", "nope"]}""" },
        { "keywords", """{"title": "Fine title", "keywords": ["a", "b", "c", "d"]}""" },
        { "keywords", """{"title": "Fine title", "keywords": ["FINE TITLE"]}""" },
        { "keywords", $$"""{"title": "Fine title", "keywords": ["{{new string('k', 200)}}", "{{new string('w', 51)}}"]}""" },
        { "support.email", """{"title": "Fine title", "support": {"email": "nope"}}""" },
        { "support.url", """{"title": "Fine title", "support": {"url": "not a url"}}""" },
        { "fulfilmentUrl", """{"title": "Fine title", "fulfilmentUrl": "http://example.com/signup"}""" },
        { "availability.excludedCountries", """{"title": "Fine title", "availability": {"excludedCountries": ["XX"]}}""" },
        { "licence.terms", """{"title": "Fine title", "licence": {"kind": "custom"}}""" },
        { "licence.terms", """{"title": "Fine title", "licence": {"kind": "custom", "terms": "<script>x</script>"}}""" },
        { "licence.kind", """{"title": "Fine title", "licence": {"kind": "mine"}}""" },
    };

    [Theory]
    [MemberData(nameof(BadListings))]
    public async Task Bad_input_is_refused_naming_the_field_and_nothing_is_saved(string field, string body)
    {
        var client = app.ClientFor(app.SellerB);
        var before = await CountAsync(app.SellerB);

        var problem = await (await client.PostAsync("/api/v1/products", HttpAssertions.Json(body), _ct)).AssertProblemAsync(HttpStatusCode.BadRequest);

        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
        Assert.Equal(before, await CountAsync(app.SellerB));
    }

    [Fact]
    public async Task A_bad_edit_is_refused_and_the_draft_stays_as_it_was()
    {
        var client = app.ClientFor(app.SellerA);
        var id = (await client.CreateProductAsync("Alpha Edit", _ct)).GetProperty("id").GetString();
        var edit = Listing("Alpha Edit");
        edit["keywords"] = new JsonArray("alpha edit");

        var problem = await (await client.PutAsync($"/api/v1/products/{id}", Body(edit), _ct)).AssertProblemAsync(HttpStatusCode.BadRequest);

        Assert.True(problem.GetProperty("errors").TryGetProperty("keywords", out _));
        var read = await (await client.GetAsync($"/api/v1/products/{id}", _ct)).ReadJsonAsync();
        Assert.Equal(["logs", "search"], read.GetProperty("draft").GetProperty("keywords").EnumerateArray().Select(k => k.GetString()));
    }

    [Fact]
    public async Task Submitting_an_incomplete_listing_names_what_is_missing_and_keeps_the_draft()
    {
        var client = app.ClientFor(app.SellerA);
        var created = await (await client.PostAsync("/api/v1/products", HttpAssertions.Json("""{"title": "Alpha Bare"}"""), _ct)).ReadJsonAsync();
        var id = created.GetProperty("id").GetString();

        var problem = await (await client.PostAsync($"/api/v1/products/{id}/submit", null, _ct)).AssertProblemAsync(HttpStatusCode.BadRequest, "validation-failed");

        var errors = problem.GetProperty("errors");
        foreach (var field in new[] { "shortDescription", "categories", "plans", "fulfilmentUrl" })
        {
            Assert.True(errors.TryGetProperty(field, out _), field);
        }

        Assert.Equal("draft", (await (await client.GetAsync($"/api/v1/products/{id}", _ct)).ReadJsonAsync()).GetProperty("status").GetString());
    }

    [Fact]
    public async Task The_operator_reads_any_product_but_cannot_edit_it()
    {
        var id = (await app.ClientFor(app.SellerA).CreateProductAsync("Alpha Visible", _ct)).GetProperty("id").GetString();
        var operatorClient = app.ClientFor(app.Operator);

        Assert.Equal(HttpStatusCode.OK, (await operatorClient.GetAsync($"/api/v1/products/{id}", _ct)).StatusCode);
        await (await operatorClient.PutAsync($"/api/v1/products/{id}", Body(Listing("Hijack")), _ct)).AssertProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Another_seller_gets_404_on_every_product_endpoint_and_changes_nothing()
    {
        var id = (await app.ClientFor(app.SellerA).CreateProductAsync("Alpha Private", _ct)).GetProperty("id").GetString();
        var other = app.ClientFor(app.SellerB);

        await (await other.GetAsync($"/api/v1/products/{id}", _ct)).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await other.PutAsync($"/api/v1/products/{id}", Body(Listing("Stolen")), _ct)).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await other.PostAsync($"/api/v1/products/{id}/submit", null, _ct)).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await other.PostAsync($"/api/v1/products/{id}/archive", null, _ct)).AssertProblemAsync(HttpStatusCode.NotFound);
        var page = await (await other.GetAsync("/api/v1/products", _ct)).ReadJsonAsync();
        Assert.DoesNotContain(page.GetProperty("items").EnumerateArray(), p => p.GetProperty("id").GetString() == id);

        var read = await (await app.ClientFor(app.SellerA).GetAsync($"/api/v1/products/{id}", _ct)).ReadJsonAsync();
        Assert.Equal("Alpha Private", read.GetProperty("draft").GetProperty("title").GetString());
        Assert.Equal("draft", read.GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_buyer_gets_403_on_every_product_endpoint()
    {
        var id = (await app.ClientFor(app.SellerA).CreateProductAsync("Alpha Buyer Proof", _ct)).GetProperty("id").GetString();
        var buyer = app.ClientFor(app.Buyer);

        await (await buyer.GetAsync("/api/v1/products", _ct)).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await buyer.PostAsync("/api/v1/products", Body(Listing("Buyer product")), _ct)).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await buyer.GetAsync($"/api/v1/products/{id}", _ct)).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await buyer.PutAsync($"/api/v1/products/{id}", Body(Listing("Buyer edit")), _ct)).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await buyer.PostAsync($"/api/v1/products/{id}/submit", null, _ct)).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await buyer.PostAsync($"/api/v1/products/{id}/archive", null, _ct)).AssertProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_seller_archives_a_published_product_and_it_leaves_the_storefront()
    {
        var seller = app.ClientFor(app.SellerA);
        var id = await app.PublishedProductAsync(seller, "Alpha Sunset", _ct);

        var archived = await (await seller.PostAsync($"/api/v1/products/{id}/archive", null, _ct)).ReadJsonAsync();

        Assert.Equal("archived", archived.GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await app.CreateClient().GetAsync($"/products/{archived.GetProperty("slug").GetString()}", _ct)).StatusCode);
        await (await seller.PutAsync($"/api/v1/products/{id}", Body(Listing("Alpha Sunset")), _ct)).AssertProblemAsync(HttpStatusCode.Conflict);
    }

    private async Task<int> CountAsync(Tenant seller) => await app.WithScopeAsync(async s =>
        (await s.GetRequiredService<ICatalogQueries>().ListBySellerAsync(seller.Organisation.Id, new PageRequest(1, 1), _ct)).TotalCount);
}
