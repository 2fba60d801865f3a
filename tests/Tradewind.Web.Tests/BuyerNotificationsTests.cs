using System.Net;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using Tradewind.Contracts;
using Tradewind.Contracts.Accounts;
using Tradewind.Contracts.Billing;
using Tradewind.Contracts.Events;
using Tradewind.Persistence.Outbox;
using Tradewind.Primitives.Ids;
using Tradewind.Primitives.Money;
using Tradewind.Web.Notifications;
using Tradewind.Web.Tests.Infrastructure;

namespace Tradewind.Web.Tests;

/// <summary>Buyer notifications through the real host: the outbox delivers the event, the inbox and the e-mail follow.</summary>
public sealed class BuyerNotificationsTests(AgreementsApp app) : IClassFixture<AgreementsApp>
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_Japanese_buyer_who_starts_a_trial_finds_the_welcome_in_Japanese_in_the_inbox_and_in_the_mail_pickup_directory()
    {
        await app.WithScopeAsync(s => s.GetRequiredService<IAccountsCommands>().UpdateBuyerProfileAsync(
            app.Buyer.Organisation.Id,
            new BuyerProfileInput(new PostalAddress("1-1 Marunouchi", null, "Tokyo", "100-0005", null, "JP"), null, "JPY", "ja", "Asia/Tokyo"),
            "test",
            _ct));
        var person = await app.CreatePersonAsync(app.Buyer, "kaori@gamma.example", null);
        var (productId, planId) = await app.PublishedPlanAsync(app.SellerA, "Alpha Welcome", AgreementsApp.TrialPlan(14));

        var agreementId = (await app.SubscribeAsync(app.Buyer, productId, planId)).GetProperty("agreement").GetProperty("id").GetString()!;
        await DeliverOutboxAsync();

        var inbox = await app.WithScopeAsync(s => s.GetRequiredService<IBuyerNotifications>().ListAsync(app.Buyer.Organisation.Id, new PageRequest(1, 50), _ct));
        var welcome = Assert.Single(inbox.Items, n => n.Link == $"/account/subscriptions/{agreementId}");
        Assert.Equal(NotificationKind.TrialStarted, welcome.Kind);
        Assert.Equal("ja", welcome.Language);
        Assert.Equal("Alpha Welcome の無料トライアルを開始しました", welcome.Subject);
        // Trial of 14 days from 2 November 09:00 UTC: 16 November in Tokyo, in the ja-JP short date pattern.
        Assert.Contains("トライアル期間は 2026/11/16 までです。", welcome.Body, StringComparison.Ordinal);
        Assert.Null(welcome.ReadAt);

        await app.Services.GetRequiredService<NotificationEmailJob>().SendDueAsync(_ct);
        var pickup = await app.WithScopeAsync(s => Task.FromResult(s.GetRequiredService<NotificationMail>().PickupDirectory));
        var messages = Directory.GetFiles(pickup, "*.eml").Select(f => MimeMessage.Load(f)).ToList();
        var mail = Assert.Single(messages, m => m.To.Mailboxes.Any(a => a.Address == person.Email) && m.Subject == welcome.Subject);
        Assert.Equal("ja", mail.Body!.Headers[HeaderId.ContentLanguage]);
        Assert.StartsWith("Test Person 様", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains($"http://localhost:5080/account/subscriptions/{agreementId}", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("<html lang=\"ja\">", mail.HtmlBody, StringComparison.Ordinal);
        Assert.Contains($"<a href=\"http://localhost:5080/account/subscriptions/{agreementId}\">", mail.HtmlBody, StringComparison.Ordinal);

        var sent = await app.WithScopeAsync(s => s.GetRequiredService<IBuyerNotifications>().ListAsync(app.Buyer.Organisation.Id, new PageRequest(1, 50), _ct));
        // One e-mail per person of the buyer organisation (other tests of this class may add people to it).
        var people = await app.WithScopeAsync(s => s.GetRequiredService<IAccountsQueries>().ListUsersAsync(app.Buyer.Organisation.Id, _ct));
        Assert.Equal(people.Count, sent.Items.Single(n => n.Id == welcome.Id).Email.Sent);
    }

    [Fact]
    public async Task An_event_delivered_twice_notifies_once()
    {
        var invoice = new InvoiceFinalized(
            InvoiceId.New(app.Clock), InvoiceKind.Invoice, "TW-US-2026-000042", app.OtherBuyer.Organisation.Id, "TW-US",
            Money.FromMinor(10_000, Currency.EUR), Money.FromMinor(1_900, Currency.EUR), Money.FromMinor(11_900, Currency.EUR), null, app.Clock.GetUtcNow());

        await app.WithScopeAsync(async s => { await s.GetRequiredService<BuyerNotificationConsumers>().ConsumeAsync(invoice, _ct); return 0; });
        await app.WithScopeAsync(async s => { await s.GetRequiredService<BuyerNotificationConsumers>().ConsumeAsync(invoice, _ct); return 0; });
        await app.WithScopeAsync(async s =>
        {
            // As the outbox delivers it, through the registered consumers (the ledger's needs a real document: left out).
            foreach (var consumer in s.GetServices<IIntegrationEventConsumer<InvoiceFinalized>>().OfType<BuyerNotificationConsumers>())
            {
                await consumer.ConsumeAsync(invoice, _ct);
            }

            return 0;
        });

        var inbox = await app.WithScopeAsync(s => s.GetRequiredService<IBuyerNotifications>().ListAsync(app.OtherBuyer.Organisation.Id, new PageRequest(1, 50), _ct));
        var notice = Assert.Single(inbox.Items, n => n.Link == $"/account/invoices/{invoice.InvoiceId}");
        Assert.Equal(NotificationKind.InvoiceIssued, notice.Kind);
        // No profile and no people with a saved language: English.
        Assert.Equal("Invoice TW-US-2026-000042 issued", notice.Subject);
    }

    [Fact]
    public async Task A_buyer_never_sees_or_marks_another_buyer_s_notifications()
    {
        var paid = new InvoicePaid(InvoiceId.New(app.Clock), "TW-DE-2026-000007", app.OtherBuyer.Organisation.Id, Money.FromMinor(5_000, Currency.EUR), app.Clock.GetUtcNow());
        await app.WithScopeAsync(async s => { await s.GetRequiredService<BuyerNotificationConsumers>().ConsumeAsync(paid, _ct); return 0; });
        var theirs = (await app.WithScopeAsync(s => s.GetRequiredService<IBuyerNotifications>().ListAsync(app.OtherBuyer.Organisation.Id, new PageRequest(1, 50), _ct)))
            .Items.Single(n => n.Subject.Contains("TW-DE-2026-000007", StringComparison.Ordinal));
        await app.CreatePersonAsync(app.OtherBuyer, "owner@delta.example", null);
        var snooper = await app.CreatePersonAsync(app.Buyer, "snooper@gamma.example", "en");

        var own = await app.SignedInClientAsync("owner@delta.example");
        var (ownResponse, ownPage) = await own.GetPageAsync("/account/notifications", _ct);
        var other = await app.SignedInClientAsync(snooper.Email);
        var (otherResponse, otherPage) = await other.GetPageAsync("/account/notifications", _ct);

        Assert.Equal(HttpStatusCode.OK, ownResponse.StatusCode);
        Assert.NotNull(ownPage.QuerySelector($"[data-notification='{theirs.Id.Value}']"));
        Assert.NotNull(ownPage.QuerySelector(".area-nav [data-unread]"));
        Assert.Equal(HttpStatusCode.OK, otherResponse.StatusCode);
        Assert.Null(otherPage.QuerySelector($"[data-notification='{theirs.Id.Value}']"));
        Assert.DoesNotContain("TW-DE-2026-000007", otherPage.Body!.TextContent, StringComparison.Ordinal);

        var refused = await Assert.ThrowsAsync<DomainException>(() => app.WithScopeAsync(async s =>
        {
            await s.GetRequiredService<IBuyerNotifications>().MarkReadAsync(app.Buyer.Organisation.Id, theirs.Id, _ct);
            return 0;
        }));
        Assert.Equal("notification-not-found", refused.Code);
        var after = await app.WithScopeAsync(s => s.GetRequiredService<IBuyerNotifications>().ListAsync(app.OtherBuyer.Organisation.Id, new PageRequest(1, 50), _ct));
        Assert.Null(after.Items.Single(n => n.Id == theirs.Id).ReadAt);
    }

    private async Task DeliverOutboxAsync()
    {
        var processor = app.Services.GetRequiredService<OutboxProcessor>();
        while (await processor.DispatchPendingAsync(_ct) > 0)
        {
        }
    }
}
