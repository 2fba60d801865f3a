using System.Net;
using System.Net.Http.Headers;
using AngleSharp.Html.Parser;
using Microsoft.Extensions.DependencyInjection;
using Tradewind.Persistence.Outbox;
using Tradewind.Web.Tests.Infrastructure;
using static Tradewind.Web.Tests.Infrastructure.CatalogRequests;

namespace Tradewind.Web.Tests;

public sealed class ListingPageTests(TradewindApp app) : IClassFixture<TradewindApp>
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    private async Task<string> PublishedSlugAsync(string title)
    {
        var seller = app.ClientFor(app.SellerA);
        var id = (await seller.CreateProductAsync(title, _ct)).GetProperty("id").GetString()!;
        await seller.AddPlanAsync(id, UsagePlan("Usage", PerUnit("0.0125")), _ct);
        (await seller.UploadAsync(id, "logo", Png, _ct)).EnsureSuccessStatusCode();
        (await seller.PostAsync($"/api/v1/products/{id}/submit", null, _ct)).EnsureSuccessStatusCode();
        (await app.ClientFor(app.Operator).PostAsync($"/api/v1/review/{id}/approve", null, _ct)).EnsureSuccessStatusCode();
        var product = await (await seller.GetAsync($"/api/v1/products/{id}", _ct)).ReadJsonAsync();
        return product.GetProperty("slug").GetString()!;
    }

    [Fact]
    public async Task The_listing_page_has_its_title_description_canonical_link_and_OpenGraph_tags_with_the_logo()
    {
        var slug = await PublishedSlugAsync("Page Graph");

        var response = await app.CreateClient().GetAsync($"/products/{slug}", _ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync(_ct);
        using var document = await new HtmlParser().ParseDocumentAsync(html, _ct);
        string? Meta(string selector, string attribute = "content") => document.QuerySelector(selector)?.GetAttribute(attribute);
        var url = $"http://localhost/products/{slug}";
        Assert.Equal("Page Graph · Tradewind", document.Title);
        Assert.Equal("Search every log line in seconds.", Meta("meta[name=description]"));
        Assert.Equal(url, Meta("link[rel=canonical]", "href"));
        Assert.Equal("product", Meta("meta[property='og:type']"));
        Assert.Equal("Page Graph", Meta("meta[property='og:title']"));
        Assert.Equal("Search every log line in seconds.", Meta("meta[property='og:description']"));
        Assert.Equal(url, Meta("meta[property='og:url']"));
        Assert.StartsWith("http://localhost/media/", Meta("meta[property='og:image']"), StringComparison.Ordinal);
        var text = document.Body!.TextContent;
        Assert.Contains("$0.0125 per request", text, StringComparison.Ordinal);
        Assert.Contains("Available in all countries except Iran", text, StringComparison.Ordinal);
        Assert.Contains("Sub-second search", text, StringComparison.Ordinal);
        Assert.Equal("Why", document.QuerySelector(".product-description .prose h2")?.TextContent);
    }

    [Fact]
    public async Task An_anonymous_visitor_gets_public_caching_and_an_ETag_and_a_304_when_nothing_changed()
    {
        var slug = await PublishedSlugAsync("Page Cache");
        var client = app.CreateClient();

        var first = await client.GetAsync($"/products/{slug}", _ct);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal("public, max-age=60", first.Headers.CacheControl?.ToString());
        var etag = first.Headers.ETag;
        Assert.NotNull(etag);
        Assert.StartsWith("\"r1-", etag.Tag, StringComparison.Ordinal);

        using var conditional = new HttpRequestMessage(HttpMethod.Get, $"/products/{slug}");
        conditional.Headers.IfNoneMatch.Add(etag);
        var second = await client.SendAsync(conditional, _ct);
        Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);
        Assert.Empty(await second.Content.ReadAsByteArrayAsync(_ct));

        using var stale = new HttpRequestMessage(HttpMethod.Get, $"/products/{slug}");
        stale.Headers.IfNoneMatch.Add(new EntityTagHeaderValue("\"r0-stale\""));
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(stale, _ct)).StatusCode);
    }

    [Fact]
    public async Task A_new_published_plan_version_changes_the_ETag()
    {
        var slug = await PublishedSlugAsync("Page Versions");
        var client = app.CreateClient();
        var before = (await client.GetAsync($"/products/{slug}", _ct)).Headers.ETag!.Tag;

        var seller = app.ClientFor(app.SellerA);
        var id = (await (await seller.GetAsync($"/api/v1/products", _ct)).ReadJsonAsync()).GetProperty("items").EnumerateArray()
            .Single(p => p.GetProperty("slug").GetString() == slug).GetProperty("id").GetString()!;
        var plan = (await (await seller.GetAsync($"/api/v1/products/{id}/plans", _ct)).ReadJsonAsync()).EnumerateArray().Single();
        (await seller.PutAsync($"/api/v1/products/{id}/plans/{plan.GetProperty("id").GetString()}", Body(UsagePlan("Usage", PerUnit("0.02"))), _ct)).EnsureSuccessStatusCode();
        (await seller.PostAsync($"/api/v1/products/{id}/submit", null, _ct)).EnsureSuccessStatusCode();
        (await app.ClientFor(app.Operator).PostAsync($"/api/v1/review/{id}/approve", null, _ct)).EnsureSuccessStatusCode();
        // The ProductPublished event evicts the cached storefront pages when the outbox delivers it.
        await app.Services.GetRequiredService<OutboxProcessor>().DispatchPendingAsync(_ct);

        var after = (await client.GetAsync($"/products/{slug}", _ct)).Headers.ETag!.Tag;
        Assert.NotEqual(before, after);
    }
}
