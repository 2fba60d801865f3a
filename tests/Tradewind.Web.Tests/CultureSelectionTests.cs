using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Tradewind.Contracts.Accounts;
using Tradewind.Web.Tests.Infrastructure;
using static Tradewind.Web.Tests.Infrastructure.CatalogRequests;

namespace Tradewind.Web.Tests;

/// <summary>
/// Which language a page is in and how it formats: the person's saved language, then a /{language}/ prefix, then the
/// language cookie, then Accept-Language, then English — and formats from a specific culture for that language.
/// </summary>
public sealed class CultureSelectionTests(TradewindApp app) : IClassFixture<TradewindApp>
{
    private const string SpanishCookie = ".AspNetCore.Culture=c%3Des-ES%7Cuic%3Des";
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    private async Task<string> PublishedSlugAsync(string title)
    {
        var seller = app.ClientFor(app.SellerA);
        var id = (await seller.CreateProductAsync(title, _ct)).GetProperty("id").GetString()!;
        await seller.AddPlanAsync(id, UsagePlan("Usage", PerUnit("1234.5")), _ct);
        (await seller.PostAsync($"/api/v1/products/{id}/submit", null, _ct)).EnsureSuccessStatusCode();
        (await app.ClientFor(app.Operator).PostAsync($"/api/v1/review/{id}/approve", null, _ct)).EnsureSuccessStatusCode();
        return (await (await seller.GetAsync($"/api/v1/products/{id}", _ct)).ReadJsonAsync()).GetProperty("slug").GetString()!;
    }

    [Fact]
    public async Task Without_any_hint_a_page_is_in_English_with_US_formats()
    {
        var slug = await PublishedSlugAsync("Culture Plain");

        var (response, page) = await app.CreateClient().GetPageAsync($"/products/{slug}", _ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("en", page.Lang());
        Assert.Contains("$1,234.50 per request", page.Body!.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("fr", "fr", "Parcourir les catégories")]
    [InlineData("es-MX", "es", "Explorar categorías")]
    [InlineData("pt-BR, fr;q=0.8, es;q=0.9", "es", "Explorar categorías")]
    [InlineData("pt-BR, zh;q=0.9", "en", "Browse categories")]
    [InlineData("ja-JP,ja;q=0.9,en;q=0.5", "ja", null)]
    public async Task Accept_Language_picks_the_most_wanted_language_the_UI_offers(string header, string lang, string? footerLink)
    {
        var (_, page) = await app.CreateClient().GetPageAsync("/categories", _ct, acceptLanguage: header);

        Assert.Equal(lang, page.Lang());
        if (footerLink is not null)
        {
            Assert.Contains(footerLink, page.QuerySelector("footer")!.TextContent, StringComparison.Ordinal);
        }
    }

    [Theory]
    // A Mexican reader gets Mexican formats, where "$" is the peso, so the dollar is qualified.
    [InlineData("es-MX", "US$1,234.50 por request")]
    // Spanish without a region is formatted for Spain; French for France (narrow no-break space groups thousands).
    [InlineData("es", "1.234,50 $ por request")]
    [InlineData("fr-FR", "1\u202f234,50 $ par request")]
    [InlineData("fr-CA", "1\u00a0234,50 US$ par request")]
    [InlineData("ja", "$1,234.50")]
    [InlineData("de-CH", "$ 1’234.50")]
    public async Task The_formats_follow_the_language_and_the_country_of_the_browser(string header, string expected)
    {
        var slug = await PublishedSlugAsync("Culture Formats " + header);

        var (_, page) = await app.CreateClient().GetPageAsync($"/products/{slug}", _ct, acceptLanguage: header);

        var table = page.QuerySelector(".pricing-table td:last-child")!.TextContent.Trim();
        Assert.True(table.Contains(expected, StringComparison.Ordinal), $"Expected {Escape(expected)} in {Escape(table)}.");
    }

    private static string Escape(string text) =>
        string.Concat(text.Select(c => c is > ' ' and < '\u007f' ? c.ToString() : $"\\u{(int)c:x4}"));

    [Fact]
    public async Task A_URL_prefix_beats_the_cookie_and_the_browser()
    {
        var (response, page) = await app.CreateClient().GetPageAsync("/fr/categories", _ct, acceptLanguage: "de", cookie: SpanishCookie);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("fr", page.Lang());
        Assert.Contains("Parcourir les catégories", page.QuerySelector("footer")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_cookie_beats_the_browser()
    {
        var (_, page) = await app.CreateClient().GetPageAsync("/categories", _ct, acceptLanguage: "fr", cookie: SpanishCookie);

        Assert.Equal("es", page.Lang());
    }

    [Fact]
    public async Task Only_a_lower_case_language_the_UI_offers_is_a_prefix()
    {
        var client = app.CreateClient();

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/FR/categories", _ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/pt/categories", _ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/ko/categories", _ct)).StatusCode);
    }

    [Fact]
    public async Task Links_on_a_prefixed_page_keep_the_language()
    {
        var slug = await PublishedSlugAsync("Culture Links");

        var (_, page) = await app.CreateClient().GetPageAsync($"/es/products/{slug}", _ct);

        var local = page.QuerySelectorAll("a[href^='/']").Select(a => a.GetAttribute("href")!).ToList();
        Assert.NotEmpty(local);
        Assert.All(local, href => Assert.StartsWith("/es/", href, StringComparison.Ordinal));
        Assert.Contains($"/es/categories/observability", local);
        Assert.Equal("/es/search", page.QuerySelector("form.header-search")!.GetAttribute("action"));
    }

    [Fact]
    public async Task A_public_page_names_its_canonical_address_and_one_alternate_per_language()
    {
        var slug = await PublishedSlugAsync("Culture Alternates");

        var (_, page) = await app.CreateClient().GetPageAsync($"/ja/products/{slug}?utm_source=mail", _ct);

        Assert.Equal($"http://localhost/ja/products/{slug}", page.QuerySelector("link[rel=canonical]")!.GetAttribute("href"));
        var alternates = page.QuerySelectorAll("link[rel=alternate][hreflang]")
            .ToDictionary(l => l.GetAttribute("hreflang")!, l => l.GetAttribute("href")!);
        Assert.Equal(7, alternates.Count);
        Assert.Equal($"http://localhost/products/{slug}", alternates["x-default"]);
        foreach (var language in new[] { "en", "es", "fr", "ja", "ko", "de" })
        {
            Assert.Equal($"http://localhost/{language}/products/{slug}", alternates[language]);
        }
    }

    [Fact]
    public async Task A_signed_in_page_has_no_alternates()
    {
        var (_, page) = await app.ClientFor(app.SellerA).GetPageAsync("/seller", _ct);

        Assert.Empty(page.QuerySelectorAll("link[rel=alternate][hreflang]"));
    }

    [Fact]
    public async Task A_signed_in_person_s_saved_language_beats_the_prefix_the_cookie_and_the_browser()
    {
        await app.CreatePersonAsync(app.Buyer, "saved-language@example.com", "fr");
        var client = await app.SignedInClientAsync("saved-language@example.com");

        var (_, page) = await client.GetPageAsync("/es/categories", _ct, acceptLanguage: "de", cookie: SpanishCookie);

        Assert.Equal("fr", page.Lang());
    }

    [Fact]
    public async Task Signing_in_under_a_language_prefix_signs_in_for_every_language()
    {
        await app.CreatePersonAsync(app.Buyer, "prefix-sign-in@example.com", null);
        var client = await app.SignedInClientAsync("prefix-sign-in@example.com", followRedirects: false, prefix: "/ja");

        var settings = await client.GetAsync("/de/settings", _ct);

        Assert.Equal(HttpStatusCode.OK, settings.StatusCode);
    }

    [Fact]
    public async Task The_language_switch_saves_a_signed_in_person_s_choice_and_keeps_the_prefix_style_of_the_page()
    {
        var person = await app.CreatePersonAsync(app.Buyer, "switch-language@example.com", null);
        var client = await app.SignedInClientAsync("switch-language@example.com", followRedirects: false);

        var response = await client.PostAsync("/fr/culture", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["culture"] = "es",
            ["returnUrl"] = "/fr/categories?page=2",
        }), _ct);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/es/categories?page=2", response.Headers.Location!.OriginalString);
        var locale = await app.WithScopeAsync(s => s.GetRequiredService<IAccountsQueries>().FindUserLocaleAsync(person.Id, _ct));
        Assert.Equal("es", locale!.PreferredLanguage);
        // The refreshed sign-in cookie carries the new language: it wins even over an English prefix.
        var (_, page) = await client.GetPageAsync("/en/categories", _ct);
        Assert.Equal("es", page.Lang());
    }

    [Fact]
    public async Task The_language_switch_of_an_anonymous_visitor_sets_the_cookie_with_a_specific_formatting_culture()
    {
        var client = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        using var request = new HttpRequestMessage(HttpMethod.Post, "/culture")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["culture"] = "fr", ["returnUrl"] = "https://evil.example/" }),
        };
        request.Headers.TryAddWithoutValidation("Accept-Language", "fr-CA");
        var response = await client.SendAsync(request, _ct);

