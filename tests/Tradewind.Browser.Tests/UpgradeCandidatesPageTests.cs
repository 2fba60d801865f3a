using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Tradewind.Browser.Tests.Infrastructure;
using Tradewind.Contracts.Accounts;
using Tradewind.Contracts.Analytics;
using static Microsoft.Playwright.Assertions;

namespace Tradewind.Browser.Tests;

public sealed class UpgradeCandidatesPageTests(TradewindServer server)
{
    [Fact]
    public async Task The_seller_sees_each_score_explained_and_opens_the_offer_builder_for_that_customer()
    {
        // Score yesterday for the demo marketplace (the hosted job would do it within the hour).
        await using (var scope = server.Services.CreateAsyncScope())
        {
            var clock = scope.ServiceProvider.GetRequiredService<TimeProvider>();
            var yesterday = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime).AddDays(-1);
            Assert.True(await scope.ServiceProvider.GetRequiredService<IUpgradeCandidates>().EvaluateDayAsync(yesterday, TestContext.Current.CancellationToken) > 0);
        }

        var page = await server.SignInAsDemoAsync(Roles.Seller);
        await page.GotoAsync("/seller/analytics/candidates");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Upgrade candidates", Level = 1 })).ToBeVisibleAsync();
        var row = page.Locator("tr.pql-row").First;
        await Expect(row).ToBeVisibleAsync();
        var buyer = (await row.Locator("td").First.InnerTextAsync()).Trim();
        var agreement = await row.GetAttributeAsync("data-agreement");

        // "Why this score" lists all ten rules with their points and reasons, including those that gave 0.
        await row.GetByText("Why this score").ClickAsync();
        var rules = row.Locator("details.pql-why tbody tr");
        await Expect(rules).ToHaveCountAsync(10);
        await Expect(rules.Filter(new() { HasText = "D1" })).ToContainTextAsync(new Regex("usage|subscrib"));
        await Expect(page.Locator("section.pql-definitions")).ToContainTextAsync("Usage over the trailing 28 days");

        await row.GetByRole(AriaRole.Link, new() { Name = "Create private offer" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex($"/seller/offers/new\\?agreement={agreement}$"));
        await Expect(page.Locator("input[name='Form.BuyerId']")).ToHaveCountAsync(1);
        await Expect(page.Locator("main, body").First).ToContainTextAsync(buyer);
    }
}
