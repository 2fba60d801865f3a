using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Tradewind.Browser.Tests.Infrastructure;
using Tradewind.Contracts.Accounts;
using Tradewind.Web.Demo;
using static Microsoft.Playwright.Assertions;

namespace Tradewind.Browser.Tests;

public sealed partial class SellerPortalTests(TradewindServer server)
{
    private static readonly (string Role, string Email, string Name, string Organisation) Seller =
        DemoSeeder.KnownLogins.Single(l => l.Role == Roles.Seller);

    [Fact]
    public async Task The_seller_signs_in_with_the_demo_login_and_sees_the_seller_portal_with_their_listings()
    {
        var page = await server.SignInAsDemoAsync(Roles.Seller);

        await Expect(page).ToHaveURLAsync(EndsWith("/seller"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync(Seller.Organisation);
        var listings = page.GetByRole(AriaRole.Region, new() { Name = "Your listings" }).GetByRole(AriaRole.Table);
        await Expect(listings).ToBeVisibleAsync();
        Assert.True(await listings.GetByRole(AriaRole.Row).CountAsync() > 1);
        await Expect(listings.GetByText("Published").First).ToBeVisibleAsync();
    }

    [Fact]
    public async Task The_seller_issues_an_API_key_and_sees_the_secret_once_then_revokes_it()
    {
        var page = await server.SignInAsDemoAsync(Roles.Seller);
        await page.GetByRole(AriaRole.Link, new() { Name = "API keys" }).First.ClickAsync();
        var keyName = $"browser test {Guid.NewGuid():N}"[..24];

        await page.GetByLabel("Key name").FillAsync(keyName);
        await page.GetByRole(AriaRole.Button, new() { Name = "Issue key" }).ClickAsync();

        var secretBox = page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Copy your new key now" });
        await Expect(secretBox).ToBeVisibleAsync();
        var secret = await page.GetByLabel($"Secret for {keyName}").InputValueAsync();
        Assert.False(string.IsNullOrWhiteSpace(secret));
        var row = page.GetByRole(AriaRole.Row).Filter(new() { HasText = keyName });
        await Expect(row.GetByText("Active")).ToBeVisibleAsync();

        await page.GotoAsync("/seller/api-keys");
        await Expect(page.GetByText("Copy your new key now")).ToHaveCountAsync(0);
        await Expect(page.GetByText(secret)).ToHaveCountAsync(0);

        await row.GetByText("Revoke…").ClickAsync();
        await row.GetByRole(AriaRole.Button, new() { Name = $"Revoke key “{keyName}”" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync($"Key “{keyName}” was revoked.");
        await Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = keyName }).GetByText("Revoked")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task The_seller_signs_out_from_the_user_menu_and_must_sign_in_again_to_open_the_portal()
    {
        var page = await server.SignInAsDemoAsync(Roles.Seller);
        await Expect(page).ToHaveURLAsync(EndsWith("/seller"));

        await page.GetByText(Seller.Name).First.ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Sign in", Exact = true })).ToBeVisibleAsync();
        await page.GotoAsync("/seller");
        await Expect(page).ToHaveURLAsync(new Regex("/signin\\?ReturnUrl=%2Fseller$", RegexOptions.IgnoreCase));
    }

    private static Regex EndsWith(string path) => new($"{Regex.Escape(path)}$");
}
