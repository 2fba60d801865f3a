using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tradewind.Contracts.Billing;
using Tradewind.Contracts.Events;
using Tradewind.Contracts.Payments;
using Tradewind.Payments.Ledger;
using Tradewind.Persistence;
using Tradewind.Persistence.Outbox;
using Tradewind.Primitives.Ids;
using Tradewind.Primitives.Money;
using Tradewind.Web.Tests.Infrastructure;
using static Tradewind.Web.Tests.Infrastructure.CatalogRequests;

namespace Tradewind.Web.Tests.Payments;

/// <summary>A billing fixture of its own, so the ledger's totals are only what these tests post.</summary>
public sealed class LedgerApp : BillingApp;

/// <summary>Finalized documents post balanced entries; the trial balance and entries are the operator's.</summary>
public sealed class LedgerApiTests(LedgerApp app) : IClassFixture<LedgerApp>
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    private DateTimeOffset MonthStart => new(app.Clock.GetUtcNow().Year, app.Clock.GetUtcNow().Month, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_usd_listing_invoiced_in_eur_posts_the_receivable_in_eur_and_the_sellers_proceeds_less_the_fee_in_usd()
    {
        var agreement = await app.SubscribeAsync(app.SellerA, app.EuroBuyer, "Ledger Logs", UsagePlan("Usage", PerUnit("0.10")));
        var month = MonthStart;
        await app.MeterAsync(app.SellerA, agreement, ("requests", 1000, month.AddDays(5)));
        app.MoveTo(month.AddMonths(1).AddMinutes(10));
        await app.BillAsync(month.AddMonths(1));
        await DeliverOutboxAsync();

        var invoice = Assert.Single(await app.InvoicesOfAsync(app.EuroBuyer));
        var entry = await EntryForAsync("invoice:" + invoice.GetProperty("id").GetString());
        var lines = entry.GetProperty("lines").EnumerateArray().ToList();

        Assert.Equal("EUR", invoice.GetProperty("currency").GetString());
        // The buyer owes the invoice's total in EUR …
        Assert.Equal(invoice.GetProperty("total").GetString(), Amount(lines, "buyer-receivable", "EUR", "debit"));
        Assert.Equal(invoice.GetProperty("subtotal").GetString(), Amount(lines, "fx-clearing", "EUR", "credit"));
        // … and seller A is owed 1,000 × 0.10 = 100.00 USD less the 3 % fee, 3.00 USD.
        Assert.Equal("100.00", Amount(lines, "fx-clearing", "USD", "debit"));
        Assert.Equal("97.00", Amount(lines, "seller-payable", "USD", "credit"));
        Assert.Equal("3.00", Amount(lines, "fee-revenue", "USD", "credit"));
        Assert.Equal(app.SellerA.Organisation.Id.ToString(), lines.Single(l => l.GetProperty("account").GetString() == "seller-payable").GetProperty("subject").GetString());

        var balance = await TrialBalanceAsync("");
        Assert.All(balance.GetProperty("currencies").EnumerateArray(), c => Assert.Equal(c.GetProperty("debits").GetString(), c.GetProperty("credits").GetString()));
        var receivable = balance.GetProperty("accounts").EnumerateArray()
            .Single(a => a.GetProperty("account").GetString() == "buyer-receivable" && a.GetProperty("subject").GetString() == app.EuroBuyer.Organisation.Id.ToString());
        Assert.Equal(invoice.GetProperty("total").GetString(), receivable.GetProperty("balance").GetString());
        Assert.Equal("1100:" + app.EuroBuyer.Organisation.Id, receivable.GetProperty("code").GetString());
    }

    [Fact]
    public async Task A_credit_note_on_a_paid_invoice_is_owed_back_and_a_redelivered_event_posts_nothing_new()
    {
        var agreement = await app.SubscribeAsync(app.SellerB, app.UsBuyer, "Ledger Shield", UsagePlan("Usage", PerUnit("0.50")));
        var month = MonthStart;
        await app.MeterAsync(app.SellerB, agreement, ("requests", 200, month.AddDays(2)));
        app.MoveTo(month.AddMonths(1).AddMinutes(10));
        await app.BillAsync(month.AddMonths(1));
        var invoice = Assert.Single(await app.InvoicesOfAsync(app.UsBuyer));
        var id = invoice.GetProperty("id").GetString()!;
        var client = app.ClientFor(app.Operator);
        (await client.PostAsync($"/api/v1/invoices/{id}/mark-paid", Body(new JsonObject { ["paidAt"] = app.Clock.GetUtcNow().ToString("O") }), _ct)).EnsureSuccessStatusCode();
        var credit = await client.PostAsync(
            $"/api/v1/invoices/{id}/credit-notes",
            Body(new JsonObject { ["reason"] = "Service credit", ["lines"] = new JsonArray(new JsonObject { ["lineNumber"] = 1, ["amount"] = "10.00" }) }),
            _ct);
        Assert.Equal(HttpStatusCode.Created, credit.StatusCode);
        var note = await credit.ReadJsonAsync();
        await DeliverOutboxAsync();

        var entry = await EntryForAsync("credit-note:" + note.GetProperty("id").GetString());
        var lines = entry.GetProperty("lines").EnumerateArray().ToList();
        var credited = decimal.Parse(note.GetProperty("total").GetString()!, System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal("credit-note", entry.GetProperty("kind").GetString());
        var payment = (await EntryForAsync("payment:invoice:" + id)).GetProperty("lines").EnumerateArray().ToList();
        Assert.Equal(invoice.GetProperty("total").GetString(), Amount(payment, "cash-clearing", "USD", "debit"));
        Assert.Equal(invoice.GetProperty("total").GetString(), Amount(payment, "buyer-receivable", "USD", "credit"));
        // Paid already, so the credit (net + tax) is owed back to the buyer; 3 % of the 10.00 fee comes back off the fee.
        Assert.Equal((-credited).ToString("0.00", System.Globalization.CultureInfo.InvariantCulture), Amount(lines, "refunds", "USD", "credit"));
        Assert.Equal("9.70", Amount(lines, "seller-payable", "USD", "debit"));
        Assert.Equal("0.30", Amount(lines, "fee-revenue", "USD", "debit"));

        // The outbox delivers at least once: the same event again posts nothing.
        await app.WithScopeAsync(async services =>
        {
            foreach (var consumer in services.GetServices<IIntegrationEventConsumer<InvoiceFinalized>>())
            {
                await consumer.ConsumeAsync(
                    new InvoiceFinalized(InvoiceId.Parse(id), InvoiceKind.Invoice, invoice.GetProperty("number").GetString()!, app.UsBuyer.Organisation.Id, "TWU",
                        Money.Zero(Currency.USD), Money.Zero(Currency.USD), Money.Zero(Currency.USD), null, app.Clock.GetUtcNow()),
                    _ct);
            }

            return true;
        });
        var listed = await (await client.GetAsync($"/api/v1/ledger/entries?source=invoice:{id}", _ct)).ReadJsonAsync();
        Assert.Equal(1, listed.GetProperty("totalCount").GetInt32());
    }

    [Fact]
    public async Task Only_the_operator_reads_the_ledger_and_bad_filters_are_problems()
    {
        Assert.Equal(HttpStatusCode.Forbidden, (await app.ClientFor(app.SellerA).GetAsync("/api/v1/ledger/trial-balance", _ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await app.ClientFor(app.UsBuyer).GetAsync("/api/v1/ledger/entries", _ct)).StatusCode);
        var client = app.ClientFor(app.Operator);
        var problem = await (await client.GetAsync("/api/v1/ledger/trial-balance?currency=XYZ", _ct)).AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("currency", problem.GetRawText(), StringComparison.Ordinal);
        await (await client.GetAsync($"/api/v1/ledger/entries/{Guid.NewGuid()}", _ct)).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await client.GetAsync("/api/v1/ledger/entries?pageSize=500", _ct)).AssertProblemAsync(HttpStatusCode.BadRequest);

        var before = await TrialBalanceAsync("?asOf=2000-01-01T00:00:00Z");
        Assert.Empty(before.GetProperty("accounts").EnumerateArray());
    }

    [Fact]
    public async Task Posted_entries_are_never_updated_or_deleted()
    {
        var posted = await app.WithScopeAsync(services => services.GetRequiredService<ILedgerPosting>().PostAsync(
            new NewLedgerEntry("adjustment:append-only", "adjustment", "TWU", app.Clock.GetUtcNow(), "Opening cash", [
                new NewLedgerLine(LedgerAccountType.CashClearing, null, LedgerSide.Debit, Money.Parse("5.00", Currency.USD)),
                new NewLedgerLine(LedgerAccountType.FxGainLoss, null, LedgerSide.Credit, Money.Parse("5.00", Currency.USD)),
            ]),
            "test",
            _ct));

        var refused = await app.WithScopeAsync(async services =>
        {
            var db = services.GetRequiredService<TradewindDbContext>();
            var line = await db.Set<LedgerLine>().FirstAsync(l => l.EntryId == posted.Id, _ct);
            db.Remove(line);
            return await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync(_ct));
        });

        Assert.Contains("append-only", refused.Message, StringComparison.Ordinal);
        var again = await app.WithScopeAsync(services => services.GetRequiredService<ILedgerQueries>().FindEntryAsync(posted.Id, _ct));
        Assert.Equal(2, again!.Lines.Count);
    }

    [Fact]
    public async Task The_operator_page_shows_the_totals_per_currency_and_the_accounts_by_name()
    {
        var agreement = await app.SubscribeAsync(app.SellerB, app.IndianBuyer, "Ledger Page Pro", UsagePlan("Usage", PerUnit("1.00")));
        var month = MonthStart;
        await app.MeterAsync(app.SellerB, agreement, ("requests", 30, month.AddDays(3)));
        app.MoveTo(month.AddMonths(1).AddMinutes(10));
        await app.BillAsync(month.AddMonths(1));
        await DeliverOutboxAsync();

        var response = await app.ClientFor(app.Operator).GetAsync("/operator/ledger?AsOf=" + app.Clock.GetUtcNow().ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), _ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync(_ct));

        var currencies = page.QuerySelectorAll("table.ledger-currencies tbody tr").ToDictionary(r => r.QuerySelector("th")!.TextContent.Trim(), r => r.QuerySelectorAll("td").Select(c => c.TextContent.Trim()).ToList());
        Assert.Contains("INR", currencies.Keys);
        Assert.All(currencies.Values, cells => Assert.Equal(cells[0], cells[1]));
        var receivable = page.QuerySelectorAll("table.ledger-accounts tbody tr").Single(r => r.TextContent.Contains("Eta Software Pvt Ltd", StringComparison.Ordinal) && r.TextContent.Contains("1100", StringComparison.Ordinal));
        var invoice = Assert.Single(await app.InvoicesOfAsync(app.IndianBuyer));
        Assert.Contains("Buyer receivable", receivable.TextContent, StringComparison.Ordinal);
        Assert.Contains(invoice.GetProperty("total").GetString()!.Split('.')[0], receivable.TextContent.Replace(",", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    private static string Amount(List<JsonElement> lines, string account, string currency, string side) =>
        lines.Single(l => l.GetProperty("account").GetString() == account && l.GetProperty("currency").GetString() == currency).GetProperty(side).GetString()!;

    private async Task<JsonElement> EntryForAsync(string source)
    {
        var listed = await (await app.ClientFor(app.Operator).GetAsync($"/api/v1/ledger/entries?source={source}", _ct)).ReadJsonAsync();
        var summary = Assert.Single(listed.GetProperty("items").EnumerateArray().ToList());
        var entry = await (await app.ClientFor(app.Operator).GetAsync($"/api/v1/ledger/entries/{summary.GetProperty("id").GetString()}", _ct)).ReadJsonAsync();
        Assert.Equal(source, entry.GetProperty("sourceKey").GetString());
        return entry;
    }

    private async Task<JsonElement> TrialBalanceAsync(string query)
    {
        var response = await app.ClientFor(app.Operator).GetAsync("/api/v1/ledger/trial-balance" + query, _ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.ReadJsonAsync();
    }

    private async Task DeliverOutboxAsync()
    {
        var processor = app.Services.GetRequiredService<OutboxProcessor>();
        while (await processor.DispatchPendingAsync(_ct) > 0)
        {
        }
    }
}
