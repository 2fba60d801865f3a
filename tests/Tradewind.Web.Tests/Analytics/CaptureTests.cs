using System.Net;
using System.Text;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Tradewind.Contracts.Analytics;
using Tradewind.Web.Tests.Infrastructure;

namespace Tradewind.Web.Tests.Analytics;

/// <summary>The app with a test-only way to give a request a remote address (the test server has none).</summary>
public sealed class CaptureApp : TradewindApp
{
    public const string RemoteIpHeader = "X-Test-Remote-Ip";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services => services.AddSingleton<IStartupFilter, RemoteIpFilter>());
    }

    private sealed class RemoteIpFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                if (context.Request.Headers.TryGetValue(RemoteIpHeader, out var ip))
                {
                    context.Connection.RemoteIpAddress = IPAddress.Parse(ip.ToString());
                }

                return nextMiddleware(context);
            });
            next(app);
        };
    }
}

public sealed class CaptureTests(CaptureApp app) : IClassFixture<CaptureApp>
{
    private const string Chrome = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    private async Task<(string Id, string Slug)> ListingAsync(string title)
    {
        var seller = app.ClientFor(app.SellerA);
        var id = await app.PublishedProductAsync(seller, title, _ct);
        var product = await (await seller.GetAsync($"/api/v1/products/{id}", _ct)).ReadJsonAsync();
        return (id, product.GetProperty("slug").GetString()!);
    }

    private async Task<(HttpResponseMessage Response, string Html)> VisitAsync(
        HttpClient client, string path, string userAgent = Chrome, string ip = "203.0.113.77", bool dnt = false, string? referrer = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.TryAddWithoutValidation("User-Agent", userAgent);
        request.Headers.TryAddWithoutValidation("Accept-Language", "de-DE,de;q=0.9");
        request.Headers.TryAddWithoutValidation(CaptureApp.RemoteIpHeader, ip);
        if (referrer is not null)
        {
            request.Headers.TryAddWithoutValidation("Referer", referrer);
        }

        if (dnt)
        {
            request.Headers.TryAddWithoutValidation("DNT", "1");
        }

        var response = await client.SendAsync(request, _ct);
        return (response, await response.Content.ReadAsStringAsync(_ct));
    }

    private async Task FlushAsync() =>
        await app.Services.GetRequiredService<IListingTrafficCapture>().FlushAsync(_ct);

    private async Task<List<IReadOnlyDictionary<string, string>>> EventsAsync(string productId, string name = "listing_view")
    {
        await FlushAsync();
        return [.. (await app.ReadAsync("analytics_events"))
            .Where(r => string.Equals(r["product_id"], productId, StringComparison.OrdinalIgnoreCase) && r["name"] == name)
            .OrderBy(r => r["occurred_at"], StringComparer.Ordinal)];
    }

    private static async Task<string> TokenAsync(string html)
    {
        using var document = await new HtmlParser().ParseDocumentAsync(html);
        return document.QuerySelector("script[data-view]")!.GetAttribute("data-view")!;
    }

    private static bool IsTrue(string cell) => cell is "1" or "True" or "true";

