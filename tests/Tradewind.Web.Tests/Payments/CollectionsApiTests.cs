using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Tradewind.Contracts.Accounts;
using Tradewind.Contracts.Billing;
using Tradewind.Contracts.Events;
using Tradewind.Persistence.Outbox;
using Tradewind.Primitives.Ids;
using Tradewind.Primitives.Money;
using Tradewind.Web.Tests.Infrastructure;
using static Tradewind.Web.Tests.Infrastructure.CatalogRequests;

namespace Tradewind.Web.Tests.Payments;

/// <summary>A billing fixture of its own, so the ledger holds only what these tests post.</summary>
public sealed class CollectionsApp : BillingApp;

/// <summary>Card payments through the sandbox gateway: the ledger, idempotent retries, refunds for credit notes, who may do what.</summary>
public sealed class CollectionsApiTests(CollectionsApp app) : IClassFixture<CollectionsApp>
{
    private const string GoodCard = "4242424242424242";

    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_card_payment_marks_the_invoice_paid_and_the_ledger_moves_the_receivable_to_cash_clearing_in_each_currency()
    {
        var indian = await app.FinalizedInvoiceAsync(app.SellerA, app.IndianBuyer, "Collect Rupees", "2.00", 120);
        var german = await app.FinalizedInvoiceAsync(app.SellerB, app.GermanBusiness, "Collect Euros", "0.40", 300);

        foreach (var (buyer, invoice) in new[] { (app.IndianBuyer, indian), (app.GermanBusiness, german) })
        {
            var response = await app.PayAsync(buyer, invoice, new JsonObject { ["card"] = Card(GoodCard) }, Guid.NewGuid().ToString());
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            var payment = await response.ReadJsonAsync();
            Assert.Equal("succeeded", payment.GetProperty("status").GetString());
            Assert.True(payment.GetProperty("sandbox").GetBoolean());
            Assert.Equal("sandbox", payment.GetProperty("gateway").GetString());
            Assert.Equal("4242", payment.GetProperty("cardLast4").GetString());
            Assert.Equal(invoice.GetProperty("total").GetString(), payment.GetProperty("amount").GetString());
            Assert.Equal(invoice.GetProperty("currency").GetString(), payment.GetProperty("currency").GetString());
        }

        await app.DeliverOutboxAsync(_ct);

        foreach (var (buyer, invoice) in new[] { (app.IndianBuyer, indian), (app.GermanBusiness, german) })
        {
            var id = invoice.GetProperty("id").GetString();
            var paid = await (await app.ClientFor(app.Operator).GetAsync($"/api/v1/invoices/{id}", _ct)).ReadJsonAsync();
            Assert.Equal("paid", paid.GetProperty("status").GetString());
            var lines = (await app.LedgerEntryAsync("payment:invoice:" + id)).GetProperty("lines").EnumerateArray().ToList();
            var currency = invoice.GetProperty("currency").GetString()!;
            Assert.Equal(invoice.GetProperty("total").GetString(), Amount(lines, "cash-clearing", currency, "debit"));
            Assert.Equal(invoice.GetProperty("total").GetString(), Amount(lines, "buyer-receivable", currency, "credit"));
            var receivable = (await app.TrialBalanceAsync()).GetProperty("accounts").EnumerateArray()
                .Single(a => a.GetProperty("account").GetString() == "buyer-receivable" && a.GetProperty("subject").GetString() == buyer.Organisation.Id.ToString());
            Assert.Equal(0m, decimal.Parse(receivable.GetProperty("balance").GetString()!, CultureInfo.InvariantCulture));
        }

        var balance = await app.TrialBalanceAsync();
        var currencies = balance.GetProperty("currencies").EnumerateArray().ToList();
        Assert.Contains(currencies, c => c.GetProperty("currency").GetString() == "INR");
        Assert.Contains(currencies, c => c.GetProperty("currency").GetString() == "EUR");
        Assert.All(currencies, c => Assert.Equal(c.GetProperty("debits").GetString(), c.GetProperty("credits").GetString()));
    }

    [Fact]
    public async Task A_retry_with_the_same_idempotency_key_returns_the_first_payment_and_never_charges_twice()
    {
        var invoice = await app.FinalizedInvoiceAsync(app.SellerA, app.UsBuyer, "Collect Twice", "1.50", 40);
        var id = invoice.GetProperty("id").GetString();
        var saved = await (await app.ClientFor(app.UsBuyer).PostAsync("/api/v1/payment-methods", Body(Card(GoodCard)), _ct)).ReadJsonAsync();
        var body = new JsonObject { ["paymentMethodId"] = saved.GetProperty("id").GetString() };

        // Above the open amount is refused before anything is charged.
        var tooMuch = new JsonObject { ["paymentMethodId"] = saved.GetProperty("id").GetString(), ["amount"] = new JsonObject { ["amount"] = "999999.00", ["currency"] = "USD" } };
        await (await app.PayAsync(app.UsBuyer, invoice, tooMuch, "too-much")).AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "payment-exceeds-open-amount");

