using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using System.Xml.Schema;
using Microsoft.Extensions.DependencyInjection;
using Tradewind.Contracts.Accounts;
using Tradewind.Contracts.Payments;
using Tradewind.Persistence.Outbox;
using Tradewind.Primitives.Ids;
using Tradewind.Primitives.Money;
using Tradewind.Web.Tests.Infrastructure;
using static Tradewind.Web.Tests.Infrastructure.CatalogRequests;

namespace Tradewind.Web.Tests.Payments;

/// <summary>A billing fixture of its own: seller A has a verified EUR account (DE), seller B a verified USD account (US).</summary>
public sealed class PayoutsApp : BillingApp
{
    public SellerEntityId SellerAEntity { get; private set; }

    public SellerEntityId SellerBEntity { get; private set; }

    protected override async Task SeedAsync(IServiceProvider services)
    {
        await base.SeedAsync(services);
        var accounts = services.GetRequiredService<IAccountsCommands>();
        SellerAEntity = await PayoutAccountAsync(accounts, SellerA, "Alpha Software GmbH", "DE", new("Torstraße 49", null, "Berlin", "10119", null, "DE"), "DE136695976",
            new NewBankAccount("DE", "EUR", "Alpha Software GmbH", "DE89 3704 0044 0532 0130 00", null, null, null));
        SellerBEntity = await PayoutAccountAsync(accounts, SellerB, "Beta Cloud Ltd", "GB", new("12 King Street", null, "Manchester", "M2 4LQ", null, "GB"), "GB 003232345",
            new NewBankAccount("US", "USD", "Beta Cloud Ltd", null, "30012345678", null, "021000021"));
    }

