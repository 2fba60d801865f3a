using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Tradewind.Browser.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Tradewind.Browser.Tests;

public sealed partial class SubscriptionTests(AgreementsServer server) : IClassFixture<AgreementsServer>
{
    [Fact]
    public async Task A_visitor_signs_up_starts_a_trial_in_three_clicks_and_the_sellers_application_resolves_the_token()
    {
        var page = await server.NewPageAsync();
        await page.GotoAsync($"/products/{server.ProductSlug}");

        // The sidebar's trial button leads to the same subscribe page as the trial plan's own button.
        var planHref = await page.GetByRole(AriaRole.Region, new() { Name = "Team" }).GetByRole(AriaRole.Link, new() { Name = "Start 3-day free trial" }).GetAttributeAsync("href");
        Assert.Matches($"^/go/trial/{server.ProductSlug}\\?att=[A-Za-z0-9_-]{{43}}&to=%2Fproducts%2F{server.ProductSlug}%2Fsubscribe%2F[0-9a-f-]{{36}}$", planHref);
        var sidebarTrial = page.GetByRole(AriaRole.Complementary, new() { Name = "About this product" }).GetByRole(AriaRole.Link, new() { Name = "Start 3-day free trial" });
        await Expect(sidebarTrial).ToHaveAttributeAsync("href", planHref!);
        await sidebarTrial.ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/signin"));
        await page.GetByRole(AriaRole.Link, new() { Name = "Create a buyer account" }).ClickAsync();
        await AgreementsServer.FillSignUpAsync(page, "Kanda Books K.K.", "haruka@kanda.example");

        await Expect(page).ToHaveURLAsync(new Regex($"/products/{server.ProductSlug}/subscribe/"));
        await Expect(page.GetByText("Tradewind standard contract, version 2026-11.")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Accept the licence and start the free trial" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = $"You subscribed to {server.ProductTitle}" })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = $"Continue to {server.ProductTitle} setup" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Welcome to Skyhook, Kanda Books K.K." })).ToBeVisibleAsync();
        var customer = (await page.Locator("#customer").InnerTextAsync()).Trim();
        Assert.Matches(CustomerIdentifier(), customer);
        Assert.Equal("free-trial", (await page.Locator("#offer-type").InnerTextAsync()).Trim());
        Assert.Contains(server.Resolved.Values, r => r.GetProperty("customerIdentifier").GetString() == customer && r.GetProperty("status").GetString() == "trial");

        var notice = await server.WaitForNotificationAsync(n => n.Type == "subscribe-success" && n.Body.GetProperty("data").GetProperty("customer-identifier").GetString() == customer);
        Assert.True(notice.Verified);
        Assert.Equal("subscribe-success", notice.Body.GetProperty("data").GetProperty("action").GetString());
        Assert.Equal("true", notice.Body.GetProperty("data").GetProperty("isFreeTrialTermPresent").GetString());
    }

    [Fact]
    public async Task A_trial_converts_to_paid_when_the_clock_passes_its_end()
    {
        var page = await SubscribedBuyerAsync("Ochanomizu Press", "ren@ochanomizu.example");
        await Expect(page.Locator("[data-status]")).ToHaveTextAsync("Free trial");
        await Expect(page.GetByText("(3 days left)")).ToBeVisibleAsync();
        var trialEnds = await TrialEndDateAsync(page);
        await Expect(Fact(page, "Current period")).ToHaveCountAsync(0);

        server.Clock.Advance(TimeSpan.FromDays(3).Add(TimeSpan.FromMinutes(5)));
        await server.SweepAsync();
        await page.ReloadAsync();

        await Expect(page.Locator("[data-status]")).ToHaveTextAsync("Active");
        await Expect(Fact(page, "Current period")).ToHaveTextAsync(new Regex($"^\\s*{Regex.Escape(trialEnds)} – "));
        await Expect(page.GetByText("days left")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task A_buyer_cancels_for_the_end_of_the_trial_and_it_ends_then_instead_of_converting()
    {
        var page = await SubscribedBuyerAsync("Jimbocho Maps", "aoi@jimbocho.example");

        var trialEnds = await TrialEndDateAsync(page);

        await page.GetByRole(AriaRole.Button, new() { Name = "Cancel at the end of the trial" }).ClickAsync();
        await Expect(page.Locator("[data-status]")).ToHaveTextAsync("Cancels at period end");
        await Expect(Fact(page, "Cancels on")).ToHaveTextAsync(trialEnds);
        server.Clock.Advance(TimeSpan.FromDays(3).Add(TimeSpan.FromMinutes(5)));
        await server.SweepAsync();
        await page.ReloadAsync();

        await Expect(page.Locator("[data-status]")).ToHaveTextAsync("Cancelled");
        await Expect(Fact(page, "Ended")).ToHaveTextAsync(trialEnds);
        await Expect(Fact(page, "Current period")).ToHaveCountAsync(0);
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Subscribe again" })).ToBeVisibleAsync();
    }

    /// <summary>A new buyer who subscribed to the trial and is looking at the subscription's page.</summary>
    private async Task<IPage> SubscribedBuyerAsync(string organisation, string email)
    {
        var page = await server.SignUpAsync(organisation, email);
        await page.GotoAsync($"/products/{server.ProductSlug}");
        await page.GetByRole(AriaRole.Region, new() { Name = "Team" }).GetByRole(AriaRole.Link, new() { Name = "Start 3-day free trial" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Accept the licence and start the free trial" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "See this subscription in your account" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1, Name = server.ProductTitle })).ToBeVisibleAsync();
        return page;
    }

    /// <summary>The value of one fact (a <c>dt</c>/<c>dd</c> pair) on the subscription's page.</summary>
    private static ILocator Fact(IPage page, string label) =>
        page.Locator($"xpath=//dl[contains(@class, 'facts')]//dt[normalize-space()='{label}']/following-sibling::dd[1]");

    /// <summary>The date the free trial ends, as the page shows it (without the days left).</summary>
    private static async Task<string> TrialEndDateAsync(IPage page)
    {
        var text = (await Fact(page, "Free trial ends").InnerTextAsync()).Trim();
        var date = text.Split('(')[0].Trim();
        Assert.NotEmpty(date);
        return date;
    }

    [GeneratedRegex("^TW[A-Z2-9]{11}$")]
    private static partial Regex CustomerIdentifier();
}
