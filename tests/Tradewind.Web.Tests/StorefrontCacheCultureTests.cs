using Tradewind.Web.Tests.Infrastructure;

namespace Tradewind.Web.Tests;

/// <summary>The output cache never serves a page rendered for one language or formatting culture to another.</summary>
public sealed class StorefrontCacheCultureTests(TradewindApp app) : IClassFixture<TradewindApp>
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task Each_language_is_cached_apart()
    {
        var client = app.CreateClient();

        var french = await client.GetPageAsync("/categories/security", _ct, acceptLanguage: "fr");
        var spanish = await client.GetPageAsync("/categories/security", _ct, acceptLanguage: "es");
        var frenchAgain = await client.GetPageAsync("/categories/security", _ct, acceptLanguage: "fr");

        Assert.Null(french.Response.Headers.Age);
        Assert.Null(spanish.Response.Headers.Age);
        Assert.NotNull(frenchAgain.Response.Headers.Age);
        Assert.Equal("fr", french.Document.Lang());
        Assert.Equal("es", spanish.Document.Lang());
        Assert.Equal("fr", frenchAgain.Document.Lang());
    }

    [Fact]
    public async Task The_same_language_with_another_formatting_culture_is_cached_apart()
    {
        var client = app.CreateClient();

        var spain = await client.GetPageAsync("/search?q=beta", _ct, acceptLanguage: "es-ES");
        var mexico = await client.GetPageAsync("/search?q=beta", _ct, acceptLanguage: "es-MX");

        Assert.Null(spain.Response.Headers.Age);
        Assert.Null(mexico.Response.Headers.Age);
    }

    [Fact]
    public async Task A_language_prefix_and_a_cookie_in_the_same_language_are_cached_apart_because_their_links_differ()
    {
        var client = app.CreateClient();

        var prefixed = await client.GetPageAsync("/ja/categories", _ct);
        var cookie = await client.GetPageAsync("/categories", _ct, cookie: ".AspNetCore.Culture=c%3Dja-JP%7Cuic%3Dja");

        Assert.Null(prefixed.Response.Headers.Age);
        Assert.Null(cookie.Response.Headers.Age);
        Assert.Equal("/ja/categories", prefixed.Document.QuerySelector("nav.main-nav a")!.GetAttribute("href"));
        Assert.Equal("/categories", cookie.Document.QuerySelector("nav.main-nav a")!.GetAttribute("href"));
    }
}
