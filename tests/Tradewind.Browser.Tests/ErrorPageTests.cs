using Microsoft.Playwright;
using Tradewind.Browser.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Tradewind.Browser.Tests;

public sealed class ErrorPageTests(TradewindServer server)
{
    [Fact]
    public async Task An_unknown_page_shows_the_friendly_404_page_with_status_404()
    {
        var page = await server.NewPageAsync();

        var response = await page.GotoAsync("/no-such-page");

        Assert.Equal(404, response!.Status);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Page not found" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Go to the storefront" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task An_unknown_product_shows_the_friendly_404_page_with_status_404()
    {
        var page = await server.NewPageAsync();

        var response = await page.GotoAsync("/products/no-such-product");

        Assert.Equal(404, response!.Status);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Page not found" })).ToBeVisibleAsync();
    }
}