        var first = await (await app.PayAsync(app.UsBuyer, invoice, body, "pay-once")).ReadJsonAsync();
        var second = await app.PayAsync(app.UsBuyer, invoice, body, "pay-once");
        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        Assert.Equal(first.GetProperty("id").GetString(), (await second.ReadJsonAsync()).GetProperty("id").GetString());

        // The same request under the module's key alone (the HTTP replay cache bypassed) still finds the first attempt.
        var direct = await app.WithScopeAsync(s => s.GetRequiredService<Contracts.Payments.ICollectionsCommands>().PayInvoiceAsync(
            new Contracts.Payments.PayInvoiceRequest(InvoiceId.Parse(id!), PaymentMethodId.Parse(saved.GetProperty("id").GetString()!), null, null, "pay-once"),
            new Contracts.Payments.CollectionsCaller(app.UsBuyer.Organisation.Id, Roles.Buyer, "test"),
            _ct));
        Assert.Equal(first.GetProperty("id").GetString(), direct.Id.ToString());

        // A new key on the paid invoice is refused: a payment never exceeds what is open.
        await (await app.PayAsync(app.UsBuyer, invoice, body, "pay-again")).AssertProblemAsync(HttpStatusCode.Conflict, "invoice-not-payable");

        var listed = await (await app.ClientFor(app.UsBuyer).GetAsync($"/api/v1/payments?invoice={id}", _ct)).ReadJsonAsync();
        Assert.Equal(1, listed.GetProperty("totalCount").GetInt32());
        await app.DeliverOutboxAsync(_ct);
        var entries = await (await app.ClientFor(app.Operator).GetAsync($"/api/v1/ledger/entries?source=payment:invoice:{id}", _ct)).ReadJsonAsync();
        Assert.Equal(1, entries.GetProperty("totalCount").GetInt32());
    }

    [Fact]
    public async Task A_credit_note_on_a_card_paid_invoice_refunds_the_card_once_and_posts_the_refund()
    {
        var invoice = await app.FinalizedInvoiceAsync(app.SellerB, app.EuroBuyer, "Collect Refund", "0.50", 200);
        var id = invoice.GetProperty("id").GetString();
        Assert.Equal(HttpStatusCode.Created, (await app.PayAsync(app.EuroBuyer, invoice, new JsonObject { ["card"] = Card(GoodCard) }, "refund-pay")).StatusCode);
        await app.DeliverOutboxAsync(_ct);

        var credit = await app.ClientFor(app.Operator).PostAsync(
            $"/api/v1/invoices/{id}/credit-notes",
            Body(new JsonObject { ["reason"] = "Service credit", ["lines"] = new JsonArray(new JsonObject { ["lineNumber"] = 1, ["amount"] = "10.00" }) }),
            _ct);
        Assert.Equal(HttpStatusCode.Created, credit.StatusCode);
        var note = await credit.ReadJsonAsync();
        var noteId = note.GetProperty("id").GetString()!;
        await app.DeliverOutboxAsync(_ct);

        var refunded = (-decimal.Parse(note.GetProperty("total").GetString()!, CultureInfo.InvariantCulture)).ToString("0.00", CultureInfo.InvariantCulture);
        var refund = Assert.Single((await (await app.ClientFor(app.Operator).GetAsync($"/api/v1/invoices/{id}/refunds", _ct)).ReadJsonAsync()).EnumerateArray().ToList());
        Assert.Equal("succeeded", refund.GetProperty("status").GetString());
        Assert.Equal(refunded, refund.GetProperty("amount").GetString());
        Assert.StartsWith("sb_re_", refund.GetProperty("gatewayReference").GetString(), StringComparison.Ordinal);

        var lines = (await app.LedgerEntryAsync("refund:credit-note:" + noteId)).GetProperty("lines").EnumerateArray().ToList();
        Assert.Equal(refunded, Amount(lines, "refunds", "EUR", "debit"));
        Assert.Equal(refunded, Amount(lines, "cash-clearing", "EUR", "credit"));

        // The outbox delivers at least once: the same credit note again refunds nothing more.
        await app.WithScopeAsync(async services =>
        {
            foreach (var consumer in services.GetServices<IIntegrationEventConsumer<InvoiceFinalized>>())
            {
                await consumer.ConsumeAsync(
                    new InvoiceFinalized(InvoiceId.Parse(noteId), InvoiceKind.CreditNote, note.GetProperty("number").GetString()!, app.EuroBuyer.Organisation.Id, "TWU",
                        Money.Zero(Currency.EUR), Money.Zero(Currency.EUR), Money.Zero(Currency.EUR), InvoiceId.Parse(id!), app.Clock.GetUtcNow()),
                    _ct);
            }

            return true;
        });
        Assert.Single((await (await app.ClientFor(app.Operator).GetAsync($"/api/v1/invoices/{id}/refunds", _ct)).ReadJsonAsync()).EnumerateArray().ToList());
        var payment = Assert.Single((await (await app.ClientFor(app.EuroBuyer).GetAsync($"/api/v1/payments?invoice={id}", _ct)).ReadJsonAsync()).GetProperty("items").EnumerateArray().ToList());
        Assert.Equal(refunded, payment.GetProperty("refunded").GetString());

        var balance = await app.TrialBalanceAsync();
        var owed = balance.GetProperty("accounts").EnumerateArray()
            .Single(a => a.GetProperty("account").GetString() == "refunds" && a.GetProperty("subject").GetString() == app.EuroBuyer.Organisation.Id.ToString());
        Assert.Equal(0m, decimal.Parse(owed.GetProperty("balance").GetString()!, CultureInfo.InvariantCulture));
        Assert.All(balance.GetProperty("currencies").EnumerateArray(), c => Assert.Equal(c.GetProperty("debits").GetString(), c.GetProperty("credits").GetString()));
    }

    [Fact]
    public async Task Buyers_pay_and_save_cards_the_operator_runs_dunning_and_others_are_refused()
    {
        await (await app.ClientFor(app.SellerA).PostAsync("/api/v1/payment-methods", Body(Card(GoodCard)), _ct)).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await app.ClientFor(app.SellerA).GetAsync("/api/v1/payments", _ct)).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await app.ClientFor(app.UsBuyer).PostAsync("/api/v1/dunning/run", Body(new JsonObject()), _ct)).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await app.ClientFor(app.Operator).PostAsync($"/api/v1/invoices/{Guid.NewGuid()}/payments", Body(new JsonObject { ["card"] = Card(GoodCard) }), _ct))
            .AssertProblemAsync(HttpStatusCode.Forbidden);

        // Another buyer's invoice does not exist for this buyer.
        var theirs = await app.FinalizedInvoiceAsync(app.SellerA, app.Buyer, "Collect Elsewhere", "1.00", 10);
        await (await app.PayAsync(app.UsBuyer, theirs, new JsonObject { ["card"] = Card(GoodCard) }, "not-mine")).AssertProblemAsync(HttpStatusCode.NotFound, "invoice-not-found");

        // A bad card number is a validation problem and nothing is saved.
        await (await app.ClientFor(app.UsBuyer).PostAsync("/api/v1/payment-methods", Body(Card("4242424242424241")), _ct)).AssertProblemAsync(HttpStatusCode.BadRequest);
        var gateway = await (await app.ClientFor(app.UsBuyer).GetAsync("/api/v1/payments/gateway", _ct)).ReadJsonAsync();
        Assert.True(gateway.GetProperty("sandbox").GetBoolean());
        Assert.Equal(4, gateway.GetProperty("testCards").GetArrayLength());

        var operatorView = await (await app.ClientFor(app.Operator).GetAsync("/api/v1/payments?pageSize=200", _ct)).ReadJsonAsync();
        var buyerView = await (await app.ClientFor(app.UsBuyer).GetAsync("/api/v1/payments?pageSize=200", _ct)).ReadJsonAsync();
        Assert.All(buyerView.GetProperty("items").EnumerateArray(), p => Assert.Equal(app.UsBuyer.Organisation.Id.ToString(), p.GetProperty("buyerId").GetString()));
        Assert.True(operatorView.GetProperty("totalCount").GetInt32() >= buyerView.GetProperty("totalCount").GetInt32());
    }

    [Fact]
    public async Task The_buyer_pays_on_the_portal_with_a_sandbox_test_card_after_a_decline_and_the_page_says_sandbox()
    {
        var invoice = await app.FinalizedInvoiceAsync(app.SellerB, app.UsBuyer, "Collect Portal", "3.00", 15);
        var id = invoice.GetProperty("id").GetString();
        var person = await app.CreatePersonAsync(app.UsBuyer, "payer@epsilon.example", "en");
        var client = await app.SignedInClientAsync(person.Email);

        var (shown, page) = await client.GetPageAsync($"/account/invoices/{id}/pay", _ct);
        Assert.Equal(HttpStatusCode.OK, shown.StatusCode);
        Assert.Contains("Sandbox", page.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("4000000000000002", page.QuerySelector(".sandbox-note")!.TextContent, StringComparison.Ordinal);

        var declined = await PostAsync(client, page, id!, "4000000000000002");
        Assert.Contains("declined", declined.QuerySelector(".payment-result.alert-error")!.TextContent, StringComparison.OrdinalIgnoreCase);

        var paid = await PostAsync(client, declined, id!, "4242424242424242");
        Assert.NotNull(paid.QuerySelector(".payment-result.alert-success"));
        var status = await (await app.ClientFor(app.Operator).GetAsync($"/api/v1/invoices/{id}", _ct)).ReadJsonAsync();
        Assert.Equal("paid", status.GetProperty("status").GetString());
        var (_, after) = await client.GetPageAsync($"/account/invoices/{id}/pay", _ct);
        Assert.Null(after.QuerySelector("form.form-stack button"));
    }

    private async Task<AngleSharp.Html.Dom.IHtmlDocument> PostAsync(HttpClient client, AngleSharp.Html.Dom.IHtmlDocument form, string id, string number)
    {
        var response = await client.PostAsync($"/account/invoices/{id}/pay", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = form.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!,
            ["Input.IdempotencyKey"] = form.QuerySelector("input[name='Input.IdempotencyKey']")!.GetAttribute("value")!,
            ["Input.PaymentMethodId"] = "",
            ["Input.Number"] = number,
            ["Input.ExpMonth"] = "12",
            ["Input.ExpYear"] = "2030",
            ["Input.Cvc"] = "123",
        }), _ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await new AngleSharp.Html.Parser.HtmlParser().ParseDocumentAsync(await response.Content.ReadAsStringAsync(_ct), _ct);
    }

    internal static JsonObject Card(string number) => new() { ["number"] = number, ["expMonth"] = 12, ["expYear"] = 2030, ["cvc"] = "123" };

    internal static string Amount(List<JsonElement> lines, string account, string currency, string side) =>
        lines.Single(l => l.GetProperty("account").GetString() == account && l.GetProperty("currency").GetString() == currency).GetProperty(side).GetString()!;
}

