using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using Microsoft.Extensions.DependencyInjection;
using Tradewind.Contracts.Accounts;
using Tradewind.Primitives.Ids;
using Tradewind.Web.Tests.Infrastructure;
using static Tradewind.Web.Tests.Infrastructure.CatalogRequests;

namespace Tradewind.Web.Tests.Payments;

/// <summary>A billing fixture of its own: seller B (GB) is paid in USD to a verified US account.</summary>
public sealed class CardToPayoutApp : BillingApp
{
    public SellerEntityId SellerBEntity { get; private set; }

    protected override async Task SeedAsync(IServiceProvider services)
    {
        await base.SeedAsync(services);
        SellerBEntity = await PayoutsApp.PayoutAccountAsync(
            services.GetRequiredService<IAccountsCommands>(), SellerB, "Beta Cloud Ltd", "GB", new("12 King Street", null, "Manchester", "M2 4LQ", null, "GB"), "GB 003232345",
            new NewBankAccount("US", "USD", "Beta Cloud Ltd", null, "30012345678", null, "021000021"));
    }
}

/// <summary>
/// The whole path per invoice currency: a USD listing billed in USD, EUR and INR by three operator entities, each
/// invoice paid by card, posted to the ledger (with the conversion into dollars where it was charged in another
/// currency), and the seller paid its dollars in pain.001 files — the ledger balanced and FX clearing closed throughout.
/// </summary>
public sealed class CardToPayoutScenarioTests(CardToPayoutApp app) : IClassFixture<CardToPayoutApp>
{
    private static readonly XNamespace Pain = "urn:iso:std:iso:20022:tech:xsd:pain.001.001.09";
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task Invoices_in_usd_eur_and_inr_paid_by_card_are_paid_out_to_the_seller_in_dollars_from_each_entity()
    {
        var invoices = new List<JsonElement>
        {
            await app.FinalizedInvoiceAsync(app.SellerB, app.UsBuyer, "Scenario Dollars", "0.50", 400),
            await app.FinalizedInvoiceAsync(app.SellerB, app.GermanBusiness, "Scenario Euros", "0.25", 600),
            await app.FinalizedInvoiceAsync(app.SellerB, app.IndianBuyer, "Scenario Rupees", "2.00", 30),
        };
        Assert.Equal(["USD", "EUR", "INR"], invoices.Select(i => i.GetProperty("currency").GetString()));

        foreach (var (invoice, buyer) in invoices.Zip([app.UsBuyer, app.GermanBusiness, app.IndianBuyer]))
        {
            var response = await app.PayAsync(buyer, invoice, new JsonObject { ["card"] = CollectionsApiTests.Card("4242424242424242") }, Guid.NewGuid().ToString());
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            Assert.Equal("succeeded", (await response.ReadJsonAsync()).GetProperty("status").GetString());
        }

        await app.DeliverOutboxAsync(_ct);
        var paidAt = app.Clock.GetUtcNow();

        // Each payment moved the receivable to cash; the euro and rupee nets were converted into dollars.
        var owed = new Dictionary<string, decimal>(StringComparer.Ordinal);
        foreach (var invoice in invoices)
        {
            var id = invoice.GetProperty("id").GetString()!;
            var currency = invoice.GetProperty("currency").GetString()!;
            Assert.Equal("paid", (await (await app.ClientFor(app.Operator).GetAsync($"/api/v1/invoices/{id}", _ct)).ReadJsonAsync()).GetProperty("status").GetString());
            var payment = await app.LedgerEntryAsync("payment:invoice:" + id);
            Assert.Equal(invoice.GetProperty("total").GetString(), CollectionsApiTests.Amount(payment.GetProperty("lines").EnumerateArray().ToList(), "cash-clearing", currency, "debit"));
            var posted = await app.LedgerEntryAsync("invoice:" + id);
            var entity = posted.GetProperty("entity").GetString()!;
            var payable = decimal.Parse(CollectionsApiTests.Amount(posted.GetProperty("lines").EnumerateArray().ToList(), "seller-payable", "USD", "credit"), CultureInfo.InvariantCulture);
            owed[entity] = owed.GetValueOrDefault(entity) + payable;
            var converted = await (await app.ClientFor(app.Operator).GetAsync($"/api/v1/ledger/entries?source=fx:invoice:{id}", _ct)).ReadJsonAsync();
            Assert.Equal(currency == "USD" ? 0 : 1, converted.GetProperty("totalCount").GetInt32());
        }

        // The EU entity invoices the German business (the British seller is EMEA-eligible); the US entity the dollars and rupees.
        Assert.Equal(["EU", "US"], owed.Keys.Order(StringComparer.Ordinal));
        await AssertBalancedWithFxClearingClosedAsync();

        // After the hold, one dollar payout per entity: exactly what each entity's ledger owes the seller.
        app.MoveTo(paidAt.AddDays(8));
        var run = await (await app.ClientFor(app.Operator).PostAsync("/api/v1/payouts/run", Body(new JsonObject { ["asOf"] = paidAt.AddDays(8).ToString("O") }), _ct)).ReadJsonAsync();
        var payouts = run.GetProperty("created").EnumerateArray().Where(p => p.GetProperty("sellerId").GetGuid() == app.SellerB.Organisation.Id.Value).ToList();
        Assert.Equal(owed.Keys.Order(StringComparer.Ordinal), payouts.Select(p => p.GetProperty("entity").GetString()!).Order(StringComparer.Ordinal));
        foreach (var payout in payouts)
        {
            Assert.Equal("USD", payout.GetProperty("currency").GetString());
            Assert.Equal(owed[payout.GetProperty("entity").GetString()!].ToString("0.00", CultureInfo.InvariantCulture), payout.GetProperty("amount").GetString());

            var xml = await (await app.ClientFor(app.Operator).GetAsync($"/api/v1/payouts/{payout.GetProperty("id").GetString()}/file", _ct)).Content.ReadAsStringAsync(_ct);
            Assert.Empty(PayoutsApiTests.SchemaErrors(xml));
            var transfer = XDocument.Parse(xml).Descendants(Pain + "CdtTrfTxInf").Single(t => t.Descendants(Pain + "EndToEndId").Single().Value == payout.GetProperty("endToEndId").GetString());
            Assert.Equal(payout.GetProperty("amount").GetString(), transfer.Descendants(Pain + "InstdAmt").Single().Value);
            Assert.Equal("USD", transfer.Descendants(Pain + "InstdAmt").Single().Attribute("Ccy")!.Value);
            Assert.Equal("30012345678", transfer.Descendants(Pain + "CdtrAcct").Single().Descendants(Pain + "Id").Last().Value);
        }

        // Nothing is owed to the seller any more, and every entity's dollars still cover what it paid out.
        var balance = await AssertBalancedWithFxClearingClosedAsync();
        var accounts = balance.GetProperty("accounts").EnumerateArray().ToList();
        Assert.DoesNotContain(accounts, a => a.GetProperty("account").GetString() == "seller-payable" && a.GetProperty("subject").GetString() == app.SellerB.Organisation.Id.ToString()
            && decimal.Parse(a.GetProperty("balance").GetString()!, CultureInfo.InvariantCulture) != 0);
        foreach (var entity in owed.Keys)
        {
            var cash = accounts.Single(a => a.GetProperty("account").GetString() == "cash-clearing" && a.GetProperty("entity").GetString() == entity && a.GetProperty("currency").GetString() == "USD");
            Assert.True(decimal.Parse(cash.GetProperty("balance").GetString()!, CultureInfo.InvariantCulture) > 0, cash.GetRawText());
        }
    }

    private async Task<JsonElement> AssertBalancedWithFxClearingClosedAsync()
    {
        var balance = await app.TrialBalanceAsync();
        Assert.All(balance.GetProperty("currencies").EnumerateArray(), c => Assert.Equal(c.GetProperty("debits").GetString(), c.GetProperty("credits").GetString()));
        Assert.DoesNotContain(balance.GetProperty("accounts").EnumerateArray(), a => a.GetProperty("account").GetString() == "fx-clearing"
            && decimal.Parse(a.GetProperty("balance").GetString()!, CultureInfo.InvariantCulture) != 0);
        return balance;
    }
}
