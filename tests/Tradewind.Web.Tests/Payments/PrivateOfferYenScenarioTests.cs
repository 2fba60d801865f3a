using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using Microsoft.Extensions.DependencyInjection;
using Tradewind.Contracts.Accounts;
using Tradewind.Contracts.Metering;
using Tradewind.Contracts.Webhooks;
using Tradewind.Primitives.Ids;
using Tradewind.Web.Tests.Infrastructure;
using static Tradewind.Web.Tests.Infrastructure.CatalogRequests;

namespace Tradewind.Web.Tests.Payments;

/// <summary>The billing fixture with seller B's entity paid in yen to a verified Japanese bank account.</summary>
public sealed class PrivateOfferYenApp : BillingApp
{
    public SellerEntityId SellerBEntity { get; private set; }

    protected override async Task SeedAsync(IServiceProvider services)
    {
        await base.SeedAsync(services);
        SellerBEntity = await PayoutsApp.PayoutAccountAsync(
            services.GetRequiredService<IAccountsCommands>(), SellerB, "Beta Cloud Ltd", "GB", new("12 King Street", null, "Manchester", "M2 4LQ", null, "GB"), "GB 003232345",
            new NewBankAccount("JP", "JPY", "Beta Cloud Ltd", null, "7654321", null, "0005-100"));
    }
}

