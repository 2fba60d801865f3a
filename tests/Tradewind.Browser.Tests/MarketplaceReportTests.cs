using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Tradewind.Browser.Tests.Infrastructure;
using Tradewind.Contracts.Accounts;
using static Microsoft.Playwright.Assertions;

namespace Tradewind.Browser.Tests;

/// <summary>The operator opens the marketplace PLG report on the demo data and reads traffic, conversion and revenue by dimension.</summary>
public sealed class MarketplaceReportTests(TradewindServer server)
{
    [Fact]
    public async Task The_operator_reads_traffic_conversion_and_revenue_across_sellers_by_country_category_channel_and_language()
    {
        var page = await server.SignInAsDemoAsync(Roles.Operator);
        await page.GotoAsync("/operator");
        await page.GetByRole(AriaRole.Link, new() { Name = "PLG report" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Marketplace PLG report", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.Locator("select[name='ProductId']")).ToHaveCountAsync(0);

        await page.Locator("select[name='Period']").SelectOptionAsync("90");
        await page.GetByRole(AriaRole.Button, new() { Name = "Show report" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/operator/analytics\\?Period=90"));

        // The demo's three months of traffic: visitors from many countries through several channels, and trials
        // attributed to the listing views that brought them.
        await Expect(page.Locator("table[data-dimension='country'] tbody tr").Nth(4)).ToBeVisibleAsync();
        await Expect(page.Locator("table[data-dimension='channel'] tbody tr").Nth(2)).ToBeVisibleAsync();
        await Expect(page.Locator("table[data-dimension='language'] tbody tr").Nth(1)).ToBeVisibleAsync();
        var category = page.Locator("table[data-dimension='category'] tbody tr th").First;
        await Expect(category).Not.ToHaveTextAsync(new Regex("^\\(unknown\\)$"));
        await Expect(page.Locator("[data-metric='attributed_trials'] .metric-value")).Not.ToHaveTextAsync(new Regex("^0$"));
        await Expect(page.Locator("[data-metric='row_conversion'] .metric-value")).ToHaveTextAsync(new Regex("%"));
        await Expect(page.Locator("section.analytics-definitions")).ToContainTextAsync("Attributed trials ÷ unique visitor-days of the row.");

        // Closing MRR per currency, by buyer country and by category.
        var revenue = page.Locator(".marketplace-revenue").First;
        await Expect(revenue).ToBeVisibleAsync();
        await Expect(revenue.Locator("table[data-revenue='country'] tbody tr").First).ToBeVisibleAsync();
        await Expect(revenue.Locator("table[data-revenue='category'] tbody tr").First).ToBeVisibleAsync();
    }
}
