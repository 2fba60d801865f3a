using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Tradewind.Browser.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Tradewind.Browser.Tests;

public sealed partial class SearchTests(TradewindServer server)
{
    [Fact]
    public async Task A_visitor_searches_from_the_home_page_with_a_typo_filters_by_category_and_opens_a_result()
    {
        var page = await server.NewPageAsync();
        await page.GotoAsync("/");

        var hero = page.GetByRole(AriaRole.Search, new() { Name = "Search the marketplace" });
        await hero.GetByRole(AriaRole.Searchbox).FillAsync("obsrve");
        await hero.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();

        await Expect(page).ToHaveURLAsync(SearchUrl());
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("obsrve");
        var categories = page.GetByRole(AriaRole.Region, new() { Name = "Category" });
        await categories.GetByRole(AriaRole.Link).Filter(new() { HasText = "Observability" }).First.ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex("category=observability"));
        await Expect(categories.Locator("a[aria-current=true]")).ToContainTextAsync("Observability");
        var results = page.GetByRole(AriaRole.Region, new() { Name = "Results" }).GetByRole(AriaRole.Article);
        await Expect(results).ToHaveCountAsync(1);
        await results.First.GetByRole(AriaRole.Link, new() { Name = "Wattleridge Observe" }).ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex("/products/wattleridge-observe$"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1, Name = "Wattleridge Observe" })).ToBeVisibleAsync();
    }

    [GeneratedRegex(@"/search\?q=obsrve$")]
    private static partial Regex SearchUrl();
}
