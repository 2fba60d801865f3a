using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Tradewind.Browser.Tests.Infrastructure;
using Tradewind.Contracts.Accounts;
using Tradewind.Contracts.Analytics;
using static Microsoft.Playwright.Assertions;

namespace Tradewind.Browser.Tests;

/// <summary>
/// A campaign visit to a demo listing, confirmed by the page beacon, shows up in the seller's traffic report once the
/// rollups are rebuilt. Needs the storefront capture (listing views and the beacon) to be in place.
/// </summary>
public sealed class ListingTrafficTests(TradewindServer server)
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_visit_from_a_newsletter_campaign_appears_in_the_sellers_traffic_breakdown()
    {
        var seller = await server.SignInAsDemoAsync(Roles.Seller);
        await seller.GotoAsync("/seller/analytics/traffic?Period=7");
        var titles = (await seller.Locator("select[name='ProductId'] option").AllInnerTextsAsync()).Skip(1).Select(t => t.Trim()).ToList();
        var (title, slug) = await PublishedListingAsync(titles);

        var visitor = await server.NewPageAsync();
        await visitor.GotoAsync($"/products/{slug}?utm_source=newsletter&utm_medium=email&utm_campaign=spring");
        await Expect(visitor.GetByRole(AriaRole.Heading, new() { Name = title, Level = 1 })).ToBeVisibleAsync();
        await visitor.WaitForLoadStateAsync(LoadState.NetworkIdle);

        var today = DateOnly.FromDateTime((server.Clock?.GetUtcNow() ?? TimeProvider.System.GetUtcNow()).UtcDateTime);
        await server.Services.GetRequiredService<IListingTrafficCapture>().FlushAsync(_ct);
        await using (var scope = server.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<ITrafficRollups>().RebuildAsync(new AnalyticsRange(today.AddDays(-1), today), _ct);
        }

        await seller.GotoAsync("/seller/analytics/traffic?Period=7");
        await Expect(seller.GetByRole(AriaRole.Heading, new() { Name = "Listing traffic", Level = 1 })).ToBeVisibleAsync();
        var campaigns = seller.Locator("table[data-breakdown='campaign']");
        await Expect(campaigns.Locator("tr[data-key='spring']")).ToBeVisibleAsync();
        await Expect(seller.Locator("table[data-breakdown='source'] tr[data-key='newsletter']")).ToBeVisibleAsync();
        await Expect(seller.Locator("[data-metric='confirmed_views'] .metric-value")).Not.ToHaveTextAsync(new Regex("^0$"));
        await seller.GetByRole(AriaRole.Link, new() { Name = "Languages" }).ClickAsync();
        await Expect(seller).ToHaveURLAsync(new Regex("/seller/analytics/languages\\?Period=7"));
        await Expect(seller.GetByRole(AriaRole.Heading, new() { Name = "Traffic and conversion by language", Level = 1 })).ToBeVisibleAsync();
    }

    private async Task<(string Title, string Slug)> PublishedListingAsync(IReadOnlyList<string> titles)
    {
        var listing = await server.PublishedListingAsync(l => titles.Contains(l.Title), $"among {string.Join(", ", titles)}");
        return (listing.Title, listing.Slug);
    }

}