    internal static async Task<SellerEntityId> PayoutAccountAsync(IAccountsCommands accounts, Tenant seller, string name, string country, PostalAddress address, string taxId, NewBankAccount bank)
    {
        var ct = CancellationToken.None;
        var entity = await accounts.CreateSellerEntityAsync(seller.Organisation.Id, new NewSellerEntity(name, country, address, taxId), "test", ct);
        await accounts.UploadTaxFormAsync(seller.Organisation.Id, entity.Id, new TaxFormFile("form.pdf", Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n")), "test", ct);
        await accounts.VerifySellerEntityAsync(entity.Id, null, "test", ct);
        var account = await accounts.AddBankAccountAsync(seller.Organisation.Id, entity.Id, bank, "test", ct);
        await accounts.VerifyBankAccountManuallyAsync(entity.Id, account.Id, "test", "test", ct);
        await accounts.SetPayoutCurrencyAsync(seller.Organisation.Id, entity.Id, bank.CurrencyCode, account.Id, "test", ct);
        return entity.Id;
    }
}

/// <summary>Invoice → payment → hold → payout → pain.001 file, per currency; returns re-credit the payable; sellers see only their own.</summary>
public sealed class PayoutsApiTests(PayoutsApp app) : IClassFixture<PayoutsApp>
{
    private static readonly XNamespace Pain = "urn:iso:std:iso:20022:tech:xsd:pain.001.001.09";
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_paid_usd_invoice_is_paid_out_after_the_hold_in_a_non_sepa_file_and_shows_in_the_sellers_report()
    {
        var month = new DateTimeOffset(app.Clock.GetUtcNow().Year, app.Clock.GetUtcNow().Month, 1, 0, 0, 0, TimeSpan.Zero);
        var agreement = await app.SubscribeAsync(app.SellerB, app.UsBuyer, "Payout Logs", UsagePlan("Usage", PerUnit("0.50")));
        await app.MeterAsync(app.SellerB, agreement, ("requests", 400, month.AddDays(3)));
        app.MoveTo(month.AddMonths(1).AddMinutes(10));
        await app.BillAsync(month.AddMonths(1));
        var invoice = Assert.Single(await app.InvoicesOfAsync(app.UsBuyer));
        var invoiceId = invoice.GetProperty("id").GetString()!;
        var client = app.ClientFor(app.Operator);
        var paidAt = app.Clock.GetUtcNow();
        (await client.PostAsync($"/api/v1/invoices/{invoiceId}/mark-paid", Body(new JsonObject { ["paidAt"] = paidAt.ToString("O") }), _ct)).EnsureSuccessStatusCode();
        await DeliverOutboxAsync();

        // Within the hold nothing is paid; after it, the seller's whole payable (200.00 less the 3 % fee) is.
        var early = await RunAsync(paidAt.AddDays(6));
        Assert.DoesNotContain(early.GetProperty("created").EnumerateArray(), p => p.GetProperty("sellerId").GetGuid() == app.SellerB.Organisation.Id.Value);
        var run = await RunAsync(paidAt.AddDays(8));
        var payout = Assert.Single(run.GetProperty("created").EnumerateArray(), p => p.GetProperty("sellerId").GetGuid() == app.SellerB.Organisation.Id.Value);
        Assert.Equal("194.00", payout.GetProperty("amount").GetString());
        Assert.Equal("USD", payout.GetProperty("currency").GetString());
        Assert.Equal("requested", payout.GetProperty("status").GetString());
        Assert.Equal([Guid.Parse(invoiceId)], payout.GetProperty("invoices").EnumerateArray().Select(i => i.GetGuid()));
        var id = payout.GetProperty("id").GetString()!;
        var payable = await PayableAsync(app.SellerB, "USD", paidAt.AddDays(9));
        Assert.Equal("0.00", payable);

        // The file: a plain credit transfer from the operator entity's USD account to the seller's local account.
        var file = await client.GetAsync($"/api/v1/payouts/{id}/file", _ct);
        Assert.Equal(HttpStatusCode.OK, file.StatusCode);
        var xml = await file.Content.ReadAsStringAsync(_ct);
        Assert.Empty(SchemaErrors(xml));
        var document = XDocument.Parse(xml);
        Assert.Empty(document.Descendants(Pain + "SvcLvl"));
        var transfer = Assert.Single(document.Descendants(Pain + "CdtTrfTxInf"));
        Assert.Equal(payout.GetProperty("endToEndId").GetString(), transfer.Descendants(Pain + "EndToEndId").Single().Value);
        Assert.Equal("194.00", transfer.Descendants(Pain + "InstdAmt").Single().Value);
        Assert.Equal("30012345678", transfer.Descendants(Pain + "CdtrAcct").Single().Descendants(Pain + "Id").Last().Value);
        // Downloading again gives the same file; the payout is sent, then confirmed paid.
        Assert.Equal(xml, await (await client.GetAsync($"/api/v1/payouts/{id}/file", _ct)).Content.ReadAsStringAsync(_ct));
        Assert.Equal("sent", (await (await client.GetAsync($"/api/v1/payouts/{id}", _ct)).ReadJsonAsync()).GetProperty("status").GetString());
        var paid = await (await client.PostAsync($"/api/v1/payouts/{id}/paid", null, _ct)).ReadJsonAsync();
        Assert.Equal("paid", paid.GetProperty("status").GetString());

        // The seller's report: gross, tax, fee, net per invoice and the payout it went in; JSON and CSV.
        var seller = app.ClientFor(app.SellerB);
        var report = await (await seller.GetAsync("/api/v1/reports/seller-earnings?from=2026-01-01&to=2027-12-31", _ct)).ReadJsonAsync();
        var line = Assert.Single(report.GetProperty("lines").EnumerateArray(), l => l.GetProperty("invoiceId").GetString() == invoiceId);
        Assert.Equal("200.00", line.GetProperty("proceeds").GetString());
        Assert.Equal("6.00", line.GetProperty("fee").GetString());
        Assert.Equal("194.00", line.GetProperty("net").GetString());
        Assert.Equal(invoice.GetProperty("total").GetString(), line.GetProperty("gross").GetString());
        Assert.Equal(id, line.GetProperty("payoutId").GetString());
        var csvRequest = new HttpRequestMessage(HttpMethod.Get, "/api/v1/reports/seller-earnings?from=2026-01-01&to=2027-12-31");
        csvRequest.Headers.Accept.ParseAdd("text/csv");
        var csv = await seller.SendAsync(csvRequest, _ct);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        var rows = (await csv.Content.ReadAsStringAsync(_ct)).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("document,kind,entity", rows[0], StringComparison.Ordinal);
        Assert.Contains(rows, r => r.StartsWith(invoice.GetProperty("number").GetString()!, StringComparison.Ordinal) && r.Contains(",194.00," + id + ",paid", StringComparison.Ordinal));

        // The portal pages show the same: the seller's earnings with the payout, the operator's payouts.
        var page = await seller.GetAsync("/seller/earnings?From=2026-01-01&Until=2027-12-31", _ct);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync(_ct);
        Assert.Contains(invoice.GetProperty("number").GetString()!, html, StringComparison.Ordinal);
        Assert.Contains(id, html, StringComparison.Ordinal);
        var operatorPage = await client.GetAsync("/operator/payouts", _ct);
        Assert.Equal(HttpStatusCode.OK, operatorPage.StatusCode);
        Assert.Contains(payout.GetProperty("endToEndId").GetString()!, await operatorPage.Content.ReadAsStringAsync(_ct), StringComparison.Ordinal);

        // Seller A does not see the payout, seller B not its file; the operator's position shows the cash and nothing more due to B.
        Assert.Equal(HttpStatusCode.NotFound, (await app.ClientFor(app.SellerA).GetAsync($"/api/v1/payouts/{id}", _ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await seller.GetAsync($"/api/v1/payouts/{id}/file", _ct)).StatusCode);
        var position = await (await client.GetAsync("/api/v1/reports/payments-position?asOf=" + Uri.EscapeDataString(paidAt.AddDays(9).ToString("O")), _ct)).ReadJsonAsync();
        Assert.True(position.GetProperty("cash").EnumerateArray().Any(c => c.GetProperty("currency").GetString() == "USD"), position.GetRawText());
        Assert.Equal(JsonValueKind.Array, position.GetProperty("taxPayable").ValueKind);
        Assert.DoesNotContain(position.GetProperty("payoutsDue").EnumerateArray(), d => d.GetProperty("sellerId").GetGuid() == app.SellerB.Organisation.Id.Value && d.GetProperty("currency").GetString() == "USD");
    }

    [Fact]
    public async Task A_eur_payout_is_a_sepa_transfer_a_return_re_credits_the_payable_and_the_next_period_pays_it_again()
    {
        var start = new DateTimeOffset(2027, 3, 1, 8, 0, 0, TimeSpan.Zero);
        var invoice = await PostPaidInvoiceAsync(app.SellerA, "EU", Money.Parse("120.00", Currency.EUR), start);
        // Seller B has no EUR account: its EUR balance is blocked, not paid.
        await PostPaidInvoiceAsync(app.SellerB, "EU", Money.Parse("40.00", Currency.EUR), start);
        var client = app.ClientFor(app.Operator);

        var run = await RunAsync(start.AddDays(8));
        var payout = Assert.Single(run.GetProperty("created").EnumerateArray(), p => p.GetProperty("sellerId").GetGuid() == app.SellerA.Organisation.Id.Value);
        Assert.Equal("116.40", payout.GetProperty("amount").GetString());
        Assert.Equal([invoice], payout.GetProperty("invoices").EnumerateArray().Select(i => i.GetGuid()));
        Assert.Contains(run.GetProperty("held").EnumerateArray(), h => h.GetProperty("sellerId").GetGuid() == app.SellerB.Organisation.Id.Value
            && h.GetProperty("currency").GetString() == "EUR" && h.GetProperty("reason").GetString() == "no-verified-account");
        var id = payout.GetProperty("id").GetString()!;

        // A requested payout has not left: it cannot come back.
        await (await client.PostAsync($"/api/v1/payouts/{id}/returned", Body(new JsonObject { ["reason"] = "AC04 account closed" }), _ct)).AssertProblemAsync(HttpStatusCode.Conflict);
        var xml = await (await client.GetAsync($"/api/v1/payouts/{id}/file", _ct)).Content.ReadAsStringAsync(_ct);
        Assert.Empty(SchemaErrors(xml));
        var document = XDocument.Parse(xml);
        Assert.Equal("SEPA", document.Descendants(Pain + "SvcLvl").Single().Element(Pain + "Cd")!.Value);
        Assert.Equal("SLEV", document.Descendants(Pain + "ChrgBr").Single().Value);
        Assert.Equal("LU280019400644750000", document.Descendants(Pain + "DbtrAcct").Single().Descendants(Pain + "IBAN").Single().Value);
        Assert.Equal("DE89370400440532013000", document.Descendants(Pain + "CdtrAcct").Single().Descendants(Pain + "IBAN").Single().Value);

        // A sent payout can come back, once, and the payable is owed again.
        var returned = await client.PostAsync($"/api/v1/payouts/{id}/returned", Body(new JsonObject { ["reason"] = "AC04 account closed" }), _ct);
        Assert.Equal(HttpStatusCode.OK, returned.StatusCode);
        Assert.Equal("returned", (await returned.ReadJsonAsync()).GetProperty("status").GetString());
        await (await client.PostAsync($"/api/v1/payouts/{id}/returned", Body(new JsonObject { ["reason"] = "again" }), _ct)).AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("-116.40", await PayableAsync(app.SellerA, "EUR", start.AddDays(40)));

        // Same month: not due again; next month: paid again with a new end-to-end id, in a new file.
        var sameMonth = await RunAsync(start.AddDays(9));
        Assert.DoesNotContain(sameMonth.GetProperty("created").EnumerateArray(), p => p.GetProperty("sellerId").GetGuid() == app.SellerA.Organisation.Id.Value && p.GetProperty("currency").GetString() == "EUR");
        var next = await RunAsync(start.AddMonths(1));
        var again = Assert.Single(next.GetProperty("created").EnumerateArray(), p => p.GetProperty("sellerId").GetGuid() == app.SellerA.Organisation.Id.Value && p.GetProperty("currency").GetString() == "EUR");
        Assert.Equal("116.40", again.GetProperty("amount").GetString());
        Assert.NotEqual(payout.GetProperty("endToEndId").GetString(), again.GetProperty("endToEndId").GetString());
        Assert.Equal(xml, await (await client.GetAsync($"/api/v1/payouts/{id}/file", _ct)).Content.ReadAsStringAsync(_ct));
        Assert.Equal("0.00", await PayableAsync(app.SellerA, "EUR", start.AddMonths(1).AddDays(1)));
    }

    [Fact]
    public async Task Sellers_list_only_their_own_payouts_choose_their_schedule_and_cannot_run_payouts()
    {
        var seller = app.ClientFor(app.SellerA);
        var listed = await (await seller.GetAsync("/api/v1/payouts?pageSize=100", _ct)).ReadJsonAsync();
        Assert.All(listed.GetProperty("items").EnumerateArray(), p => Assert.Equal(app.SellerA.Organisation.Id.Value, p.GetProperty("sellerId").GetGuid()));
        Assert.Equal(HttpStatusCode.Forbidden, (await app.ClientFor(app.UsBuyer).GetAsync("/api/v1/payouts", _ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await seller.PostAsync("/api/v1/payouts/run", Body(new JsonObject()), _ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await seller.GetAsync("/api/v1/reports/payments-position", _ct)).StatusCode);
        await (await seller.GetAsync("/api/v1/payouts?status=lost", _ct)).AssertProblemAsync(HttpStatusCode.BadRequest);
        await (await seller.GetAsync("/api/v1/reports/seller-earnings?from=2026-13-01", _ct)).AssertProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal("monthly", (await (await seller.GetAsync($"/api/v1/seller-entities/{app.SellerAEntity}/payout-schedule", _ct)).ReadJsonAsync()).GetProperty("frequency").GetString());
        var set = await seller.PutAsync($"/api/v1/seller-entities/{app.SellerAEntity}/payout-schedule", Body(new JsonObject { ["frequency"] = "weekly" }), _ct);
        Assert.Equal(HttpStatusCode.OK, set.StatusCode);
        Assert.Equal("weekly", (await set.ReadJsonAsync()).GetProperty("frequency").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await seller.GetAsync($"/api/v1/seller-entities/{app.SellerBEntity}/payout-schedule", _ct)).StatusCode);
        (await seller.PutAsync($"/api/v1/seller-entities/{app.SellerAEntity}/payout-schedule", Body(new JsonObject { ["frequency"] = "monthly" }), _ct)).EnsureSuccessStatusCode();
    }

    private async Task<Guid> PostPaidInvoiceAsync(Tenant seller, string entity, Money net, DateTimeOffset at)
    {
        var invoice = Guid.CreateVersion7();
        var fee = Money.FromMajor(net.Amount * 0.03m, net.Currency, MidpointRounding.AwayFromZero);
        await app.WithScopeAsync(async services =>
        {
            var ledger = services.GetRequiredService<ILedgerPosting>();
            var buyer = app.GermanBusiness.Organisation.Id.ToString();
            await ledger.PostAsync(new NewLedgerEntry($"invoice:{invoice}", "invoice", entity, at, "Test invoice", [
                new NewLedgerLine(LedgerAccountType.BuyerReceivable, buyer, LedgerSide.Debit, net),
                new NewLedgerLine(LedgerAccountType.SellerPayable, seller.Organisation.Id.ToString(), LedgerSide.Credit, net - fee),
                new NewLedgerLine(LedgerAccountType.FeeRevenue, null, LedgerSide.Credit, fee),
            ]), "test", _ct);
            await ledger.PostAsync(new NewLedgerEntry($"payment:invoice:{invoice}", "payment", entity, at, "Test payment", [
                new NewLedgerLine(LedgerAccountType.CashClearing, null, LedgerSide.Debit, net),
                new NewLedgerLine(LedgerAccountType.BuyerReceivable, buyer, LedgerSide.Credit, net),
            ]), "test", _ct);
            return true;
        });
        return invoice;
    }

    private async Task<JsonElement> RunAsync(DateTimeOffset asOf)
    {
        var response = await app.ClientFor(app.Operator).PostAsync("/api/v1/payouts/run", Body(new JsonObject { ["asOf"] = asOf.ToString("O") }), _ct);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync(_ct));
        return await response.ReadJsonAsync();
    }

    /// <summary>The seller's payable balance (debits minus credits) in one currency across entities.</summary>
    private async Task<string> PayableAsync(Tenant seller, string currency, DateTimeOffset asOf)
    {
        var balance = await (await app.ClientFor(app.Operator).GetAsync($"/api/v1/ledger/trial-balance?currency={currency}&asOf={Uri.EscapeDataString(asOf.ToString("O"))}", _ct)).ReadJsonAsync();
        var unit = Currency.FromCode(currency);
        var sum = balance.GetProperty("accounts").EnumerateArray()
            .Where(a => a.GetProperty("account").GetString() == "seller-payable" && a.GetProperty("subject").GetString() == seller.Organisation.Id.ToString())
            .Sum(a => Money.Parse(a.GetProperty("balance").GetString()!, unit).MinorUnits);
        return Money.FromMinor(sum, unit).ToMajorString();
    }

    private async Task DeliverOutboxAsync()
    {
        var processor = app.Services.GetRequiredService<OutboxProcessor>();
        while (await processor.DispatchPendingAsync(_ct) > 0)
        {
        }
    }

    internal static List<string> SchemaErrors(string xml)
    {
        var schemas = new XmlSchemaSet();
        schemas.Add(null, Path.Combine(SchemaFolder(), "pain.001.001.09.xsd"));
        var errors = new List<string>();
        XDocument.Parse(xml).Validate(schemas, (_, e) => errors.Add(e.Message));
        return errors;
    }

    private static string SchemaFolder()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "tests", "schemas", "iso20022");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException("tests/schemas/iso20022 was not found above " + AppContext.BaseDirectory);
    }
}
