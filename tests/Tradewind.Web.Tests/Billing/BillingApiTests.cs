using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Tradewind.Billing.Invoices;
using Tradewind.Contracts.Billing;
using Tradewind.Persistence;
using Tradewind.Primitives.Ids;
using Tradewind.Web.Tests.Infrastructure;
using static Tradewind.Web.Tests.Infrastructure.CatalogRequests;

namespace Tradewind.Web.Tests.Billing;

/// <summary>
/// Billing runs, the invoice lifecycle, credit notes and who may see what. Each test meters in the clock's current month
/// and bills as of the next month's start, so tests are independent of their order.
/// </summary>
public sealed partial class BillingApiTests(BillingApp app) : IClassFixture<BillingApp>
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    private DateTimeOffset MonthStart => new(app.Clock.GetUtcNow().Year, app.Clock.GetUtcNow().Month, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_run_drafts_and_finalizes_an_invoice_whose_total_is_its_lines_plus_tax_and_a_rerun_bills_nothing_again()
    {
        var agreement = await app.SubscribeAsync(app.SellerA, app.UsBuyer, "Billed Logs", UsagePlan("Usage", PerUnit("0.0125")));
        var month = MonthStart;
        await app.MeterAsync(app.SellerA, agreement, ("requests", 1000, month.AddDays(10)), ("requests", 234, month.AddDays(20)));
        var asOf = month.AddMonths(1);
        app.MoveTo(asOf.AddMinutes(10));

        var run = await app.BillAsync(asOf);
        var again = await app.BillAsync(asOf);

        Assert.Equal("completed", run.GetProperty("status").GetString());
        Assert.True(run.GetProperty("invoicesFinalized").GetInt32() >= 1);
        Assert.Equal(0, again.GetProperty("invoicesDrafted").GetInt32());
        var invoice = Assert.Single(await LinesOfAsync(app.UsBuyer, agreement));
        var line = Assert.Single(invoice.Lines);
        // 1,234 × 0.0125 = 15.425 → 15.43 (rounded once, half away from zero).
        Assert.Equal("15.43", line.GetProperty("amount").GetString());
        Assert.Equal(1234m, line.GetProperty("quantity").GetDecimal());
        Assert.Equal("finalized", invoice.Document.GetProperty("status").GetString());
        Assert.Matches(NumberPattern(), invoice.Document.GetProperty("number").GetString()!);
        AssertTotals(invoice.Document);
    }

    [Fact]
    public async Task A_run_finalizes_one_entitys_invoices_in_one_batch_with_consecutive_numbers()
    {
        var first = await app.SubscribeAsync(app.SellerA, app.UsBuyer, "Batch Numbered Logs", UsagePlan("Usage", PerUnit("0.02")));
        var second = await app.SubscribeAsync(app.SellerA, app.EuroBuyer, "Batch Numbered Traces", UsagePlan("Usage", PerUnit("0.03")));
        var month = MonthStart;
        await app.MeterAsync(app.SellerA, first, ("requests", 500, month.AddDays(4)));
        await app.MeterAsync(app.SellerA, second, ("requests", 700, month.AddDays(6)));
        var asOf = month.AddMonths(1);
        app.MoveTo(asOf.AddMinutes(20));

        var run = await app.BillAsync(asOf);

        Assert.True(run.GetProperty("errors").GetArrayLength() == 0, run.ToString());
        var runId = BillingRunId.Parse(run.GetProperty("id").GetString()!);
        var numbers = await app.WithScopeAsync(sp => Task.FromResult(sp.GetRequiredService<TradewindDbContext>().Set<Invoice>()
            .Where(i => i.RunId == runId && i.IssuerEntityCode == "US").Select(i => i.Number!).AsEnumerable().ToList()));
        // Both buyers are served by the US entity: at least these two invoices share the run's batch for that series.
        Assert.True(numbers.Count >= 2, string.Join(", ", numbers));
        Assert.All(numbers, n => Assert.StartsWith($"US-{app.Clock.GetUtcNow().Year}-", n, StringComparison.Ordinal));
        var sequence = numbers.Select(n => long.Parse(n[^6..], CultureInfo.InvariantCulture)).Order().ToList();
        Assert.Equal(Enumerable.Range((int)sequence[0], sequence.Count).Select(n => (long)n), sequence);
        // 500 × 0.02 USD = 10.00 USD; the EUR buyer's document has its one line too.
        Assert.Equal("10.00", Assert.Single(Assert.Single(await LinesOfAsync(app.UsBuyer, first)).Lines).GetProperty("amount").GetString());
        Assert.Single(Assert.Single(await LinesOfAsync(app.EuroBuyer, second)).Lines);
    }

    [Fact]
    public async Task Two_runs_at_once_bill_a_period_once()
    {
        var agreement = await app.SubscribeAsync(app.SellerB, app.IndianBuyer, "Concurrent Shield", UsagePlan("Usage", PerUnit("0.10")));
        var month = MonthStart;
        await app.MeterAsync(app.SellerB, agreement, ("requests", 50, month.AddDays(3)));
        var asOf = month.AddMonths(1);
        app.MoveTo(asOf.AddMinutes(5));

        var runs = await Task.WhenAll(app.BillAsync(asOf), app.BillAsync(asOf));

        Assert.All(runs, r => Assert.True(r.GetProperty("status").GetString() == "completed" && r.GetProperty("errors").GetArrayLength() == 0, r.ToString()));
        var invoice = Assert.Single(await LinesOfAsync(app.IndianBuyer, agreement));
        // 50 × 0.10 USD = 5 USD, invoiced in the buyer's INR at 92.40 / 1.10 = 84.
        Assert.Equal("420.00", Assert.Single(invoice.Lines).GetProperty("amount").GetString());
        Assert.Equal("INR", invoice.Document.GetProperty("currency").GetString());
        Assert.Equal(84m, invoice.Document.GetProperty("conversion").GetProperty("rate").GetDecimal());
    }

    [Fact]
    public async Task The_same_idempotency_key_answers_the_first_run()
    {
        var asOf = MonthStart;

        var first = await app.BillAsync(asOf, idempotencyKey: "run-" + asOf.ToString("yyyyMM", CultureInfo.InvariantCulture));
        var second = await app.BillAsync(asOf, idempotencyKey: "run-" + asOf.ToString("yyyyMM", CultureInfo.InvariantCulture));

        Assert.Equal(first.GetProperty("id").GetString(), second.GetProperty("id").GetString());
        var listed = await (await app.ClientFor(app.Operator).GetAsync($"/api/v1/billing-runs/{first.GetProperty("id").GetString()}", _ct)).ReadJsonAsync();
        Assert.Equal(first.GetProperty("asOf").GetDateTimeOffset(), listed.GetProperty("asOf").GetDateTimeOffset());
    }

    [Fact]
    public async Task A_run_as_of_a_future_instant_or_without_a_date_is_refused()
    {
        var client = app.ClientFor(app.Operator);

        var future = await client.PostAsync("/api/v1/billing-runs", Body(new JsonObject { ["asOf"] = app.Clock.GetUtcNow().AddDays(2).ToString("O") }), _ct);
        var missing = await client.PostAsync("/api/v1/billing-runs", Body(new JsonObject { ["finalize"] = true }), _ct);

        var problem = await future.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("asOf", out _));
        await missing.AssertProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Concurrent_finalizations_take_consecutive_numbers_without_gaps_or_repeats()
    {
        var drafts = await DraftsAsync(20, "KR");

        var responses = await Task.WhenAll(drafts.Select(id => app.ClientFor(app.Operator).PostAsync($"/api/v1/invoices/{id}/finalize", null, _ct)));

        var numbers = new List<long>();
        foreach (var response in responses)
        {
            Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync(_ct));
            var number = (await response.ReadJsonAsync()).GetProperty("number").GetString()!;
            Assert.StartsWith($"KR-{app.Clock.GetUtcNow().Year}-", number, StringComparison.Ordinal);
            numbers.Add(long.Parse(number[^6..], CultureInfo.InvariantCulture));
        }

        numbers.Sort();
        Assert.Equal(Enumerable.Range((int)numbers[0], 20).Select(n => (long)n), numbers);
    }

    [Fact]
    public async Task A_finalized_invoice_cannot_be_finalized_or_changed_again()
    {
        var id = (await DraftsAsync(1, "AU")).Single();
        var client = app.ClientFor(app.Operator);
        var finalized = await (await client.PostAsync($"/api/v1/invoices/{id}/finalize", null, _ct)).ReadJsonAsync();

        var again = await client.PostAsync($"/api/v1/invoices/{id}/finalize", null, _ct);
        var change = await Assert.ThrowsAsync<Contracts.DomainException>(() => app.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<TradewindDbContext>();
            var invoice = db.Set<Invoice>().Where(i => i.Id == new InvoiceId(id)).AsEnumerable().Single();
            invoice.Recalculate();
            return await db.SaveChangesAsync(_ct);
        }));

        await again.AssertProblemAsync(HttpStatusCode.Conflict, "invoice-not-draft");
        Assert.Equal("invoice-immutable", change.Code);
        var reread = await (await client.GetAsync($"/api/v1/invoices/{id}", _ct)).ReadJsonAsync();
        Assert.Equal(finalized.GetProperty("number").GetString(), reread.GetProperty("number").GetString());
        Assert.Equal(finalized.GetProperty("total").GetString(), reread.GetProperty("total").GetString());
    }

    [Fact]
    public async Task A_credit_note_credits_up_to_what_is_left_with_its_own_series_and_reversed_tax()
    {
        var id = (await DraftsAsync(1, "AU", amountMinor: 10_000, taxMinor: 1_000)).Single();
        var client = app.ClientFor(app.Operator);
        var invoice = await (await client.PostAsync($"/api/v1/invoices/{id}/finalize", null, _ct)).ReadJsonAsync();

        var partial = await CreditAsync(id, new JsonObject { ["reason"] = "Outage credit", ["lines"] = new JsonArray(new JsonObject { ["lineNumber"] = 1, ["amount"] = "25.00" }) }, "cn-partial");
        var replay = await CreditAsync(id, new JsonObject { ["reason"] = "Outage credit", ["lines"] = new JsonArray(new JsonObject { ["lineNumber"] = 1, ["amount"] = "25.00" }) }, "cn-partial");
        var tooMuch = await client.PostAsync($"/api/v1/invoices/{id}/credit-notes",
            Body(new JsonObject { ["reason"] = "Too much", ["lines"] = new JsonArray(new JsonObject { ["lineNumber"] = 1, ["amount"] = "75.01" }) }), _ct);
        var rest = await CreditAsync(id, new JsonObject { ["reason"] = "Cancelled" }, "cn-rest");

        Assert.Equal(HttpStatusCode.Created, partial.Status);
        Assert.Equal(partial.Body.GetProperty("id").GetString(), replay.Body.GetProperty("id").GetString());
        Assert.Equal("credit_note", partial.Body.GetProperty("kind").GetString());
        Assert.Matches(new Regex(@"^AU-CN-\d{4}-\d{6}$"), partial.Body.GetProperty("number").GetString()!);
        Assert.Equal(invoice.GetProperty("number").GetString(), partial.Body.GetProperty("correctsInvoiceNumber").GetString());
        Assert.Equal("-25.00", partial.Body.GetProperty("subtotal").GetString());
        Assert.Equal("-2.50", partial.Body.GetProperty("totalTax").GetString());
        Assert.Contains(InvoiceLegends.CorrectsInvoice, partial.Body.GetProperty("legends").EnumerateArray().Select(l => l.GetString()));
        await tooMuch.AssertProblemAsync(HttpStatusCode.Conflict, "credit-exceeds-remaining");
        Assert.Equal("-75.00", rest.Body.GetProperty("subtotal").GetString());
        Assert.Equal("-7.50", rest.Body.GetProperty("totalTax").GetString());
        AssertTotals(partial.Body);
        AssertTotals(rest.Body);
        var voided = await (await client.GetAsync($"/api/v1/invoices/{id}", _ct)).ReadJsonAsync();
        Assert.Equal("void", voided.GetProperty("status").GetString());
        var nothingLeft = await client.PostAsync($"/api/v1/invoices/{id}/credit-notes", Body(new JsonObject { ["reason"] = "Again" }), _ct);
        await nothingLeft.AssertProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Marking_paid_then_voiding_is_refused_and_voiding_an_unpaid_invoice_issues_a_full_credit_note()
    {
        var ids = await DraftsAsync(2, "AU");
        var client = app.ClientFor(app.Operator);
        foreach (var id in ids)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.PostAsync($"/api/v1/invoices/{id}/finalize", null, _ct)).StatusCode);
        }

        var paid = await (await client.PostAsync($"/api/v1/invoices/{ids[0]}/mark-paid", Body(new JsonObject()), _ct)).ReadJsonAsync();
        var voidPaid = await client.PostAsync($"/api/v1/invoices/{ids[0]}/void", Body(new JsonObject { ["reason"] = "Mistake" }), _ct);
        var voided = await (await client.PostAsync($"/api/v1/invoices/{ids[1]}/void", Body(new JsonObject { ["reason"] = "Sent twice" }), _ct)).ReadJsonAsync();
        var unknown = await client.PostAsync($"/api/v1/invoices/{Guid.CreateVersion7()}/finalize", null, _ct);
        var noReason = await client.PostAsync($"/api/v1/invoices/{ids[1]}/void", Body(new JsonObject()), _ct);

        Assert.Equal("paid", paid.GetProperty("status").GetString());
        await voidPaid.AssertProblemAsync(HttpStatusCode.Conflict, "invoice-not-voidable");
        Assert.Equal("void", voided.GetProperty("status").GetString());
        var corrected = new InvoiceId(ids[1]);
        var note = await app.WithScopeAsync(sp => Task.FromResult(sp.GetRequiredService<TradewindDbContext>().Set<Invoice>().Where(i => i.CorrectsInvoiceId == corrected).AsEnumerable().Single()));
        Assert.Equal(-long.Parse(voided.GetProperty("total").GetString()!.Replace(".", "", StringComparison.Ordinal), CultureInfo.InvariantCulture), note.TotalMinor);
        Assert.StartsWith("AU-CN-", note.Number!, StringComparison.Ordinal);
        await unknown.AssertProblemAsync(HttpStatusCode.NotFound, "invoice-not-found");
        await noReason.AssertProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_seller_sees_only_its_own_lines_and_a_buyer_only_its_own_documents()
    {
        var alpha = await app.SubscribeAsync(app.SellerA, app.GermanBusiness, "Shared Alpha", UsagePlan("Usage", PerUnit("0.01")));
        var beta = await app.SubscribeAsync(app.SellerB, app.GermanBusiness, "Shared Beta", UsagePlan("Usage", PerUnit("0.02")));
        var month = MonthStart;
        await app.MeterAsync(app.SellerA, alpha, ("requests", 100, month.AddDays(5)));
        await app.MeterAsync(app.SellerB, beta, ("requests", 100, month.AddDays(6)));
        var asOf = month.AddMonths(1);
        app.MoveTo(asOf.AddMinutes(1));
        await app.BillAsync(asOf);
        var invoice = Assert.Single((await LinesOfAsync(app.GermanBusiness, alpha)));
        var id = invoice.Document.GetProperty("id").GetString();

        var asSellerA = await (await app.ClientFor(app.SellerA).GetAsync($"/api/v1/invoices/{id}", _ct)).ReadJsonAsync();
        var asBuyer = await app.ClientFor(app.GermanBusiness).GetAsync($"/api/v1/invoices/{id}", _ct);
        var asOtherBuyer = await app.ClientFor(app.Buyer).GetAsync($"/api/v1/invoices/{id}", _ct);
        var sellerPdf = await app.ClientFor(app.SellerA).GetAsync($"/api/v1/invoices/{id}/pdf", _ct);
        var buyerList = await (await app.ClientFor(app.Buyer).GetAsync("/api/v1/invoices?pageSize=100", _ct)).ReadJsonAsync();

        Assert.True(invoice.Document.GetProperty("lines").GetArrayLength() >= 2);
        var own = Assert.Single(asSellerA.GetProperty("lines").EnumerateArray());
        Assert.Equal(alpha.GetProperty("id").GetString(), own.GetProperty("agreementId").GetString());
        Assert.Equal(own.GetProperty("amount").GetString(), asSellerA.GetProperty("subtotal").GetString());
        Assert.Equal(HttpStatusCode.OK, asBuyer.StatusCode);
        await asOtherBuyer.AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.Forbidden, sellerPdf.StatusCode);
        Assert.DoesNotContain(buyerList.GetProperty("items").EnumerateArray(), i => i.GetProperty("id").GetString() == id);
    }

    [Theory]
    [InlineData("POST", "/api/v1/billing-runs")]
    [InlineData("GET", "/api/v1/billing-runs")]
    [InlineData("GET", "/api/v1/billing-runs/{id}")]
    [InlineData("POST", "/api/v1/invoices/{id}/finalize")]
    [InlineData("POST", "/api/v1/invoices/{id}/mark-paid")]
    [InlineData("POST", "/api/v1/invoices/{id}/void")]
    [InlineData("POST", "/api/v1/invoices/{id}/credit-notes")]
    public async Task Operator_endpoints_refuse_sellers_and_buyers_and_anonymous_callers(string method, string path)
    {
        var url = path.Replace("{id}", Guid.CreateVersion7().ToString(), StringComparison.Ordinal);

        foreach (var tenant in new[] { app.SellerA, app.Buyer })
        {
            var response = await app.ClientFor(tenant).SendAsync(new HttpRequestMessage(new HttpMethod(method), url) { Content = Body(new JsonObject { ["reason"] = "x" }) }, _ct);
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        }

        var anonymous = await app.CreateClient().SendAsync(new HttpRequestMessage(new HttpMethod(method), url) { Content = Body(new JsonObject()) }, _ct);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
    }

    [Theory]
    [InlineData("/api/v1/invoices")]
    [InlineData("/api/v1/invoices/{id}")]
    [InlineData("/api/v1/invoices/{id}/pdf")]
    [InlineData("/api/v1/invoices/{id}/ubl")]
    [InlineData("/api/v1/invoices/{id}/html")]
    [InlineData("/api/v1/billed-revenue?from=2026-01-01&to=2027-01-01")]
    public async Task Invoice_reads_need_a_key(string path)
    {
        var response = await app.CreateClient().GetAsync(path.Replace("{id}", Guid.CreateVersion7().ToString(), StringComparison.Ordinal), _ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Only_sellers_read_billed_revenue_and_an_unknown_document_is_not_found_for_everyone()
    {
        var sellerReport = await app.ClientFor(app.SellerA).GetAsync("/api/v1/billed-revenue?from=2026-01-01&to=2028-01-01", _ct);
        var buyerReport = await app.ClientFor(app.Buyer).GetAsync("/api/v1/billed-revenue?from=2026-01-01&to=2028-01-01", _ct);
        var badRange = await app.ClientFor(app.SellerA).GetAsync("/api/v1/billed-revenue?from=2027-01-01&to=2026-01-01", _ct);
        var missing = Guid.CreateVersion7();

        Assert.Equal(HttpStatusCode.OK, sellerReport.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, buyerReport.StatusCode);
        await badRange.AssertProblemAsync(HttpStatusCode.BadRequest);
        foreach (var tenant in new[] { app.Operator, app.SellerA, app.Buyer })
        {
            await (await app.ClientFor(tenant).GetAsync($"/api/v1/invoices/{missing}", _ct)).AssertProblemAsync(HttpStatusCode.NotFound, "invoice-not-found");
        }

        await (await app.ClientFor(app.Operator).GetAsync($"/api/v1/billing-runs/{missing}", _ct)).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    /// <summary>Every document total is the sum of its lines plus tax, and each line's total its amount plus tax.</summary>
    internal static void AssertTotals(JsonElement document)
    {
        var lines = document.GetProperty("lines").EnumerateArray().ToList();
        var subtotal = lines.Sum(l => decimal.Parse(l.GetProperty("amount").GetString()!, CultureInfo.InvariantCulture));
        var tax = lines.Sum(l => decimal.Parse(l.GetProperty("totalTax").GetString()!, CultureInfo.InvariantCulture));
        Assert.Equal(subtotal, decimal.Parse(document.GetProperty("subtotal").GetString()!, CultureInfo.InvariantCulture));
        Assert.Equal(tax, decimal.Parse(document.GetProperty("totalTax").GetString()!, CultureInfo.InvariantCulture));
        Assert.Equal(subtotal + tax, decimal.Parse(document.GetProperty("total").GetString()!, CultureInfo.InvariantCulture));
        foreach (var line in lines)
        {
            Assert.Equal(
                decimal.Parse(line.GetProperty("amount").GetString()!, CultureInfo.InvariantCulture) + decimal.Parse(line.GetProperty("totalTax").GetString()!, CultureInfo.InvariantCulture),
                decimal.Parse(line.GetProperty("total").GetString()!, CultureInfo.InvariantCulture));
        }
    }

    /// <summary>The buyer's invoices (not credit notes) that have lines of <paramref name="agreement"/>, with those lines.</summary>
    private async Task<IReadOnlyList<(JsonElement Document, IReadOnlyList<JsonElement> Lines)>> LinesOfAsync(Tenant buyer, JsonElement agreement)
    {
        var id = agreement.GetProperty("id").GetString();
        return (await app.InvoicesOfAsync(buyer, "invoice"))
            .Select(d => (d, (IReadOnlyList<JsonElement>)d.GetProperty("lines").EnumerateArray().Where(l => l.GetProperty("agreementId").GetString() == id).ToList()))
            .Where(x => x.Item2.Count > 0)
            .ToList();
    }

    private async Task<(HttpStatusCode Status, JsonElement Body)> CreditAsync(Guid id, JsonObject body, string key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/invoices/{id}/credit-notes") { Content = Body(body) };
        request.Headers.Add("Idempotency-Key", key + "-" + id);
        var response = await app.ClientFor(app.Operator).SendAsync(request, _ct);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync(_ct));
        return (response.StatusCode, await response.ReadJsonAsync());
    }

    /// <summary>Draft invoices written straight to the table (one line each), issued by <paramref name="entity"/>.</summary>
    private Task<IReadOnlyList<Guid>> DraftsAsync(int count, string entity, long amountMinor = 1_234, long taxMinor = 123) =>
        app.WithScopeAsync<IReadOnlyList<Guid>>(async sp =>
        {
            var db = sp.GetRequiredService<TradewindDbContext>();
            var ids = new List<Guid>();
            var now = app.Clock.GetUtcNow();
            for (var i = 0; i < count; i++)
            {
                var id = InvoiceId.New(app.Clock);
                var invoice = new Invoice
                {
                    Id = id,
                    Kind = InvoiceKind.Invoice,
                    BuyerId = app.Buyer.Organisation.Id,
                    BuyerName = app.Buyer.Organisation.Name,
                    BuyerCountry = "JP",
                    BuyerJson = InvoiceJson.Write(new InvoiceJson.StoredBuyer(app.Buyer.Organisation.Name, new Contracts.Accounts.PostalAddress("1", null, "Tokyo", null, null, "JP"), null, false, null)),
                    IssuerEntityCode = entity,
                    IssuerJson = InvoiceJson.Write(new InvoiceJson.StoredIssuer(entity, "Tradewind " + entity, new Contracts.Accounts.PostalAddress("1", null, "City", null, null, entity), [], null, "USD")),
                    Currency = "USD",
                    Language = "en",
                    PeriodStart = MonthStart.AddMonths(-1),
                    PeriodEnd = MonthStart,
                    PaymentReference = "TEST" + i.ToString(CultureInfo.InvariantCulture),
                    GroupKey = "test|" + id,
                    CreatedAt = now,
                    Lines =
                    [
                        new InvoiceLine
                        {
                            Id = Guid.CreateVersion7(),
                            InvoiceId = id,
                            LineNumber = 1,
                            Kind = InvoiceLineKind.Usage,
                            ProductTitle = "Test product",
                            Description = "Requests",
                            Quantity = 1,
                            Unit = "request",
                            UnitPrice = "12.34",
                            AmountMinor = amountMinor,
                            ExactAmount = amountMinor / 100m,
                            PlanCurrency = "USD",
                            ServiceStart = MonthStart.AddMonths(-1),
                            ServiceEnd = MonthStart,
                            TaxCode = "saas",
                            TaxJurisdiction = entity,
                            TaxType = "gst",
                            TaxRate = 0.1m,
                            TaxTreatment = "standard",
                            TaxCategory = "S",
                            TaxMinor = taxMinor,
                        },
                    ],
                };
                invoice.Recalculate();
                invoice.TaxSubtotalsJson = InvoiceJson.Write(InvoiceTaxes.Subtotals(invoice.Lines, Primitives.Money.Currency.USD, null, null));
                db.Add(invoice);
                ids.Add(id.Value);
            }

            await db.SaveChangesAsync(_ct);
            return ids;
        });

    [GeneratedRegex(@"^[A-Z]{2}-\d{4}-\d{6}$")]
    private static partial Regex NumberPattern();
}
