using Microsoft.Playwright;
using Tradewind.Browser.Tests.Infrastructure;
using Tradewind.Contracts.Accounts;
using Tradewind.Web.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Tradewind.Browser.Tests;

public sealed class WebhooksTests(TradewindServer server)
{
    [Fact]
    public async Task The_seller_adds_an_endpoint_sees_its_secret_once_sends_a_test_event_and_redelivers_it()
    {
        await using var receiver = new WebhookReceiver(TimeProvider.System);
        await receiver.StartAsync();
        var inbox = receiver.Open("browser");
        var page = await server.SignInAsDemoAsync(Roles.Seller);
        await page.GetByRole(AriaRole.Link, new() { Name = "Webhooks" }).First.ClickAsync();

        await page.GetByLabel("Endpoint URL").FillAsync(inbox.Url.ToString());
        await page.GetByLabel("Description").FillAsync("browser receiver");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add endpoint" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Copy your signing secret now" })).ToBeVisibleAsync();
        var secret = await page.GetByLabel("Signing secret", new() { Exact = true }).InputValueAsync();
        Assert.StartsWith("whsec_", secret, StringComparison.Ordinal);
        inbox.Secrets.Add(secret);
        await page.GetByRole(AriaRole.Link, new() { Name = "Manage this endpoint and send a test event" }).ClickAsync();
        await Expect(page.GetByText(secret)).ToHaveCountAsync(0);

        await page.GetByRole(AriaRole.Button, new() { Name = "Send test event" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("The test event was delivered.");
        await Expect(page.GetByTestId("delivery-status")).ToHaveTextAsync("Delivered");
        var first = Assert.Single(inbox.Received);
        Assert.Equal([secret], first.VerifiedWith);

        await page.GetByRole(AriaRole.Button, new() { Name = "Redeliver now" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Redelivered: your endpoint accepted it.");
        var attempts = page.GetByRole(AriaRole.Region, new() { Name = "Attempts" }).GetByRole(AriaRole.Row);
        await Expect(attempts).ToHaveCountAsync(3);
        Assert.Equal(2, inbox.Received.Count);
        Assert.Equal(first.Id, inbox.Received[1].Id);
        Assert.Equal(first.Body, inbox.Received[1].Body);
    }

    [Fact]
    public async Task A_plain_http_url_to_a_public_host_is_refused_next_to_the_field()
    {
        var page = await server.SignInAsDemoAsync(Roles.Seller);
        await page.GotoAsync("/seller/webhooks");

        await page.GetByLabel("Endpoint URL").FillAsync("http://example.com/hooks");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add endpoint" }).ClickAsync();

        await Expect(page.Locator("#url-error")).ToContainTextAsync("https://");
        await Expect(page.GetByText("Copy your signing secret now")).ToHaveCountAsync(0);
        await Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = "http://example.com/hooks" })).ToHaveCountAsync(0);
    }
}
