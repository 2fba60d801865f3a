using Microsoft.Playwright;
using Tradewind.Browser.Tests.Infrastructure;
using Tradewind.Contracts.Accounts;
using static Microsoft.Playwright.Assertions;

namespace Tradewind.Browser.Tests;

/// <summary>The demo buyer (German, profile language de) reads the notifications its seeded subscriptions produced.</summary>
public sealed class NotificationsPageTests(TradewindServer server) : IClassFixture<TradewindServer>
{
    [Fact]
    public async Task The_demo_buyer_sees_its_notifications_in_German_with_an_unread_count_and_marks_one_read()
    {
        var page = await server.SignInAsDemoAsync(Roles.Buyer);
        await page.GotoAsync("/account/notifications");

        // The outbox delivers the seeded agreements' and invoices' events in the background; reload until they have all
        // arrived (the count is the same on two reloads a couple of seconds apart).
        var unread = page.Locator(".area-nav [data-unread]");
        string? previous = null;
        for (var attempt = 0; attempt < 60; attempt++)
        {
            var current = await unread.CountAsync() == 0 ? null : await unread.GetAttributeAsync("data-unread");
            if (current is not null && current == previous)
            {
                break;
            }

            previous = current;
            await page.WaitForTimeoutAsync(2000);
            await page.ReloadAsync();
        }

        var before = int.Parse((await unread.GetAttributeAsync("data-unread"))!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(before > 0);
        var first = page.Locator("li.notification.is-unread").First;
        await Expect(first).ToHaveAttributeAsync("lang", "de");
        await Expect(first.Locator(".notification-subject")).ToContainTextAsync(new System.Text.RegularExpressions.Regex("Willkommen bei|Ihre? (kostenlose Testphase|Abonnement)|Kündigung von|Rechnung|Zahlung"));

        var id = await first.GetAttributeAsync("data-notification");
        await first.GetByRole(AriaRole.Button, new() { Name = "Mark as read" }).ClickAsync();

        var read = page.Locator($"li.notification[data-notification='{id}']");
        await Expect(read).Not.ToHaveClassAsync(new System.Text.RegularExpressions.Regex("is-unread"));
        await Expect(read.GetByRole(AriaRole.Button, new() { Name = "Mark as read" })).ToHaveCountAsync(0);
        if (before == 1)
        {
            await Expect(unread).ToHaveCountAsync(0);
        }
        else
        {
            await Expect(unread).ToHaveAttributeAsync("data-unread", (before - 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
    }
}