/// <summary>Helpers of the collections tests on a billing fixture.</summary>
internal static class CollectionsRequests
{
    /// <summary>Subscribes <paramref name="buyer"/> to a new usage plan, meters in the clock's month, bills the month and returns the finalized invoice.</summary>
    public static async Task<JsonElement> FinalizedInvoiceAsync(this BillingApp app, Tenant seller, Tenant buyer, string title, string unitPrice, long quantity)
    {
        var agreement = await app.SubscribeAsync(seller, buyer, title, UsagePlan("Usage", PerUnit(unitPrice)));
        var now = app.Clock.GetUtcNow();
        var month = new DateTimeOffset(now.Year, now.Month, 1, 0, 0, 0, TimeSpan.Zero);
        await app.MeterAsync(seller, agreement, ("requests", quantity, now));
        app.MoveTo(month.AddMonths(1).AddMinutes(10));
        await app.BillAsync(month.AddMonths(1));
        return (await app.InvoicesOfAsync(buyer, "invoice"))
            .Where(i => i.GetProperty("status").GetString() == "finalized" && i.GetProperty("lines").EnumerateArray().Any(l => l.GetProperty("agreementId").GetString() == agreement.GetProperty("id").GetString()))
            .Single();
    }

    public static Task<HttpResponseMessage> PayAsync(this TradewindApp app, Tenant buyer, JsonElement invoice, JsonObject body, string idempotencyKey)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/invoices/{invoice.GetProperty("id").GetString()}/payments") { Content = Body(body) };
        request.Headers.Add("Idempotency-Key", idempotencyKey);
        return app.ClientFor(buyer).SendAsync(request, CancellationToken.None);
    }

    public static async Task DeliverOutboxAsync(this TradewindApp app, CancellationToken cancellationToken)
    {
        var processor = app.Services.GetRequiredService<OutboxProcessor>();
        while (await processor.DispatchPendingAsync(cancellationToken) > 0)
        {
        }
    }

    public static async Task<JsonElement> LedgerEntryAsync(this TradewindApp app, string source)
    {
        var listed = await (await app.ClientFor(app.Operator).GetAsync($"/api/v1/ledger/entries?source={source}", CancellationToken.None)).ReadJsonAsync();
        var summary = Assert.Single(listed.GetProperty("items").EnumerateArray().ToList());
        return await (await app.ClientFor(app.Operator).GetAsync($"/api/v1/ledger/entries/{summary.GetProperty("id").GetString()}", CancellationToken.None)).ReadJsonAsync();
    }

    public static async Task<JsonElement> TrialBalanceAsync(this TradewindApp app)
    {
        var response = await app.ClientFor(app.Operator).GetAsync("/api/v1/ledger/trial-balance", CancellationToken.None);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.ReadJsonAsync();
    }
}
