using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Tradewind.Contracts.Catalog;
using Tradewind.Web.Tests.Infrastructure;
using static Tradewind.Web.Tests.Infrastructure.CatalogRequests;

namespace Tradewind.Web.Tests;

public sealed class TranslationsApiTests(TranslationApp app) : IClassFixture<TranslationApp>
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    private static JsonObject Listing(string title, string shortDescription = "Search every log line in seconds.") => new()
    {
        ["title"] = title,
        ["shortDescription"] = shortDescription,
        ["longDescription"] = "## Why\n\nOur support team is available in your language.\n\n- Fast search\n- Connect your data sources in minutes.",
        ["highlights"] = new JsonArray("Fast search", "Reports for your team"),
        ["categories"] = new JsonArray("observability"),
        ["keywords"] = new JsonArray("logs"),
        ["support"] = new JsonObject { ["email"] = "help@example.com" },
        ["fulfilmentUrl"] = "https://example.com/signup",
        ["licence"] = new JsonObject { ["kind"] = "standard" },
    };

    [Fact]
    public async Task A_published_listing_is_translated_into_Spanish_through_Apertium_and_every_other_language_reports_its_status()
    {
        TranslationApp.RequireApy();
        var (id, slug) = await app.PublishAsync(app.SellerA, Listing("Northwind Metrics — reports for your team"), _ct);

        await app.RunTranslationJobsAsync(_ct);

        var translations = await GetAsync(app.SellerA, id);
        var spanish = Language(translations, "es");
        Assert.Equal("machine", spanish.GetProperty("status").GetString());
        var fields = Fields(spanish);
        Assert.All(fields.Values, f => Assert.Equal("machine", f.GetProperty("status").GetString()));
        Assert.StartsWith("Northwind Metrics", fields["title"].GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Contains("Informes para vuestro equipo", fields["title"].GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Equal("Búsqueda cada línea de registro en segundos.", fields["shortDescription"].GetProperty("text").GetString());
        var longText = fields["longDescription"].GetProperty("text").GetString()!;
        Assert.StartsWith("## ", longText, StringComparison.Ordinal);
        Assert.Contains("Nuestro equipo de apoyo", longText, StringComparison.Ordinal);
        Assert.Contains("\n- Búsqueda rápida\n- ", longText, StringComparison.Ordinal);
        Assert.Equal("apy", fields["title"].GetProperty("engine").GetString());
        foreach (var other in new[] { "fr", "ja", "ko", "de" })
        {
            var language = Language(translations, other);
            Assert.Equal("no_engine", language.GetProperty("status").GetString());
            Assert.All(Fields(language).Values, f => Assert.Equal("no_engine", f.GetProperty("status").GetString()));
            Assert.Contains("No translation engine", language.GetProperty("lastError").GetString(), StringComparison.Ordinal);
        }

        var page = await PageAsync(slug, "es");
        Assert.Contains("Búsqueda cada línea de registro en segundos.", page, StringComparison.Ordinal);
        Assert.Contains("lang=\"es\"", page, StringComparison.Ordinal);
        Assert.Contains("data-translation=\"machine\"", page, StringComparison.Ordinal);
        Assert.Contains($"/products/{slug}?original=1", page, StringComparison.Ordinal);

        var original = await PageAsync($"{slug}?original=1", "es");
        Assert.Contains("Search every log line in seconds.", original, StringComparison.Ordinal);
        Assert.DoesNotContain("Búsqueda cada línea", original, StringComparison.Ordinal);

        var japanese = await PageAsync(slug, "ja");
        Assert.Contains("Search every log line in seconds.", japanese, StringComparison.Ordinal);
        Assert.Contains("data-translation=\"not-available\"", japanese, StringComparison.Ordinal);
        Assert.Contains("lang=\"en\"", japanese, StringComparison.Ordinal);

        // The Spanish text is searchable in Spanish, with Spanish stemming ("informe" finds "informes").
        await app.Services.GetRequiredService<ICatalogSearchIndex>().RefreshAsync(_ct);
        var found = await (await app.CreateClient().GetAsync("/api/v1/catalog/search?q=informe%20equipo&lang=es", _ct)).ReadJsonAsync();
        Assert.Contains(found.GetProperty("items").EnumerateArray(), i => i.GetProperty("slug").GetString() == slug);
        var english = await (await app.CreateClient().GetAsync("/api/v1/catalog/search?q=informe%20equipo", _ct)).ReadJsonAsync();
        Assert.DoesNotContain(english.GetProperty("items").EnumerateArray(), i => i.GetProperty("slug").GetString() == slug);
    }

    [Fact]
    public async Task A_seller_edit_is_human_reviewed_survives_retranslation_and_goes_stale_when_the_source_changes()
    {
        var (id, slug) = await app.PublishAsync(app.SellerA, Listing("Reviewed Metrics"), _ct);
        await app.RunTranslationJobsAsync(_ct);
        var seller = app.ClientFor(app.SellerA);

        var edited = await (await seller.PutAsync($"/api/v1/products/{id}/translations/fr/shortDescription", HttpAssertions.Json("""{"text":"Cherchez chaque ligne de journal en quelques secondes."}"""), _ct)).ReadJsonAsync();
        var field = Fields(Language(edited, "fr"))["shortDescription"];
        Assert.Equal("human_reviewed", field.GetProperty("status").GetString());
        Assert.Equal("Cherchez chaque ligne de journal en quelques secondes.", field.GetProperty("text").GetString());

        (await seller.PostAsync($"/api/v1/products/{id}/translations/fr/retranslate", null, _ct)).EnsureSuccessStatusCode();
        await app.RunTranslationJobsAsync(_ct);
        var after = Fields(Language(await GetAsync(app.SellerA, id), "fr"));
        Assert.Equal("human_reviewed", after["shortDescription"].GetProperty("status").GetString());
        Assert.Equal("no_engine", after["title"].GetProperty("status").GetString());

        // A human-reviewed field is shown without the machine-translation note; fields without a translation stay English.
        var page = await PageAsync(slug, "fr");
        Assert.Contains("Cherchez chaque ligne de journal en quelques secondes.", page, StringComparison.Ordinal);
        Assert.DoesNotContain("data-translation=\"machine\"", page, StringComparison.Ordinal);
        Assert.Contains("<h1 id=\"product-title\" lang=\"en\">Reviewed Metrics</h1>", page, StringComparison.Ordinal);

        // A new revision with a different short description makes the review stale (not shown); an unchanged field keeps it.
        (await seller.PutAsync($"/api/v1/products/{id}/translations/fr/title", HttpAssertions.Json("""{"text":"Métriques revues"}"""), _ct)).EnsureSuccessStatusCode();
        (await seller.PutAsync($"/api/v1/products/{id}", Body(Listing("Reviewed Metrics", "Search every log line in milliseconds.")), _ct)).EnsureSuccessStatusCode();
        (await seller.PostAsync($"/api/v1/products/{id}/submit", null, _ct)).EnsureSuccessStatusCode();
        (await app.ClientFor(app.Operator).PostAsync($"/api/v1/review/{id}/approve", null, _ct)).EnsureSuccessStatusCode();
        await app.RunTranslationJobsAsync(_ct);

        var republished = Fields(Language(await GetAsync(app.SellerA, id), "fr"));
        Assert.Equal("human_reviewed", republished["title"].GetProperty("status").GetString());
        Assert.Equal("no_engine", republished["shortDescription"].GetProperty("status").GetString());
        var newPage = await PageAsync(slug, "fr");
        Assert.Contains("Métriques revues", newPage, StringComparison.Ordinal);
        Assert.DoesNotContain("Cherchez chaque ligne", newPage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_opted_out_language_shows_the_original_and_says_so()
    {
        var (id, slug) = await app.PublishAsync(app.SellerA, Listing("Opted Metrics"), _ct);
        await app.RunTranslationJobsAsync(_ct);
        var seller = app.ClientFor(app.SellerA);
        (await seller.PutAsync($"/api/v1/products/{id}/translations/de/title", HttpAssertions.Json("""{"text":"Abgewählte Metriken"}"""), _ct)).EnsureSuccessStatusCode();

        var optedOut = await (await seller.PostAsync($"/api/v1/products/{id}/translations/de/opt-out", null, _ct)).ReadJsonAsync();

        var german = Language(optedOut, "de");
        Assert.True(german.GetProperty("optedOut").GetBoolean());
        Assert.All(Fields(german).Values, f => Assert.Equal("opted_out", f.GetProperty("status").GetString()));
        var page = await PageAsync(slug, "de");
        Assert.Contains("Opted Metrics", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Abgewählte Metriken", page, StringComparison.Ordinal);
        Assert.Contains("data-translation=\"opted-out\"", page, StringComparison.Ordinal);

        var optedIn = await (await seller.PostAsync($"/api/v1/products/{id}/translations/de/opt-in", null, _ct)).ReadJsonAsync();
        Assert.False(Language(optedIn, "de").GetProperty("optedOut").GetBoolean());
    }

    [Fact]
    public async Task Japanese_and_Korean_translations_are_found_by_Japanese_and_Korean_queries()
    {
        var (id, slug) = await app.PublishAsync(app.SellerB, Listing("Cjk Search Demo"), _ct);
        await app.RunTranslationJobsAsync(_ct);
        var seller = app.ClientFor(app.SellerB);
        (await seller.PutAsync($"/api/v1/products/{id}/translations/ja/shortDescription", HttpAssertions.Json("""{"text":"すべてのログ行を数秒で検索します。"}"""), _ct)).EnsureSuccessStatusCode();
        (await seller.PutAsync($"/api/v1/products/{id}/translations/ko/shortDescription", HttpAssertions.Json("""{"text":"모든 로그 줄을 몇 초 만에 검색합니다."}"""), _ct)).EnsureSuccessStatusCode();
        await app.RunTranslationJobsAsync(_ct);
        await app.Services.GetRequiredService<ICatalogSearchIndex>().RefreshAsync(_ct);
        var client = app.CreateClient();

        var japanese = await (await client.GetAsync($"/api/v1/catalog/search?q={Uri.EscapeDataString("ログ検索")}&lang=ja", _ct)).ReadJsonAsync();
        var korean = await (await client.GetAsync($"/api/v1/catalog/search?q={Uri.EscapeDataString("로그 검색")}&lang=ko", _ct)).ReadJsonAsync();
        var unrelated = await (await client.GetAsync($"/api/v1/catalog/search?q={Uri.EscapeDataString("請求書")}&lang=ja", _ct)).ReadJsonAsync();

        Assert.Contains(japanese.GetProperty("items").EnumerateArray(), i => i.GetProperty("slug").GetString() == slug);
        Assert.Contains(korean.GetProperty("items").EnumerateArray(), i => i.GetProperty("slug").GetString() == slug);
        Assert.DoesNotContain(unrelated.GetProperty("items").EnumerateArray(), i => i.GetProperty("slug").GetString() == slug);

        // The storefront search page searches in the visitor's language.
        var request = new HttpRequestMessage(HttpMethod.Get, $"/search?q={Uri.EscapeDataString("ログ検索")}");
        request.Headers.AcceptLanguage.Add(new StringWithQualityHeaderValue("ja"));
        var html = await (await client.SendAsync(request, _ct)).Content.ReadAsStringAsync(_ct);
        Assert.Contains($"/products/{slug}", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Translations_are_the_sellers_own_and_edits_are_checked()
    {
        var id = (await (await app.ClientFor(app.SellerA).GetAsync("/api/v1/products", _ct)).ReadJsonAsync()).GetProperty("items").EnumerateArray()
            .First(p => p.GetProperty("slug").GetString() == "alpha-logs").GetProperty("id").GetString()!;
        var sellerA = app.ClientFor(app.SellerA);

        await (await app.ClientFor(app.SellerB).GetAsync($"/api/v1/products/{id}/translations", _ct)).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await app.ClientFor(app.SellerB).PutAsync($"/api/v1/products/{id}/translations/es/title", HttpAssertions.Json("""{"text":"x"}"""), _ct)).AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.Forbidden, (await app.ClientFor(app.Buyer).GetAsync($"/api/v1/products/{id}/translations", _ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await sellerA.PostAsync("/api/v1/translations/run", null, _ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.CreateClient().GetAsync($"/api/v1/products/{id}/translations", _ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await app.ClientFor(app.Operator).GetAsync($"/api/v1/products/{id}/translations", _ct)).StatusCode);

        await (await sellerA.PutAsync($"/api/v1/products/{id}/translations/xx/title", HttpAssertions.Json("""{"text":"x"}"""), _ct)).AssertProblemAsync(HttpStatusCode.NotFound, "translation-language-unknown");
        var badField = await (await sellerA.PutAsync($"/api/v1/products/{id}/translations/es/price", HttpAssertions.Json("""{"text":"x"}"""), _ct)).AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(badField.GetProperty("errors").TryGetProperty("field", out _));
        var empty = await (await sellerA.PutAsync($"/api/v1/products/{id}/translations/es/title", HttpAssertions.Json("""{"text":"  "}"""), _ct)).AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(empty.GetProperty("errors").TryGetProperty("text", out _));
    }

    [Fact]
    public async Task The_listing_page_is_cached_per_language()
    {
        var (id, slug) = await app.PublishAsync(app.SellerA, Listing("Cached Metrics"), _ct);
        await app.RunTranslationJobsAsync(_ct);
        (await app.ClientFor(app.SellerA).PutAsync($"/api/v1/products/{id}/translations/fr/title", HttpAssertions.Json("""{"text":"Métriques en cache"}"""), _ct)).EnsureSuccessStatusCode();
        await app.RunTranslationJobsAsync(_ct);

        var english = await SendAsync(slug, "en");
        var french = await SendAsync(slug, "fr");
        var frenchAgain = await SendAsync(slug, "fr");

        Assert.Contains("Cached Metrics</h1>", WebUtility.HtmlDecode(await english.Content.ReadAsStringAsync(_ct)), StringComparison.Ordinal);
        Assert.Contains("Métriques en cache</h1>", WebUtility.HtmlDecode(await french.Content.ReadAsStringAsync(_ct)), StringComparison.Ordinal);
        Assert.Null(french.Headers.Age);
        Assert.NotNull(frenchAgain.Headers.Age);
        Assert.Contains("Métriques en cache</h1>", WebUtility.HtmlDecode(await frenchAgain.Content.ReadAsStringAsync(_ct)), StringComparison.Ordinal);
        Assert.NotEqual(english.Headers.ETag!.Tag, french.Headers.ETag!.Tag);
    }

    private async Task<HttpResponseMessage> SendAsync(string pathAndQuery, string language)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, $"/products/{pathAndQuery}");
        request.Headers.AcceptLanguage.Add(new StringWithQualityHeaderValue(language));
        var response = await app.CreateClient().SendAsync(request, _ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return response;
    }

    private async Task<string> PageAsync(string pathAndQuery, string language) =>
        WebUtility.HtmlDecode(await (await SendAsync(pathAndQuery, language)).Content.ReadAsStringAsync(_ct));

    private async Task<JsonElement> GetAsync(Tenant seller, string id)
    {
        var response = await app.ClientFor(seller).GetAsync($"/api/v1/products/{id}/translations", _ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.ReadJsonAsync();
    }

    private static JsonElement Language(JsonElement translations, string language) =>
        translations.GetProperty("languages").EnumerateArray().Single(l => l.GetProperty("language").GetString() == language);

    private static Dictionary<string, JsonElement> Fields(JsonElement language) =>
        language.GetProperty("fields").EnumerateArray().ToDictionary(f => f.GetProperty("field").GetString()!, f => f);
}