        Assert.Equal("/", response.Headers.Location!.OriginalString);
        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith(".AspNetCore.Culture=", StringComparison.Ordinal));
        Assert.Contains("c%3Dfr-CA%7Cuic%3Dfr", cookie, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_settings_page_saves_a_language_and_can_go_back_to_following_the_browser()
    {
        var person = await app.CreatePersonAsync(app.SellerB, "settings-language@example.com", null);
        var client = await app.SignedInClientAsync("settings-language@example.com");
        var (_, form) = await client.GetPageAsync("/settings", _ct);
        var token = form.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

        var saved = await client.PostAsync("/settings", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["Language"] = "fr",
        }), _ct);
        var (_, after) = await client.GetPageAsync("/settings", _ct, acceptLanguage: "en");

        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Equal("fr", after.Lang());
        Assert.Equal("fr", after.QuerySelector("#Language option[selected]")!.GetAttribute("value"));
        await client.PostAsync("/settings", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = after.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!,
            ["Language"] = "",
        }), _ct);
        var locale = await app.WithScopeAsync(s => s.GetRequiredService<IAccountsQueries>().FindUserLocaleAsync(person.Id, _ct));
        Assert.Null(locale!.PreferredLanguage);
        Assert.Equal("GB", locale.CountryCode);
    }

    [Fact]
    public async Task A_language_the_UI_does_not_offer_is_refused_by_the_settings_page()
    {
        await app.CreatePersonAsync(app.SellerB, "settings-refused@example.com", null);
        var client = await app.SignedInClientAsync("settings-refused@example.com");
        var (_, form) = await client.GetPageAsync("/settings", _ct);

        var response = await client.PostAsync("/settings", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = form.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!,
            ["Language"] = "pt",
        }), _ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Choose one of the languages in the list.", await response.Content.ReadAsStringAsync(_ct), StringComparison.Ordinal);
    }
}
