using Microsoft.Playwright;
using Tradewind.Browser.Tests.Infrastructure;
using Tradewind.Contracts.Accounts;
using static Microsoft.Playwright.Assertions;

namespace Tradewind.Browser.Tests;

public sealed class AwsAccessKeysPageTests(TradewindServer server)
{
    [Fact]
    public async Task The_seller_creates_an_aws_access_key_sees_the_secret_once_then_revokes_it()
    {
        var page = await server.SignInAsDemoAsync(Roles.Seller);
        await page.GetByRole(AriaRole.Link, new() { Name = "AWS access keys" }).First.ClickAsync();
        var keyName = $"sdk key {Guid.NewGuid():N}"[..20];

        await page.GetByLabel("Key name").FillAsync(keyName);
        await page.GetByRole(AriaRole.Button, new() { Name = "Create access key" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Copy your new secret access key now" })).ToBeVisibleAsync();
        var accessKeyId = await page.Locator("#issued-access-key-id").InnerTextAsync();
        var secret = await page.GetByRole(AriaRole.Textbox, new() { Name = "Secret access key" }).InputValueAsync();
        Assert.Matches("^TWAK[A-Z2-7]{16}$", accessKeyId);
        Assert.Equal(40, secret.Length);
        var row = page.GetByRole(AriaRole.Row).Filter(new() { HasText = keyName });
        await Expect(row.GetByText("Active")).ToBeVisibleAsync();

        await page.GotoAsync("/seller/aws-access-keys");
        await Expect(page.GetByText("Copy your new secret access key now")).ToHaveCountAsync(0);
        await Expect(page.GetByText(secret)).ToHaveCountAsync(0);
        await Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = keyName })).ToContainTextAsync(accessKeyId);

        await row.GetByText("Revoke…").ClickAsync();
        await row.GetByRole(AriaRole.Button, new() { Name = $"Revoke access key {accessKeyId}" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync($"AWS access key {accessKeyId} was revoked.");
        await Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = keyName }).GetByText("Revoked")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task A_key_cannot_be_bound_to_a_customer_that_is_not_the_sellers()
    {
        var page = await server.SignInAsDemoAsync(Roles.Seller);
        await page.GotoAsync("/seller/aws-access-keys");

        await page.GetByLabel("Key name").FillAsync("customer key");
        await page.GetByLabel("Customer identifier (optional)").FillAsync("cust-not-a-customer");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create access key" }).ClickAsync();

        await Expect(page.Locator("#aws-key-customer-error")).ToContainTextAsync("This is not a customer of your products.");
        await Expect(page.GetByText("Copy your new secret access key now")).ToHaveCountAsync(0);
    }
}
