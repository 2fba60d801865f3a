using Microsoft.Playwright;
using Tradewind.Browser.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Tradewind.Browser.Tests;

public sealed class StorefrontTests(TradewindServer server)
{
    [Fact]
    public async Task The_storefront_loads_and_shows_listings_and_categories()
    {
        var page = await server.NewPageAsync();

        var response = await page.GotoAsync("/");

        Assert.Equal(200, response!.Status);
        Assert.Equal("public, max-age=60", await response.HeaderValueAsync("cache-control"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Browse categories" }).First).ToBeVisibleAsync();
        var newest = page.GetByRole(AriaRole.Region, new() { Name = "Newest listings" });
        Assert.True(await newest.GetByRole(AriaRole.Article).CountAsync() > 0);
        var categories = page.GetByRole(AriaRole.Region, new() { Name = "Categories" });
        await Expect(categories.GetByRole(AriaRole.Link).First).ToBeVisibleAsync();
    }

    [Fact]
    public async Task A_visitor_opens_a_listing_page_from_the_home_page()
    {
        var page = await server.NewPageAsync();
        await page.GotoAsync("/");
        var firstCard = page.GetByRole(AriaRole.Region, new() { Name = "Newest listings" }).GetByRole(AriaRole.Article).First;
        var title = (await firstCard.GetByRole(AriaRole.Heading).InnerTextAsync()).Trim();

        await firstCard.GetByRole(AriaRole.Link, new() { Name = title, Exact = true }).ClickAsync();

        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/products/[a-z0-9-]+$"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1, Name = title })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Overview" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Sign in to subscribe" })).ToHaveAttributeAsync("href", new System.Text.RegularExpressions.Regex("^/signin"));
    }
}
