using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using Microsoft.Extensions.DependencyInjection;
using Tradewind.Contracts;
using Tradewind.Contracts.Accounts;
using Tradewind.Persistence.Outbox;
using Tradewind.Primitives.Banking;
using Tradewind.Web.Tests.Infrastructure;
using static Tradewind.Web.Tests.Infrastructure.CatalogRequests;

namespace Tradewind.Web.Tests.Payments;

/// <summary>Billing's fixture with German buyers invoiced by the EU entity, which has a SEPA creditor identifier.</summary>
public sealed class BankCollectionsApp : BillingApp
{
    protected override async Task SeedAsync(IServiceProvider services)
    {
        await base.SeedAsync(services);
        var accounts = services.GetRequiredService<IAccountsQueries>();
        var rules = await accounts.ListRoutingRulesAsync(CancellationToken.None);
        var inputs = rules.Select(r => new RoutingRuleInput(r.Priority + 1, r.BuyerCountries, r.ExceptBuyerCountries, r.SellerCondition, r.SellerCountry, r.EntityCode)).ToList();
        inputs.Insert(0, new RoutingRuleInput(0, ["DE"], null, SellerCondition.Any, null, "EU"));
        await services.GetRequiredService<IAccountsCommands>().ReplaceRoutingRulesAsync(inputs, "test", CancellationToken.None);
    }
}