/// <summary>
/// A Japanese buyer's pay-as-you-go subscription becomes a 12-month yen contract through the real offer flow over HTTP:
/// the seller writes and publishes a private offer from the agreement, the buyer opens and accepts it (the old agreement
/// is replaced), the next run invoices installment 1 in yen from the JP entity with consumption tax and the old
/// agreement's usage up to the replacement, the buyer pays by card, and the seller is paid its yen less the private-offer
/// listing fee in a pain.001 file that validates.
/// </summary>
public sealed class PrivateOfferYenScenarioTests(PrivateOfferYenApp app) : IClassFixture<PrivateOfferYenApp>
{
    private static readonly XNamespace Pain = "urn:iso:std:iso:20022:tech:xsd:pain.001.001.09";
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_japanese_buyers_payg_subscription_becomes_a_yen_contract_invoiced_paid_by_card_and_paid_out_to_the_seller_in_yen()
    {
        var month = new DateTimeOffset(app.Clock.GetUtcNow().Year, app.Clock.GetUtcNow().Month, 1, 0, 0, 0, TimeSpan.Zero);
        var payg = await app.SubscribeAsync(app.SellerB, app.Buyer, "Scenario Yen Offer", UsagePlan("Pay as you go", PerUnit("0.01")));
        var paygId = payg.GetProperty("id").GetString()!;
        var productId = payg.GetProperty("productId").GetString()!;
        await app.MeterAsync(app.SellerB, payg, ("requests", 50_000, month.AddDays(3)), ("requests", 30_000, month.AddDays(8)));

        // Nine days into the month the seller's sales team turns the subscription into a yen contract.
        app.MoveTo(month.AddDays(9).AddHours(10));
        var today = DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime);
        var seller = app.ClientFor(app.SellerB);
        var buyer = app.ClientFor(app.Buyer);
        var created = await seller.PostAsync("/api/v1/private-offers", Body(new JsonObject
        {
            ["productId"] = productId,
            ["fromAgreementId"] = paygId,
            ["replaceAgreement"] = true,
            ["currency"] = "JPY",
            ["sellerEntityId"] = app.SellerBEntity.ToString(),
            ["termMonths"] = 12,
            ["contractPrice"] = "1200000",
            ["entitlements"] = new JsonArray(new JsonObject { ["dimension"] = "requests", ["unlimited"] = true }),
            ["installments"] = new JsonArray([.. Enumerable.Range(0, 4).Select(k => new JsonObject { ["dueOn"] = Date(today.AddMonths(3 * k)), ["amount"] = "300000" })]),
            ["licence"] = "standard",
            ["expiresOn"] = Date(today.AddDays(7)),
            ["noteToBuyer"] = "年間契約のご提案です。",
        }), _ct);
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync(_ct));
        var draft = await created.ReadJsonAsync();
        var offerId = draft.GetProperty("id").GetString()!;
        Assert.Equal(app.Buyer.Organisation.Id.Value.ToString(), draft.GetProperty("buyerId").GetString());
        Assert.Equal(("1200000", "JPY"), (draft.GetProperty("contractValue").GetProperty("amount").GetString(), draft.GetProperty("contractValue").GetProperty("currency").GetString()));
        var published = await seller.PostAsync($"/api/v1/private-offers/{offerId}/publish", null, _ct);
        Assert.True(published.StatusCode == HttpStatusCode.OK, await published.Content.ReadAsStringAsync(_ct));

        Assert.Equal("viewed", (await (await buyer.PostAsync($"/api/v1/private-offers/{offerId}/open", null, _ct)).ReadJsonAsync()).GetProperty("status").GetString());
        var accepted = await buyer.PostAsync($"/api/v1/private-offers/{offerId}/accept", Body(new JsonObject { ["language"] = "ja" }), _ct);
        Assert.True(accepted.StatusCode == HttpStatusCode.OK, await accepted.Content.ReadAsStringAsync(_ct));
        var agreement = await accepted.ReadJsonAsync();
        var agreementId = agreement.GetProperty("id").GetString()!;
        var acceptedAt = app.Clock.GetUtcNow();

        Assert.Equal(("active", "JPY", offerId), (agreement.GetProperty("status").GetString(), agreement.GetProperty("currency").GetString(), agreement.GetProperty("privateOfferId").GetString()));
        Assert.Equal(payg.GetProperty("customerIdentifier").GetString(), agreement.GetProperty("customerIdentifier").GetString());
        var old = await (await buyer.GetAsync($"/api/v1/agreements/{paygId}", _ct)).ReadJsonAsync();
        Assert.Equal("replaced", old.GetProperty("status").GetString());
        Assert.Equal(acceptedAt, old.GetProperty("endedAt").GetDateTimeOffset());
        Assert.Contains(WebhookMessageTypes.EntitlementUpdated, app.Webhooks.TypesFor(agreementId));
        Assert.DoesNotContain(WebhookMessageTypes.SubscribeSuccess, app.Webhooks.TypesFor(agreementId));
        await app.DeliverOutboxAsync(_ct);

        // The old agreement takes no usage after the replacement.
        var late = await app.WithScopeAsync(sp => sp.GetRequiredService<IUsageIngest>().SubmitAsync(
            new UsageSubmission(app.SellerB.Organisation.Id, UsageSource.Import, [new UsageRecordInput(null, AgreementId.Parse(paygId), "requests", 70_000, acceptedAt.AddDays(2))], "test"),
            UsageSubmitOptions.Default,
            _ct));
        Assert.Equal((1, "unknown_customer"), (late.Rejected, Assert.Single(late.Outcomes).Code));

        app.MoveTo(month.AddMonths(1).AddMinutes(15));
        var run = await app.BillAsync(month.AddMonths(1));
        Assert.True(run.GetProperty("errors").GetArrayLength() == 0, run.ToString());

        var invoices = await app.InvoicesOfAsync(app.Buyer, "invoice");
        var invoice = Assert.Single(invoices, i => Lines(i).Any(l => l.GetProperty("agreementId").GetString() == agreementId));
        Assert.Equal(("JPY", "JP", "finalized"), (invoice.GetProperty("currency").GetString(), invoice.GetProperty("issuer").GetProperty("entityCode").GetString(), invoice.GetProperty("status").GetString()));
        var line = Assert.Single(Lines(invoice));
        Assert.Equal(("Contract installment 1 of 4", "300000", "30000"), (line.GetProperty("description").GetString(), line.GetProperty("amount").GetString(), line.GetProperty("totalTax").GetString()));
        Assert.Equal("330000", invoice.GetProperty("total").GetString());

        // The replaced agreement's usage up to the replacement stays in its own currency (USD), on its own invoice from the
        // JP entity with consumption tax; the offer adds nothing else this period (installment 2 is due in three months).
        var usage = Assert.Single(invoices, i => Lines(i).Any(l => l.GetProperty("agreementId").GetString() == paygId));
        Assert.Equal(("USD", "JP"), (usage.GetProperty("currency").GetString(), usage.GetProperty("issuer").GetProperty("entityCode").GetString()));
        var usageLine = Assert.Single(Lines(usage));
        Assert.Equal(("usage", 80_000m, "800.00", "80.00"), (usageLine.GetProperty("kind").GetString(), usageLine.GetProperty("quantity").GetDecimal(), usageLine.GetProperty("amount").GetString(), usageLine.GetProperty("totalTax").GetString()));
        Assert.Equal(2, invoices.Count);

        var paid = await app.PayAsync(app.Buyer, invoice, new JsonObject { ["card"] = CollectionsApiTests.Card("4242424242424242") }, Guid.NewGuid().ToString());
        Assert.Equal(HttpStatusCode.Created, paid.StatusCode);
        Assert.Equal("succeeded", (await paid.ReadJsonAsync()).GetProperty("status").GetString());
        await app.DeliverOutboxAsync(_ct);
        var paidAt = app.Clock.GetUtcNow();

        var invoiceId = invoice.GetProperty("id").GetString()!;
        var payment = await app.LedgerEntryAsync("payment:invoice:" + invoiceId);
        Assert.Equal("330000", CollectionsApiTests.Amount([.. payment.GetProperty("lines").EnumerateArray()], "cash-clearing", "JPY", "debit"));
        var posted = await app.LedgerEntryAsync("invoice:" + invoiceId);
        Assert.Equal("JP", posted.GetProperty("entity").GetString());
        // A private offer of 1,200,000 JPY (about 6,600 USD) is in the 3 % tier: 300,000 less 9,000.
        Assert.Equal("291000", CollectionsApiTests.Amount([.. posted.GetProperty("lines").EnumerateArray()], "seller-payable", "JPY", "credit"));
        var converted = await (await app.ClientFor(app.Operator).GetAsync($"/api/v1/ledger/entries?source=fx:invoice:{invoiceId}", _ct)).ReadJsonAsync();
        Assert.Equal(0, converted.GetProperty("totalCount").GetInt32());
        var balance = await app.TrialBalanceAsync();
        var currencies = balance.GetProperty("currencies").EnumerateArray().ToList();
        Assert.Contains(currencies, c => c.GetProperty("currency").GetString() == "JPY");
        Assert.All(currencies, c => Assert.Equal(c.GetProperty("debits").GetString(), c.GetProperty("credits").GetString()));

        app.MoveTo(paidAt.AddDays(8));
        var payouts = await (await app.ClientFor(app.Operator).PostAsync("/api/v1/payouts/run", Body(new JsonObject { ["asOf"] = paidAt.AddDays(8).ToString("O") }), _ct)).ReadJsonAsync();
        var payout = Assert.Single(payouts.GetProperty("created").EnumerateArray(), p => p.GetProperty("sellerId").GetGuid() == app.SellerB.Organisation.Id.Value);
        Assert.Equal(("JP", "JPY", "291000"), (payout.GetProperty("entity").GetString(), payout.GetProperty("currency").GetString(), payout.GetProperty("amount").GetString()));

        var xml = await (await app.ClientFor(app.Operator).GetAsync($"/api/v1/payouts/{payout.GetProperty("id").GetString()}/file", _ct)).Content.ReadAsStringAsync(_ct);
        Assert.Empty(PayoutsApiTests.SchemaErrors(xml));
        var transfer = XDocument.Parse(xml).Descendants(Pain + "CdtTrfTxInf").Single(t => t.Descendants(Pain + "EndToEndId").Single().Value == payout.GetProperty("endToEndId").GetString());
        Assert.Equal("291000", transfer.Descendants(Pain + "InstdAmt").Single().Value);
        Assert.Equal("JPY", transfer.Descendants(Pain + "InstdAmt").Single().Attribute("Ccy")!.Value);
        Assert.Equal("7654321", transfer.Descendants(Pain + "CdtrAcct").Single().Descendants(Pain + "Id").Last().Value);

        // Nothing is owed to the seller in yen any more.
        Assert.DoesNotContain((await app.TrialBalanceAsync()).GetProperty("accounts").EnumerateArray(), a => a.GetProperty("account").GetString() == "seller-payable"
            && a.GetProperty("currency").GetString() == "JPY" && a.GetProperty("subject").GetString() == app.SellerB.Organisation.Id.ToString()
            && decimal.Parse(a.GetProperty("balance").GetString()!, CultureInfo.InvariantCulture) != 0);
    }

    private static List<JsonElement> Lines(JsonElement invoice) => [.. invoice.GetProperty("lines").EnumerateArray()];

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
