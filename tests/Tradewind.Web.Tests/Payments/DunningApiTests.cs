using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Tradewind.Contracts;
using Tradewind.Contracts.Accounts;
using Tradewind.Web.Tests.Infrastructure;
using static Tradewind.Web.Tests.Infrastructure.CatalogRequests;

namespace Tradewind.Web.Tests.Payments;

/// <summary>A billing fixture of its own, so no other test's invoice falls due in these runs.</summary>
public sealed class DunningApp : BillingApp;

/// <summary>An invoice paid by a declined card is dunned: retries and reminders, suspension, and reinstatement once paid.</summary>
public sealed class DunningApiTests(DunningApp app) : IClassFixture<DunningApp>
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_declined_card_is_retried_and_reminded_then_the_agreement_is_suspended_and_reinstated_when_the_invoice_is_paid()
    {
        var invoice = await app.FinalizedInvoiceAsync(app.SellerA, app.UsBuyer, "Dunning Desk", "2.00", 50);
        var id = invoice.GetProperty("id").GetString()!;
        var agreementId = invoice.GetProperty("lines")[0].GetProperty("agreementId").GetString()!;
        var dueDate = DateOnly.Parse(invoice.GetProperty("dueDate").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        var due = new DateTimeOffset(dueDate.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

        var declined = await (await app.PayAsync(app.UsBuyer, invoice, new JsonObject { ["card"] = CollectionsApiTests.Card("4000000000000002") }, "declined-first")).ReadJsonAsync();
        Assert.Equal("declined", declined.GetProperty("status").GetString());
        Assert.Equal("generic_decline", declined.GetProperty("declineCode").GetString());

        // Not yet overdue on its due date: nothing to do.
        app.MoveTo(due.AddHours(12));
        Assert.Empty(Steps(await RunAsync(), id));

        // Day 1: the saved card is charged again (declined again) and the buyer is reminded.
        app.MoveTo(due.AddDays(1).AddHours(1));
        var first = Steps(await RunAsync(), id);
        var retry = Assert.Single(first);
        Assert.Equal("retry-1", retry.GetProperty("step").GetString());
        Assert.Equal("declined", retry.GetProperty("outcome").GetString());
        Assert.Empty(Steps(await RunAsync(), id));
        await app.DeliverOutboxAsync(_ct);
        var inbox = await app.WithScopeAsync(s => s.GetRequiredService<IBuyerNotifications>().ListAsync(app.UsBuyer.Organisation.Id, new PageRequest(1, 50), _ct));
        var reminder = Assert.Single(inbox.Items, n => n.Kind == NotificationKind.PaymentOverdue);
        Assert.Contains(invoice.GetProperty("number").GetString()!, reminder.Subject, StringComparison.Ordinal);
        Assert.Contains("0002", reminder.Body, StringComparison.Ordinal);

        // Day 14, run late: retry-3 is skipped, retry-7 charges once, and the agreement is suspended.
        app.MoveTo(due.AddDays(14).AddHours(1));
        var later = Steps(await RunAsync(), id);
        Assert.Equal(["retry-3", "retry-7", "suspend"], later.Select(s => s.GetProperty("step").GetString()!).ToArray());
        Assert.Equal(["skipped", "declined", "suspended"], later.Select(s => s.GetProperty("outcome").GetString()!).ToArray());
        Assert.Equal(agreementId, later[2].GetProperty("agreements")[0].GetString());
        Assert.Equal("suspended", await AgreementStatusAsync(agreementId));
        var attempts = await (await app.ClientFor(app.Operator).GetAsync($"/api/v1/payments?invoice={id}", _ct)).ReadJsonAsync();
        Assert.Equal(3, attempts.GetProperty("totalCount").GetInt32());

        // The buyer pays with a good card: the invoice is paid and the agreement reinstated.
        var paid = await (await app.PayAsync(app.UsBuyer, invoice, new JsonObject { ["card"] = CollectionsApiTests.Card("4242424242424242") }, "good-card")).ReadJsonAsync();
        Assert.Equal("succeeded", paid.GetProperty("status").GetString());
        await app.DeliverOutboxAsync(_ct);
        Assert.Equal("active", await AgreementStatusAsync(agreementId));
        var steps = await (await app.ClientFor(app.Operator).GetAsync($"/api/v1/dunning/steps?invoice={id}", _ct)).ReadJsonAsync();
        var reinstated = Assert.Single(steps.EnumerateArray(), s => s.GetProperty("step").GetString() == "reinstate");
        Assert.Equal("reinstated", reinstated.GetProperty("outcome").GetString());
        Assert.Equal(agreementId, reinstated.GetProperty("agreements")[0].GetString());

        // Paid: later runs leave it alone.
        app.MoveTo(due.AddDays(20));
        Assert.Empty(Steps(await RunAsync(), id));
        var balance = await app.TrialBalanceAsync();
        Assert.All(balance.GetProperty("currencies").EnumerateArray(), c => Assert.Equal(c.GetProperty("debits").GetString(), c.GetProperty("credits").GetString()));
    }

    [Fact]
    public async Task A_run_cannot_look_ahead_of_now()
    {
        var response = await app.ClientFor(app.Operator).PostAsync("/api/v1/dunning/run", Body(new JsonObject { ["asOf"] = app.Clock.GetUtcNow().AddDays(1).ToString("O") }), _ct);
        await response.AssertProblemAsync(HttpStatusCode.BadRequest);
    }

    private async Task<JsonElement> RunAsync()
    {
        var response = await app.ClientFor(app.Operator).PostAsync("/api/v1/dunning/run", Body(new JsonObject()), _ct);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync(_ct));
        return await response.ReadJsonAsync();
    }

    private static List<JsonElement> Steps(JsonElement run, string invoiceId) =>
        run.GetProperty("steps").EnumerateArray().Where(s => s.GetProperty("invoiceId").GetString() == invoiceId).ToList();

    private async Task<string> AgreementStatusAsync(string id) =>
        (await (await app.ClientFor(app.Operator).GetAsync($"/api/v1/agreements/{id}", _ct)).ReadJsonAsync()).GetProperty("status").GetString()!;
}