    [Fact]
    public async Task A_listing_visit_with_utm_tags_stores_one_view_with_them_and_the_ip_nowhere()
    {
        var (id, slug) = await ListingAsync("Capture Utm");

        var (response, html) = await VisitAsync(
            app.CreateClient(), $"/products/{slug}?utm_source=Newsletter&utm_medium=email&utm_campaign=Spring%20Launch&utm_content=hero&utm_term=Logs",
            referrer: "https://mail.example.net/inbox/1");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(response.Headers.Contains("X-Tradewind-Listing"));
        var view = Assert.Single(await EventsAsync(id));
        Assert.Equal(
            ("newsletter", "email", "spring launch", "hero", "logs", "mail.example.net", "email"),
            (view["source"], view["medium"], view["campaign"], view["content"], view["term"], view["referrer_host"], view["channel"]));
        Assert.Equal(("en", "original"), (view["locale"], view["translation_kind"]));
        Assert.Matches("^[0-9a-f]{16}$", view["visitor_day_hash"]);
        Assert.False(IsTrue(view["is_bot"]));
        Assert.False(IsTrue(view["confirmed"]));
        var everything = string.Join("|", (await app.ReadAsync("analytics_events")).SelectMany(r => r.Values));
        Assert.DoesNotContain("203.0.113", everything, StringComparison.Ordinal);

        var token = await TokenAsync(html);
        Assert.Equal(43, token.Length);
        Assert.DoesNotContain("PLACEHOLDER", html, StringComparison.Ordinal);
        Assert.Contains($"/go/subscribe/{slug}?att={token}&amp;to=", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_page_the_output_cache_answers_still_records_a_view_with_its_own_token()
    {
        var (id, slug) = await ListingAsync("Capture Cached");
        var client = app.CreateClient();

        var (_, first) = await VisitAsync(client, $"/products/{slug}");
        var (_, second) = await VisitAsync(client, $"/products/{slug}", ip: "198.51.100.20");

        Assert.Equal(2, (await EventsAsync(id)).Count);
        Assert.NotEqual(await TokenAsync(first), await TokenAsync(second));
    }

    [Fact]
    public async Task A_crawler_is_stored_as_a_bot_and_a_do_not_track_visit_without_a_hash()
    {
        var (id, slug) = await ListingAsync("Capture Bots");

        await VisitAsync(app.CreateClient(), $"/products/{slug}", userAgent: "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)");
        await VisitAsync(app.CreateClient(), $"/products/{slug}?dnt", dnt: true);

        var views = await EventsAsync(id);
        Assert.Equal(2, views.Count);
        Assert.True(IsTrue(views[0]["is_bot"]));
        Assert.Equal("user_agent", views[0]["bot_reason"]);
        Assert.False(IsTrue(views[1]["is_bot"]));
        Assert.Equal("", views[1]["visitor_day_hash"]);
    }

    [Fact]
    public async Task The_beacon_confirms_a_view_only_with_the_token_its_page_carried()
    {
        var (id, slug) = await ListingAsync("Capture Beacon");
        var (_, html) = await VisitAsync(app.CreateClient(), $"/products/{slug}");
        await VisitAsync(app.CreateClient(), $"/products/{slug}?other", ip: "192.0.2.10");
        var token = await TokenAsync(html);
        var forged = (token[5] == 'A' ? 'B' : 'A') is var c ? token[..5] + c + token[6..] : token;

        var anonymous = app.CreateClient();
        var refused = await anonymous.PostAsync("/analytics/beacon", new StringContent($"{{\"t\":\"{forged}\",\"w\":false}}", Encoding.UTF8, "text/plain"), _ct);
        var junk = await anonymous.PostAsync("/analytics/beacon", new StringContent("not json", Encoding.UTF8, "text/plain"), _ct);
        var accepted = await anonymous.PostAsync("/analytics/beacon", new StringContent($"{{\"t\":\"{token}\",\"w\":false}}", Encoding.UTF8, "text/plain"), _ct);

        Assert.Equal([HttpStatusCode.NoContent, HttpStatusCode.NoContent, HttpStatusCode.NoContent], [refused.StatusCode, junk.StatusCode, accepted.StatusCode]);
        var views = await EventsAsync(id);
        Assert.Equal([true, false], views.Select(v => IsTrue(v["confirmed"])));
    }

    [Fact]
    public async Task The_cta_redirect_records_the_click_with_its_view_and_refuses_foreign_targets()
    {
        var (id, slug) = await ListingAsync("Capture Cta");
        var (_, html) = await VisitAsync(app.CreateClient(), $"/products/{slug}");
        var token = await TokenAsync(html);
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var redirected = await client.GetAsync($"/go/subscribe/{slug}?att={token}&to={Uri.EscapeDataString($"/products/{slug}/subscribe/x")}", _ct);
        var foreign = await client.GetAsync($"/go/subscribe/{slug}?att={token}&to={Uri.EscapeDataString("https://evil.example/")}", _ct);
        var protocolRelative = await client.GetAsync($"/go/subscribe/{slug}?att={token}&to={Uri.EscapeDataString("//evil.example/")}", _ct);
        var unknownCta = await client.GetAsync($"/go/buy-now/{slug}?att={token}&to=/", _ct);

        Assert.Equal(HttpStatusCode.Redirect, redirected.StatusCode);
        Assert.Equal($"/products/{slug}/subscribe/x", redirected.Headers.Location!.OriginalString);
        Assert.Equal([HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.BadRequest], [foreign.StatusCode, protocolRelative.StatusCode, unknownCta.StatusCode]);
        var view = Assert.Single(await EventsAsync(id));
        var click = Assert.Single(await EventsAsync(id, "cta_clicked"));
        Assert.Equal(view["id"], click["attribution_view_id"], ignoreCase: true);
        Assert.Equal("{\"cta\":\"subscribe\"}", click["detail"]);
    }

    [Fact]
    public async Task Subscribing_after_a_visit_records_which_view_the_subscription_came_from()
    {
        var (id, slug) = await ListingAsync("Capture Attribution");
        var (_, html) = await VisitAsync(app.CreateClient(), $"/products/{slug}");
        var token = await TokenAsync(html);
        using var listing = await new HtmlParser().ParseDocumentAsync(html, _ct);
        var go = listing.QuerySelector($"a[href^='/go/subscribe/{slug}']")!.GetAttribute("href")!;
        var to = Uri.UnescapeDataString(go[(go.IndexOf("&to=", StringComparison.Ordinal) + 4)..]);
        await app.CreatePersonAsync(app.Buyer, "capture.buyer@buyer.example", null);
        var buyer = await app.SignedInClientAsync("capture.buyer@buyer.example");

        var (_, form) = await buyer.GetPageAsync($"{to}?att={token}", _ct);
        var fields = form.QuerySelectorAll("form.subscribe-form input[type=hidden]")
            .ToDictionary(i => i.GetAttribute("name")!, i => i.GetAttribute("value") ?? "");
        var posted = await buyer.PostAsync($"{to}?att={token}", new FormUrlEncodedContent(fields), _ct);

        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        Assert.Equal(token, fields["att"]);
        var view = Assert.Single(await EventsAsync(id));
        var attributions = await app.ReadAsync("analytics_attributions");
        Assert.Contains(attributions, a => string.Equals(a["view_id"], view["id"], StringComparison.OrdinalIgnoreCase));
    }
}