/// <summary>SEPA mandates and pain.008 batches; RF references and camt.053 statements matched against invoices.</summary>
public sealed class BankCollectionsApiTests(BankCollectionsApp app) : IClassFixture<BankCollectionsApp>
{
    private static readonly XNamespace Pain = "urn:iso:std:iso:20022:tech:xsd:pain.008.001.08";

    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    private DateTimeOffset MonthStart => new(app.Clock.GetUtcNow().Year, app.Clock.GetUtcNow().Month, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_mandate_pre_notifies_the_euro_invoice_and_the_batch_collects_it_once_as_a_first_collection_in_a_valid_pain_008()
    {
        var buyer = app.GermanBusiness;
        var signed = await app.ClientFor(buyer).PostAsync(
            "/api/v1/sepa-mandates",
            Body(new JsonObject { ["debtorName"] = "Zeta Maschinenbau GmbH", ["iban"] = "DE89 3704 0044 0532 0130 00", ["bic"] = "COBADEFFXXX", ["accepted"] = true }),
            _ct);
        Assert.True(signed.StatusCode == HttpStatusCode.Created, await signed.Content.ReadAsStringAsync(_ct));
        var mandate = await signed.ReadJsonAsync();
        Assert.Equal("EU", mandate.GetProperty("entity").GetString());
        Assert.Equal("LU87ZZZ0000000000000000123", mandate.GetProperty("creditorId").GetString());
        Assert.Equal("FRST", mandate.GetProperty("nextSequenceType").GetString());
        Assert.Equal("DE…3000", mandate.GetProperty("iban").GetString());

        var agreement = await app.SubscribeAsync(app.SellerA, buyer, "Debit Logs", UsagePlan("Usage", PerUnit("0.10")));
        var month = MonthStart;
        await app.MeterAsync(app.SellerA, agreement, ("requests", 1000, month.AddDays(3)));
        app.MoveTo(month.AddMonths(1).AddMinutes(10));
        await app.BillAsync(month.AddMonths(1));
        await DeliverOutboxAsync();
        var invoice = (await app.InvoicesOfAsync(buyer)).Single(i => i.GetProperty("kind").GetString() == "invoice" && i.GetProperty("status").GetString() == "finalized");
        var number = invoice.GetProperty("number").GetString()!;
        Assert.Equal("EU", invoice.GetProperty("issuer").GetProperty("entityCode").GetString());

        var operatorClient = app.ClientFor(app.Operator);
        var scheduled = (await (await operatorClient.GetAsync("/api/v1/direct-debit-batches/collections?status=scheduled&pageSize=200", _ct)).ReadJsonAsync())
            .GetProperty("items").EnumerateArray().Single(c => c.GetProperty("invoiceNumber").GetString() == number);
        var today = DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime);
        var dueDate = DateOnly.Parse(scheduled.GetProperty("dueDate").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(dueDate >= today.AddDays(14), $"due {dueDate}, today {today}");
        Assert.Equal(invoice.GetProperty("total").GetString(), scheduled.GetProperty("amount").GetString());
        var notifications = await app.WithScopeAsync(sp => sp.GetRequiredService<IBuyerNotifications>().ListAsync(buyer.Organisation.Id, PageRequest.From(1, 50), _ct));
        var notice = Assert.Single(notifications.Items, n => n.Kind == NotificationKind.DirectDebitScheduled && n.Subject.Contains(number, StringComparison.Ordinal));
        Assert.Contains(mandate.GetProperty("reference").GetString()!, notice.Body, StringComparison.Ordinal);
        Assert.Contains("LU87ZZZ0000000000000000123", notice.Body, StringComparison.Ordinal);

        var created = await operatorClient.PostAsync("/api/v1/direct-debit-batches", Body(new JsonObject { ["dueBy"] = dueDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) }), _ct);
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync(_ct));
        var batch = (await created.ReadJsonAsync()).EnumerateArray().Single(b => b.GetProperty("collections").EnumerateArray().Any(c => c.GetProperty("invoiceNumber").GetString() == number));
        var again = await (await operatorClient.PostAsync("/api/v1/direct-debit-batches", Body(new JsonObject { ["dueBy"] = dueDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) }), _ct)).ReadJsonAsync();
        var file = await operatorClient.GetAsync($"/api/v1/direct-debit-batches/{batch.GetProperty("id").GetString()}/file", _ct);
        var xml = await file.Content.ReadAsStringAsync(_ct);

        Assert.Equal(0, again.GetArrayLength());
        Assert.Equal("application/xml", file.Content.Headers.ContentType?.MediaType);
        Assert.Empty(Camt053Statement.Validate(xml, "pain.008.001.08.xsd"));
        var transaction = XDocument.Parse(xml).Descendants(Pain + "DrctDbtTxInf").Single(t => t.Descendants(Pain + "EndToEndId").Single().Value == number);
        Assert.Equal("FRST", transaction.Parent!.Descendants(Pain + "SeqTp").Single().Value);
        Assert.Equal(mandate.GetProperty("reference").GetString(), transaction.Descendants(Pain + "MndtId").Single().Value);
        Assert.Equal("DE89370400440532013000", transaction.Element(Pain + "DbtrAcct")!.Descendants(Pain + "IBAN").Single().Value);
        Assert.Equal(invoice.GetProperty("total").GetString(), transaction.Element(Pain + "InstdAmt")!.Value);
        Assert.Equal("LU87ZZZ0000000000000000123", transaction.Parent!.Element(Pain + "CdtrSchmeId")!.Descendants(Pain + "Id").Last().Value);
        var after = await (await app.ClientFor(buyer).GetAsync($"/api/v1/sepa-mandates/{mandate.GetProperty("id").GetString()}", _ct)).ReadJsonAsync();
        Assert.Equal("RCUR", after.GetProperty("nextSequenceType").GetString());

        var settled = await operatorClient.PostAsync($"/api/v1/direct-debit-batches/{batch.GetProperty("id").GetString()}/settle", Body(new JsonObject()), _ct);
        Assert.True(settled.StatusCode == HttpStatusCode.OK, await settled.Content.ReadAsStringAsync(_ct));
        var paid = await (await operatorClient.GetAsync($"/api/v1/invoices/{invoice.GetProperty("id").GetString()}", _ct)).ReadJsonAsync();
        Assert.Equal("paid", paid.GetProperty("status").GetString());
        Assert.Equal("settled", (await settled.ReadJsonAsync()).GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_statement_pays_invoices_by_rf_reference_and_by_invoice_number_queues_the_rest_and_a_second_import_changes_nothing()
    {
        var euro = await app.SubscribeAsync(app.SellerB, app.EuroBuyer, "Transfer Shield", UsagePlan("Usage", PerUnit("0.20")));
        var dollars = await app.SubscribeAsync(app.SellerA, app.UsBuyer, "Transfer Logs", UsagePlan("Usage", PerUnit("0.30")));
        var month = MonthStart;
        await app.MeterAsync(app.SellerB, euro, ("requests", 500, month.AddDays(4)));
        await app.MeterAsync(app.SellerA, dollars, ("requests", 700, month.AddDays(4)));
        app.MoveTo(month.AddMonths(1).AddMinutes(10));
        await app.BillAsync(month.AddMonths(1));
        await DeliverOutboxAsync();
        var euroInvoice = (await app.InvoicesOfAsync(app.EuroBuyer)).Single(i => i.GetProperty("status").GetString() == "finalized" && i.GetProperty("kind").GetString() == "invoice");
        var usdInvoice = (await app.InvoicesOfAsync(app.UsBuyer)).Single(i => i.GetProperty("status").GetString() == "finalized" && i.GetProperty("kind").GetString() == "invoice");

        var transfer = await (await app.ClientFor(app.EuroBuyer).GetAsync($"/api/v1/invoices/{euroInvoice.GetProperty("id").GetString()}/bank-transfer", _ct)).ReadJsonAsync();
        var rf = transfer.GetProperty("reference").GetString()!;
        Assert.True(RfCreditorReference.TryParse(rf, out _));
        Assert.Equal(rf, transfer.GetProperty("referencePrint").GetString()!.Replace(" ", "", StringComparison.Ordinal));
        Assert.Equal(euroInvoice.GetProperty("total").GetString(), transfer.GetProperty("amount").GetString());
        // The invoice (its PDF and UBL) prints the same reference the statement import matches on.
        var invoiceBody = await (await app.ClientFor(app.EuroBuyer).GetAsync($"/api/v1/invoices/{euroInvoice.GetProperty("id").GetString()}", _ct)).ReadJsonAsync();
        Assert.Equal(rf, invoiceBody.GetProperty("paymentReference").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await app.ClientFor(app.UsBuyer).GetAsync($"/api/v1/invoices/{euroInvoice.GetProperty("id").GetString()}/bank-transfer", _ct)).StatusCode);

        var statementId = "STMT-" + Guid.NewGuid().ToString("N")[..12];
        var xml = new Camt053Statement(statementId)
            .Credit("E1", euroInvoice.GetProperty("total").GetString()!, "EUR", rf: rf)
            .Credit("E2", usdInvoice.GetProperty("total").GetString()!, "USD", text: "Payment for invoice " + usdInvoice.GetProperty("number").GetString())
            .Credit("E3", "10.00", "EUR", rf: rf)
            .Credit("E4", "42.00", "EUR", rf: "RF18539007547034", debtor: "Somebody Else")
            .Debit("E5", "3.50", "EUR")
            .ToXml();
        Assert.Empty(Camt053Statement.Validate(xml, "camt.053.001.08.xsd"));

        var client = app.ClientFor(app.Operator);
        var imported = await client.PostAsync("/api/v1/bank-statements", new StringContent(xml, Encoding.UTF8, "application/xml"), _ct);
        Assert.True(imported.StatusCode == HttpStatusCode.OK, await imported.Content.ReadAsStringAsync(_ct));
        var result = await imported.ReadJsonAsync();
        var reimported = await (await client.PostAsync("/api/v1/bank-statements", new StringContent(xml, Encoding.UTF8, "application/xml"), _ct)).ReadJsonAsync();

        Assert.Equal(2, result.GetProperty("matched").GetInt32());
        Assert.Equal(2, result.GetProperty("unmatched").GetInt32());
        Assert.Equal(1, result.GetProperty("debits").GetInt32());
        Assert.Equal(0, reimported.GetProperty("matched").GetInt32());
        Assert.Equal(5, reimported.GetProperty("alreadyImported").GetInt32());
        Assert.Equal(0, reimported.GetProperty("entries").GetArrayLength());
        foreach (var invoice in new[] { euroInvoice, usdInvoice })
        {
            var now = await (await client.GetAsync($"/api/v1/invoices/{invoice.GetProperty("id").GetString()}", _ct)).ReadJsonAsync();
            Assert.Equal("paid", now.GetProperty("status").GetString());
        }

        var queue = (await (await client.GetAsync("/api/v1/bank-statements/unmatched?pageSize=200", _ct)).ReadJsonAsync())
            .GetProperty("items").EnumerateArray().Where(e => e.GetProperty("statementId").GetString() == statementId).ToList();
        Assert.Equal(["E3", "E4"], queue.Select(e => e.GetProperty("entryReference").GetString()).Order(StringComparer.Ordinal));
        var overpaid = queue.Single(e => e.GetProperty("entryReference").GetString() == "E3");
        var unknown = queue.Single(e => e.GetProperty("entryReference").GetString() == "E4");
        Assert.Equal(euroInvoice.GetProperty("number").GetString(), overpaid.GetProperty("invoiceNumber").GetString());
        Assert.Contains("RF18539007547034", unknown.GetProperty("reason").GetString(), StringComparison.Ordinal);

        var wrongInvoice = await client.PostAsync(
            $"/api/v1/bank-statements/unmatched/{overpaid.GetProperty("id").GetString()}/assign", Body(new JsonObject { ["invoiceId"] = usdInvoice.GetProperty("id").GetString() }), _ct);
        await wrongInvoice.AssertProblemAsync(HttpStatusCode.BadRequest);
        var noNote = await client.PostAsync($"/api/v1/bank-statements/unmatched/{unknown.GetProperty("id").GetString()}/dismiss", Body(new JsonObject()), _ct);
        await noNote.AssertProblemAsync(HttpStatusCode.BadRequest);
        var dismissed = await client.PostAsync(
            $"/api/v1/bank-statements/unmatched/{unknown.GetProperty("id").GetString()}/dismiss", Body(new JsonObject { ["note"] = "Not ours: sent back to the payer." }), _ct);
        Assert.Equal("dismissed", (await dismissed.ReadJsonAsync()).GetProperty("status").GetString());
        var left = (await (await client.GetAsync("/api/v1/bank-statements/unmatched?pageSize=200", _ct)).ReadJsonAsync())
            .GetProperty("items").EnumerateArray().Where(e => e.GetProperty("statementId").GetString() == statementId).Select(e => e.GetProperty("entryReference").GetString()).ToList();
        Assert.Equal(["E3"], left);
    }

    [Fact]
    public async Task An_unmatched_credit_can_be_assigned_to_the_open_invoice_it_pays()
    {
        var agreement = await app.SubscribeAsync(app.SellerB, app.IndianBuyer, "Assign Shield", UsagePlan("Usage", PerUnit("1.00")));
        var month = MonthStart;
        await app.MeterAsync(app.SellerB, agreement, ("requests", 30, month.AddDays(2)));
        app.MoveTo(month.AddMonths(1).AddMinutes(10));
        await app.BillAsync(month.AddMonths(1));
        await DeliverOutboxAsync();
        var invoice = (await app.InvoicesOfAsync(app.IndianBuyer)).Single(i => i.GetProperty("status").GetString() == "finalized" && i.GetProperty("kind").GetString() == "invoice");
        var statementId = "STMT-" + Guid.NewGuid().ToString("N")[..12];
        var xml = new Camt053Statement(statementId).Credit("A1", invoice.GetProperty("total").GetString()!, invoice.GetProperty("currency").GetString()!, text: "monthly subscription").ToXml();
        var client = app.ClientFor(app.Operator);

        var result = await (await client.PostAsync("/api/v1/bank-statements", new StringContent(xml, Encoding.UTF8, "application/xml"), _ct)).ReadJsonAsync();
        var entry = Assert.Single(result.GetProperty("entries").EnumerateArray().ToList());
        var assigned = await client.PostAsync(
            $"/api/v1/bank-statements/unmatched/{entry.GetProperty("id").GetString()}/assign",
            Body(new JsonObject { ["invoiceId"] = invoice.GetProperty("id").GetString(), ["note"] = "Buyer confirmed by e-mail." }),
            _ct);
        var twice = await client.PostAsync(
            $"/api/v1/bank-statements/unmatched/{entry.GetProperty("id").GetString()}/assign", Body(new JsonObject { ["invoiceId"] = invoice.GetProperty("id").GetString() }), _ct);

        Assert.Equal("unmatched", entry.GetProperty("status").GetString());
        Assert.True(assigned.StatusCode == HttpStatusCode.OK, await assigned.Content.ReadAsStringAsync(_ct));
        Assert.Equal("assigned", (await assigned.ReadJsonAsync()).GetProperty("status").GetString());
        await twice.AssertProblemAsync(HttpStatusCode.Conflict, "statement-entry-resolved");
        var paid = await (await client.GetAsync($"/api/v1/invoices/{invoice.GetProperty("id").GetString()}", _ct)).ReadJsonAsync();
        Assert.Equal("paid", paid.GetProperty("status").GetString());
    }

    [Fact]
    public async Task The_same_statement_imported_by_several_requests_at_once_is_recorded_once_and_none_fails()
    {
        var statementId = "STMT-" + Guid.NewGuid().ToString("N")[..12];
        var xml = new Camt053Statement(statementId)
            .Credit("C1", "12.34", "EUR", text: "no reference at all")
            .Credit("C2", "56.78", "EUR", text: "nor here")
            .ToXml();
        var client = app.ClientFor(app.Operator);

        var responses = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ =>
            client.PostAsync("/api/v1/bank-statements", new StringContent(xml, Encoding.UTF8, "application/xml"), _ct)));

        foreach (var response in responses)
        {
            Assert.True(
                response.StatusCode is HttpStatusCode.OK or HttpStatusCode.Created or HttpStatusCode.Conflict,
                $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(_ct)}");
        }

        var imported = new List<System.Text.Json.JsonElement>();
        foreach (var response in responses.Where(r => r.IsSuccessStatusCode))
        {
            imported.Add(await response.ReadJsonAsync());
        }

        // Every credit is recorded once, by exactly one of the requests; the others saw it as already imported.
        Assert.NotEmpty(imported);
        Assert.Equal(2, imported.Sum(r => r.GetProperty("entries").GetArrayLength()));
        var unmatched = await (await client.GetAsync("/api/v1/bank-statements/unmatched?pageSize=200", _ct)).ReadJsonAsync();
        Assert.Equal(2, unmatched.GetProperty("items").EnumerateArray().Count(e => e.GetRawText().Contains(statementId, StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("/api/v1/direct-debit-batches/00000000-0000-0000-0000-000000000000")]
    [InlineData("/api/v1/direct-debit-batches/00000000-0000-0000-0000-000000000000/file")]
    [InlineData("/api/v1/sepa-mandates/00000000-0000-0000-0000-000000000000")]
    [InlineData("/api/v1/payouts/00000000-0000-0000-0000-000000000000")]
    [InlineData("/api/v1/invoices/00000000-0000-0000-0000-000000000000")]
    public async Task The_empty_id_names_no_resource(string path)
    {
        var response = await app.ClientFor(app.Operator).GetAsync(path, _ct);

        await response.AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Mandates_are_checked_and_each_caller_sees_only_what_its_role_allows()
    {
        var buyer = app.ClientFor(app.Buyer);
        var badIban = await buyer.PostAsync("/api/v1/sepa-mandates", Body(new JsonObject { ["debtorName"] = "Kappa KK", ["iban"] = "DE00370400440532013000", ["accepted"] = true }), _ct);
        var notAccepted = await buyer.PostAsync("/api/v1/sepa-mandates", Body(new JsonObject { ["debtorName"] = "Kappa KK", ["iban"] = "DE89370400440532013000", ["accepted"] = false }), _ct);
        var outsideSepa = await buyer.PostAsync("/api/v1/sepa-mandates", Body(new JsonObject { ["debtorName"] = "Kappa KK", ["iban"] = "BR1800360305000010009795493C1", ["accepted"] = true }), _ct);
        var created = await (await buyer.PostAsync(
            "/api/v1/sepa-mandates", Body(new JsonObject { ["debtorName"] = "Kappa KK", ["iban"] = "NL91ABNA0417164300", ["accepted"] = true }), _ct)).ReadJsonAsync();
        var id = created.GetProperty("id").GetString();

        var badProblem = await badIban.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(badProblem.GetProperty("errors").TryGetProperty("iban", out _));
        var notAcceptedProblem = await notAccepted.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(notAcceptedProblem.GetProperty("errors").TryGetProperty("accepted", out _));
        await outsideSepa.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(HttpStatusCode.NotFound, (await app.ClientFor(app.UsBuyer).GetAsync($"/api/v1/sepa-mandates/{id}", _ct)).StatusCode);
        Assert.DoesNotContain(
            (await (await app.ClientFor(app.UsBuyer).GetAsync("/api/v1/sepa-mandates", _ct)).ReadJsonAsync()).GetProperty("items").EnumerateArray(),
            m => m.GetProperty("id").GetString() == id);
        Assert.Contains(
            (await (await app.ClientFor(app.Operator).GetAsync("/api/v1/sepa-mandates?pageSize=200", _ct)).ReadJsonAsync()).GetProperty("items").EnumerateArray(),
            m => m.GetProperty("id").GetString() == id);
        Assert.Equal(HttpStatusCode.Forbidden, (await app.ClientFor(app.SellerA).GetAsync("/api/v1/sepa-mandates", _ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await buyer.PostAsync("/api/v1/direct-debit-batches", Body(new JsonObject()), _ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await buyer.PostAsync("/api/v1/bank-statements", new StringContent("<x/>", Encoding.UTF8, "application/xml"), _ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await buyer.GetAsync("/api/v1/bank-statements/unmatched", _ct)).StatusCode);

        var revoked = await (await buyer.PostAsync($"/api/v1/sepa-mandates/{id}/revoke", null, _ct)).ReadJsonAsync();
        Assert.Equal("revoked", revoked.GetProperty("status").GetString());
        await (await app.ClientFor(app.Operator).PostAsync("/api/v1/bank-statements", new StringContent("<Document/>", Encoding.UTF8, "application/xml"), _ct))
            .AssertProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task An_operator_entity_takes_only_a_creditor_identifier_with_valid_check_digits()
    {
        var client = app.ClientFor(app.Operator);
        var entity = await (await client.GetAsync("/api/v1/operator-entities/AU", _ct)).ReadJsonAsync();
        var body = JsonNode.Parse(entity.GetRawText())!.AsObject();
        body.Remove("collectionAccounts");
        body["sepaCreditorId"] = "DE97ZZZ09999999999";

        var refused = await client.PutAsync("/api/v1/operator-entities/AU", Body(body), _ct);
        body["sepaCreditorId"] = "de98 zzz 0999 9999 999";
        var accepted = await client.PutAsync("/api/v1/operator-entities/AU", Body(body), _ct);

        var problem = await refused.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("sepaCreditorId", out _));
        Assert.True(accepted.StatusCode == HttpStatusCode.OK, await accepted.Content.ReadAsStringAsync(_ct));
        Assert.Equal("DE98ZZZ09999999999", (await accepted.ReadJsonAsync()).GetProperty("sepaCreditorId").GetString());
        body["sepaCreditorId"] = null;
        Assert.Equal(HttpStatusCode.OK, (await client.PutAsync("/api/v1/operator-entities/AU", Body(body), _ct)).StatusCode);
    }

    private async Task DeliverOutboxAsync()
    {
        var processor = app.Services.GetRequiredService<OutboxProcessor>();
        while (await processor.DispatchPendingAsync(_ct) > 0)
        {
        }
    }
}
