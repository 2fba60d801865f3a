using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Tradewind.Browser.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Tradewind.Browser.Tests;

/// <summary>A listing and search in Japanese, French and Spanish: by URL prefix and by the browser's language.</summary>
public sealed partial class LocalizedStorefrontTests(TradewindServer server)
{
    /// <summary>A demo listing with the 12-month, 4,800 USD contract plan, and the day it was listed.</summary>
    private async Task<(string Slug, DateTimeOffset ListedAt)> ContractListingAsync()
    {
        var listing = await server.PublishedListingAsync(l => l.Plans.Any(p => p.Terms.Contract is { Price: "4800.00", TermMonths: 12 }), "with the 4,800 USD annual plan");
        return (listing.Slug, listing.CreatedAt);
    }

    private async Task<IPage> PageInAsync(string locale)
    {
        var context = await server.Browser.NewContextAsync(new() { BaseURL = server.BaseAddress.ToString(), Locale = locale });
        return await context.NewPageAsync();
    }

    private static async Task<string> TextAsync(ILocator locator) => (await locator.TextContentAsync())?.Trim() ?? "";

    [Theory]
    // Exact code points: U+202F groups French thousands; .NET puts a plain space before a trailing symbol.
    [InlineData("fr", "fr-FR", "Tarifs", "4\u202f800,00 $ pour 12 mois")]
    [InlineData("es", "es-ES", "Precios", "4.800,00 $ por 12 meses")]
    // Japanese text arrives with its resource file from another branch; the formats are Japanese already.
    [InlineData("ja", "ja-JP", null, "$4,800.00")]
    public async Task A_listing_under_a_language_prefix_shows_that_language_its_prices_and_its_dates(string language, string culture, string? pricingHeading, string contractPrice)
    {
        var (slug, listedAt) = await ContractListingAsync();
        var page = await server.NewPageAsync();

        await page.GotoAsync($"/{language}/products/{slug}");

        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", language);
        if (pricingHeading is not null)
        {
            await Expect(page.Locator("#pricing-title")).ToHaveTextAsync(pricingHeading);
        }

        var contract = await TextAsync(page.Locator(".contract-facts dd").First);
        Assert.Contains(contractPrice, contract, StringComparison.Ordinal);
        var listed = page.Locator(".product-aside time");
        Assert.Equal(listedAt.UtcDateTime.ToString("D", CultureInfo.GetCultureInfo(culture)), await TextAsync(listed));
        Assert.Equal(listedAt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), await listed.GetAttributeAsync("datetime"));
        await Expect(page.Locator("link[rel=alternate][hreflang=x-default]")).ToHaveAttributeAsync("href", new Regex($"/products/{slug}$"));
    }

    [Fact]
    public async Task Japanese_dates_and_yen_free_prices_read_the_Japanese_way()
    {
        var (slug, listedAt) = await ContractListingAsync();
        var page = await server.NewPageAsync();

        await page.GotoAsync($"/ja/products/{slug}");

        var listed = await TextAsync(page.Locator(".product-aside time"));
        Assert.StartsWith($"{listedAt.UtcDateTime.Year}年{listedAt.UtcDateTime.Month}月{listedAt.UtcDateTime.Day}日", listed, StringComparison.Ordinal);
        Assert.DoesNotContain("¤", await TextAsync(page.Locator(".pricing-plan").First), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("fr-FR", "fr", "Tarifs")]
    [InlineData("es-MX", "es", "Precios")]
    public async Task The_browser_s_language_picks_the_page_s_language_without_a_prefix(string locale, string language, string pricingHeading)
    {
        var (slug, _) = await ContractListingAsync();
        var page = await PageInAsync(locale);

        await page.GotoAsync($"/products/{slug}");

        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", language);
        await Expect(page.Locator("#pricing-title")).ToHaveTextAsync(pricingHeading);
        if (locale == "es-MX")
        {
            // Mexican formats: "$" is the peso there, so the dollar is written US$.
            Assert.Contains("US$4,800.00 por 12 meses", await TextAsync(page.Locator(".contract-facts dd").First), StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("fr", "Résultats pour")]
    [InlineData("es", "Resultados para")]
    public async Task Search_under_a_language_prefix_stays_in_that_language_through_to_the_listing(string language, string heading)
    {
        var page = await server.NewPageAsync();

        await page.GotoAsync($"/{language}/search?q=observe");

        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync(heading);
        var results = page.Locator("main article");
        await results.First.Locator(".listing-title a").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex($"/{language}/products/[a-z0-9-]+$"));
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", language);
    }

    [Fact]
    public async Task The_language_switch_moves_a_prefixed_page_to_the_chosen_language()
    {
        var (slug, _) = await ContractListingAsync();
        var page = await server.NewPageAsync();
        await page.GotoAsync($"/fr/products/{slug}");

        await page.Locator("#culture-select").SelectOptionAsync("es");
        await page.Locator(".language-switcher button[type=submit]").ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex($"/es/products/{slug}$"));
        await Expect(page.Locator("#pricing-title")).ToHaveTextAsync("Precios");
    }
}
