using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Tradewind.Web.Tests.Infrastructure;
using static Tradewind.Web.Tests.Infrastructure.CatalogRequests;

namespace Tradewind.Web.Tests.Payments;

/// <summary>A billing fixture of its own: the rates these tests set and the FX positions they settle are theirs alone.</summary>
public sealed class FxSettlementApp : BillingApp;

/// <summary>
/// A USD listing invoiced in EUR leaves its net in FX clearing; the buyer's payment converts it at the payment day's
/// rate, so FX clearing closes and the difference to the seller's USD proceeds is a realised gain or loss.
/// </summary>
public sealed class FxSettlementApiTests(FxSettlementApp app) : IClassFixture<FxSettlementApp>
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_payment_at_a_stronger_euro_closes_fx_clearing_with_a_gain_and_a_later_credit_note_converts_back_on_its_own_day()
    {
        var invoice = await InvoiceInEurAsync(app.EuroBuyer, "FX Gain Logs", 1000);
        var id = invoice.GetProperty("id").GetString()!;
        var net = Decimal(invoice.GetProperty("subtotal"));

        // Nine days later the euro buys 1.12 dollars instead of 1.10; the buyer pays.
        app.MoveTo(app.Clock.GetUtcNow().AddDays(9));
        await SetEuroRateAsync("1.12");
        await MarkPaidAsync(id);
        await app.DeliverOutboxAsync(_ct);

        var proceeds = decimal.Parse(Line(await app.LedgerEntryAsync("invoice:" + id), "fx-clearing", "USD", "debit"), CultureInfo.InvariantCulture);
        var fx = await app.LedgerEntryAsync("fx:invoice:" + id);
        var bought = Math.Round(net * 1.12m, 2, MidpointRounding.AwayFromZero);
        Assert.Equal("fx", fx.GetProperty("kind").GetString());
        Assert.Equal(Money(net), Line(fx, "fx-clearing", "EUR", "debit"));
        Assert.Equal(Money(net), Line(fx, "cash-clearing", "EUR", "credit"));
        Assert.Equal(Money(bought), Line(fx, "cash-clearing", "USD", "debit"));
        Assert.Equal(Money(proceeds), Line(fx, "fx-clearing", "USD", "credit"));
        Assert.True(bought > proceeds);
        Assert.Equal(Money(bought - proceeds), Line(fx, "fx-gain-loss", "USD", "credit"));
        Assert.Equal(DateTimeOffset.Parse((await app.LedgerEntryAsync("payment:invoice:" + id)).GetProperty("effectiveAt").GetString()!, CultureInfo.InvariantCulture),
            DateTimeOffset.Parse(fx.GetProperty("effectiveAt").GetString()!, CultureInfo.InvariantCulture));
        await AssertFxClearingClosedAsync();

        // A credit note after the payment buys its euros back on its own day, at 1.15.
        app.MoveTo(app.Clock.GetUtcNow().AddDays(3));
        await SetEuroRateAsync("1.15");
        var note = await CreditAsync(id, new JsonArray(new JsonObject { ["lineNumber"] = 1, ["amount"] = "10.00" }));
        await app.DeliverOutboxAsync(_ct);

        var back = await app.LedgerEntryAsync("fx:credit-note:" + note.GetProperty("id").GetString());
        Assert.Equal("10.00", Line(back, "fx-clearing", "EUR", "credit"));
        Assert.Equal("10.00", Line(back, "cash-clearing", "EUR", "debit"));
        Assert.Equal("11.50", Line(back, "cash-clearing", "USD", "credit"));
        await AssertFxClearingClosedAsync();
    }

    [Fact]
    public async Task A_credit_note_before_the_payment_converts_with_the_invoice_on_the_payment_day_and_a_full_credit_cancels_out()
    {
        var invoice = await InvoiceInEurAsync(app.EuroBuyer, "FX Early Credit", 400);
        var id = invoice.GetProperty("id").GetString()!;
        var note = await CreditAsync(id, new JsonArray(new JsonObject { ["lineNumber"] = 1, ["amount"] = "5.00" }));
        await app.DeliverOutboxAsync(_ct);
        // Not paid yet: nothing is converted.
        Assert.Equal(0, await CountAsync("fx:invoice:" + id));
        Assert.Equal(0, await CountAsync("fx:credit-note:" + note.GetProperty("id").GetString()));

        app.MoveTo(app.Clock.GetUtcNow().AddDays(5));
        await SetEuroRateAsync("1.08");
        await MarkPaidAsync(id);
        await app.DeliverOutboxAsync(_ct);

        var paidAt = (await app.LedgerEntryAsync("payment:invoice:" + id)).GetProperty("effectiveAt").GetString();
        var early = await app.LedgerEntryAsync("fx:credit-note:" + note.GetProperty("id").GetString());
        Assert.Equal(paidAt, early.GetProperty("effectiveAt").GetString());
        Assert.Equal("5.40", Line(early, "cash-clearing", "USD", "credit"));
        Assert.Equal(paidAt, (await app.LedgerEntryAsync("fx:invoice:" + id)).GetProperty("effectiveAt").GetString());
        await AssertFxClearingClosedAsync();

        // A second invoice credited in full is voided: the invoice and its note convert on the same day and cancel out.
        var voided = await InvoiceInEurAsync(app.GermanBusiness, "FX Full Credit", 300);
        var voidedId = voided.GetProperty("id").GetString()!;
        var full = await CreditAsync(voidedId, null);
        await app.DeliverOutboxAsync(_ct);

        var there = await app.LedgerEntryAsync("fx:invoice:" + voidedId);
        var back = await app.LedgerEntryAsync("fx:credit-note:" + full.GetProperty("id").GetString());
        Assert.Equal(Line(there, "cash-clearing", "USD", "debit"), Line(back, "cash-clearing", "USD", "credit"));
        Assert.Equal(Line(there, "cash-clearing", "EUR", "credit"), Line(back, "cash-clearing", "EUR", "debit"));
        await AssertFxClearingClosedAsync();
    }

    [Fact]
    public async Task Redelivered_events_convert_once()
    {
        var invoice = await InvoiceInEurAsync(app.EuroBuyer, "FX Once", 250);
        var id = invoice.GetProperty("id").GetString()!;
        await MarkPaidAsync(id);
        await app.DeliverOutboxAsync(_ct);

        await app.WithScopeAsync(async services =>
        {
            var paid = new Contracts.Billing.InvoicePaid(
                Primitives.Ids.InvoiceId.Parse(id), invoice.GetProperty("number").GetString()!, app.EuroBuyer.Organisation.Id,
                Primitives.Money.Money.Parse(invoice.GetProperty("total").GetString()!, Primitives.Money.Currency.EUR), app.Clock.GetUtcNow());
            foreach (var consumer in services.GetServices<Contracts.Events.IIntegrationEventConsumer<Contracts.Billing.InvoicePaid>>())
            {
                await consumer.ConsumeAsync(paid, _ct);
            }

            return true;
        });

        Assert.Equal(1, await CountAsync("fx:invoice:" + id));
        await AssertFxClearingClosedAsync();
    }

    private async Task<JsonElement> InvoiceInEurAsync(Tenant buyer, string product, int requests)
    {
        var agreement = await app.SubscribeAsync(app.SellerA, buyer, product, UsagePlan("Usage", PerUnit("0.10")));
        var now = app.Clock.GetUtcNow();
        var month = new DateTimeOffset(now.Year, now.Month, 1, 0, 0, 0, TimeSpan.Zero);
        app.MoveTo(now.AddHours(1));
        await app.MeterAsync(app.SellerA, agreement, ("requests", requests, now.AddMinutes(30)));
        app.MoveTo(month.AddMonths(1).AddMinutes(10));
        await app.BillAsync(month.AddMonths(1));
        await app.DeliverOutboxAsync(_ct);
        var invoice = (await app.InvoicesOfAsync(buyer, "invoice")).Single(i => i.GetProperty("status").GetString() == "finalized");
        Assert.Equal("EUR", invoice.GetProperty("currency").GetString());
        var full = await (await app.ClientFor(app.Operator).GetAsync($"/api/v1/invoices/{invoice.GetProperty("id").GetString()}", _ct)).ReadJsonAsync();
        return full;
    }

    private async Task SetEuroRateAsync(string rate)
    {
        var body = new JsonObject { ["base"] = "EUR", ["quote"] = "USD", ["date"] = DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), ["rate"] = rate };
        var response = await app.ClientFor(app.Operator).PostAsync("/api/v1/fx/overrides", Body(body), _ct);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync(_ct));
    }

    private async Task MarkPaidAsync(string id)
    {
        var response = await app.ClientFor(app.Operator).PostAsync($"/api/v1/invoices/{id}/mark-paid", Body(new JsonObject { ["paidAt"] = app.Clock.GetUtcNow().ToString("O") }), _ct);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync(_ct));
    }

    private async Task<JsonElement> CreditAsync(string id, JsonArray? lines)
    {
        var body = new JsonObject { ["reason"] = "Service credit" };
        if (lines is not null)
        {
            body["lines"] = lines;
        }

        var response = await app.ClientFor(app.Operator).PostAsync($"/api/v1/invoices/{id}/credit-notes", Body(body), _ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await response.ReadJsonAsync();
    }

    private async Task AssertFxClearingClosedAsync()
    {
        var balance = await app.TrialBalanceAsync();
        Assert.All(balance.GetProperty("currencies").EnumerateArray(), c => Assert.Equal(c.GetProperty("debits").GetString(), c.GetProperty("credits").GetString()));
        var open = balance.GetProperty("accounts").EnumerateArray()
            .Where(a => a.GetProperty("account").GetString() == "fx-clearing" && Decimal(a.GetProperty("balance")) != 0)
            .Select(a => a.GetProperty("currency").GetString() + " " + a.GetProperty("balance").GetString())
            .ToList();
        Assert.Empty(open);
    }

    private async Task<int> CountAsync(string source) =>
        (await (await app.ClientFor(app.Operator).GetAsync($"/api/v1/ledger/entries?source={source}", _ct)).ReadJsonAsync()).GetProperty("totalCount").GetInt32();

    private static string Line(JsonElement entry, string account, string currency, string side) =>
        CollectionsApiTests.Amount(entry.GetProperty("lines").EnumerateArray().ToList(), account, currency, side);

    private static decimal Decimal(JsonElement value) => decimal.Parse(value.GetString()!, CultureInfo.InvariantCulture);

    private static string Money(decimal value) => value.ToString("0.00", CultureInfo.InvariantCulture);
}
