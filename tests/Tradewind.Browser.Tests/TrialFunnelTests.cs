using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Tradewind.Browser.Tests.Infrastructure;
using Tradewind.Contracts.Accounts;
using Tradewind.Contracts.Analytics;
using Tradewind.Persistence.Outbox;
using Tradewind.Web.Demo;
using static Microsoft.Playwright.Assertions;

namespace Tradewind.Browser.Tests;

/// <summary>
/// A new buyer starts a free trial on one of the demo seller's listings through the storefront; once the outbox has
/// delivered the agreement's events and the lifecycle rollups are rebuilt, the seller's funnel counts one more trial.
/// </summary>
public sealed class TrialFunnelTests(TradewindServer server)
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_trial_started_on_the_storefront_shows_in_the_sellers_funnel()
    {
        var slug = await TrialListingAsync();
        var seller = await server.SignInAsDemoAsync(Roles.Seller);
        await RebuildAsync();
        var before = await TrialsStartedAsync(seller);

        var buyer = await server.NewPageAsync();
        await buyer.GotoAsync($"/products/{slug}?utm_source=newsletter&utm_medium=email&utm_campaign=trial-funnel");
        await buyer.GetByRole(AriaRole.Complementary).GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^Start .*free trial$") }).First.ClickAsync();
        await Expect(buyer).ToHaveURLAsync(new Regex("/signin"));
        await buyer.GetByRole(AriaRole.Link, new() { Name = "Create a buyer account" }).ClickAsync();
        await AgreementsServer.FillSignUpAsync(buyer, "Funnel Test Works Ltd", $"trial-{Guid.NewGuid():N}@funnel.example");
        await Expect(buyer).ToHaveURLAsync(new Regex($"/products/{slug}/subscribe/"));
        await buyer.GetByRole(AriaRole.Button, new() { Name = "Accept the licence and start the free trial" }).ClickAsync();
        await Expect(buyer.GetByRole(AriaRole.Heading, new() { NameRegex = new Regex("^You subscribed to ") })).ToBeVisibleAsync();

        await RebuildAsync();
        Assert.Equal(before + 1, await TrialsStartedAsync(seller));
        await Expect(seller.GetByText("within 14 days", new() { Exact = false }).First).ToBeVisibleAsync();
    }

    /// <summary>The number in the funnel's "Trials started" row for the last 7 days.</summary>
    private static async Task<int> TrialsStartedAsync(IPage seller)
    {
        await seller.GotoAsync("/seller/analytics/funnel?Period=7");
        var cell = seller.Locator("tr[data-step='trials_started'] td").First;
        await Expect(cell).ToBeVisibleAsync();
        return int.Parse((await cell.InnerTextAsync()).Trim(), NumberStyles.AllowThousands, CultureInfo.InvariantCulture);
    }

    /// <summary>Delivers every pending outbox message (the lifecycle consumers write trial_started), then rebuilds the last two days.</summary>
    private async Task RebuildAsync()
    {
        var outbox = server.Services.GetRequiredService<OutboxProcessor>();
        while (await outbox.DispatchPendingAsync(_ct) > 0)
        {
        }

        await server.Services.GetRequiredService<IListingTrafficCapture>().FlushAsync(_ct);
        var today = DateOnly.FromDateTime((server.Clock?.GetUtcNow() ?? TimeProvider.System.GetUtcNow()).UtcDateTime);
        await using var scope = server.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<IAnalyticsRollups>().RebuildAsync(today.AddDays(-1), today, _ct);
    }

    /// <summary>A published listing of the demo's first seller with a free-trial plan.</summary>
    private async Task<string> TrialListingAsync() =>
        (await server.PublishedListingAsync(l => l.SellerName == DemoCatalog.Sellers[0].Name && l.Plans.Any(p => p.Terms.FreeTrial is not null), "of the first seller with a free trial")).Slug;

}
