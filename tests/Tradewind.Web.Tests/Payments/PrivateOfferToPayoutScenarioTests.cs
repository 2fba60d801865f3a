using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using Microsoft.Extensions.DependencyInjection;
using Tradewind.Contracts.Accounts;
using Tradewind.Contracts.Catalog;
using Tradewind.Primitives.Ids;
using Tradewind.Web.Tests.Infrastructure;
using static Tradewind.Web.Tests.Infrastructure.CatalogRequests;

namespace Tradewind.Web.Tests.Payments;

/// <summary>The private-offer billing fixture with seller B (GB) paid in yen to a verified Japanese account.</summary>
public sealed class OfferToPayoutApp : OfferBillingApp
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
/// Money follows a yen private offer all the way: a Japanese buyer's agreement restated as a 12-month JPY offer in four
/// payments is invoiced installment 1 in yen by the JP entity with consumption tax, paid by card, posted to the ledger
/// with no conversion, and the seller is paid its yen in a pain.001 file that validates.
/// </summary>
public sealed class PrivateOfferToPayoutScenarioTests(OfferToPayoutApp app) : IClassFixture<OfferToPayoutApp>
{
    private static readonly XNamespace Pain = "urn:iso:std:iso:20022:tech:xsd:pain.001.001.09";
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_yen_offer_is_invoiced_paid_by_card_and_paid_out_to_the_seller_in_yen()
    {
        var agreement = await app.SubscribeAsync(app.SellerB, app.Buyer, "Scenario Yen Offer", ContractPlan("Self-service", 12, "1200.00", 12, overage: false));
        var id = AgreementId.Parse(agreement.GetProperty("id").GetString()!);
        var day = DateOnly.FromDateTime(agreement.GetProperty("acceptedAt").GetDateTimeOffset().UtcDateTime);
        app.AsPrivateOffer(id, t => t with
        {
            Currency = "JPY",
            Contract = t.Contract! with { Price = "1200000", Installments = 4, Schedule = [.. Enumerable.Range(0, 4).Select(k => new ContractPayment(day.AddMonths(3 * k), "300000"))] },
        }, PrivateOfferId.New(app.Clock));
        var month = new DateTimeOffset(day.Year, day.Month, 1, 0, 0, 0, TimeSpan.Zero);
        app.MoveTo(month.AddMonths(1).AddMinutes(15));
        var run = await app.BillAsync(month.AddMonths(1));
        Assert.True(run.GetProperty("errors").GetArrayLength() == 0, run.ToString());

        var invoice = (await app.InvoicesOfAsync(app.Buyer, "invoice")).Single(i => i.GetProperty("lines").EnumerateArray().Any(l => l.GetProperty("agreementId").GetString() == id.ToString()));
        Assert.Equal(("JPY", "JP"), (invoice.GetProperty("currency").GetString(), invoice.GetProperty("issuer").GetProperty("entityCode").GetString()));
        var line = Assert.Single(invoice.GetProperty("lines").EnumerateArray());
        Assert.Equal(("Contract installment 1 of 4", "300000", "30000"), (line.GetProperty("description").GetString(), line.GetProperty("amount").GetString(), line.GetProperty("totalTax").GetString()));
        Assert.Equal("330000", invoice.GetProperty("total").GetString());

        var paid = await app.PayAsync(app.Buyer, invoice, new JsonObject { ["card"] = CollectionsApiTests.Card("4242424242424242") }, Guid.NewGuid().ToString());
        Assert.Equal(HttpStatusCode.Created, paid.StatusCode);
        Assert.Equal("succeeded", (await paid.ReadJsonAsync()).GetProperty("status").GetString());
        await app.DeliverOutboxAsync(_ct);
        var paidAt = app.Clock.GetUtcNow();

        var invoiceId = invoice.GetProperty("id").GetString()!;
        var payment = await app.LedgerEntryAsync("payment:invoice:" + invoiceId);
        Assert.Equal("330000", CollectionsApiTests.Amount(payment.GetProperty("lines").EnumerateArray().ToList(), "cash-clearing", "JPY", "debit"));
        var posted = await app.LedgerEntryAsync("invoice:" + invoiceId);
        Assert.Equal("JP", posted.GetProperty("entity").GetString());
        var owed = CollectionsApiTests.Amount(posted.GetProperty("lines").EnumerateArray().ToList(), "seller-payable", "JPY", "credit");
        Assert.True(decimal.Parse(owed, CultureInfo.InvariantCulture) is > 0 and <= 300_000, owed);
        var converted = await (await app.ClientFor(app.Operator).GetAsync($"/api/v1/ledger/entries?source=fx:invoice:{invoiceId}", _ct)).ReadJsonAsync();
        Assert.Equal(0, converted.GetProperty("totalCount").GetInt32());

        app.MoveTo(paidAt.AddDays(8));
        var payouts = await (await app.ClientFor(app.Operator).PostAsync("/api/v1/payouts/run", Body(new JsonObject { ["asOf"] = paidAt.AddDays(8).ToString("O") }), _ct)).ReadJsonAsync();
        var payout = Assert.Single(payouts.GetProperty("created").EnumerateArray(), p => p.GetProperty("sellerId").GetGuid() == app.SellerB.Organisation.Id.Value);
        Assert.Equal(("JP", "JPY", owed), (payout.GetProperty("entity").GetString(), payout.GetProperty("currency").GetString(), payout.GetProperty("amount").GetString()));

        var xml = await (await app.ClientFor(app.Operator).GetAsync($"/api/v1/payouts/{payout.GetProperty("id").GetString()}/file", _ct)).Content.ReadAsStringAsync(_ct);
        Assert.Empty(PayoutsApiTests.SchemaErrors(xml));
        var transfer = XDocument.Parse(xml).Descendants(Pain + "CdtTrfTxInf").Single(t => t.Descendants(Pain + "EndToEndId").Single().Value == payout.GetProperty("endToEndId").GetString());
        Assert.Equal(owed, transfer.Descendants(Pain + "InstdAmt").Single().Value);
        Assert.Equal("JPY", transfer.Descendants(Pain + "InstdAmt").Single().Attribute("Ccy")!.Value);
        Assert.Equal("7654321", transfer.Descendants(Pain + "CdtrAcct").Single().Descendants(Pain + "Id").Last().Value);
    }
}
