using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Tradewind.Web.Tests.Infrastructure;
using static Tradewind.Web.Tests.Infrastructure.CatalogRequests;

namespace Tradewind.Web.Tests.Billing;

/// <summary>
/// One invoice per (buyer, issuing entity, currency, period) across runs, late usage that a run could not bill, negative
/// lines in the tax engine and partial credit notes in the liability report. Each test bills months of its own (the
/// clock only moves forward), so the tax liability of a run's day holds only that test's documents.
/// </summary>
public sealed class BillingCorrectionsTests(BillingApp app) : IClassFixture<BillingApp>
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    private DateTimeOffset Month => new(app.Clock.GetUtcNow().Year, app.Clock.GetUtcNow().Month, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_later_run_adds_its_lines_to_the_groups_draft_instead_of_drafting_a_second_invoice()
    {
        var agreement = await app.SubscribeAsync(app.SellerA, app.UsBuyer, "Growing Draft", UsagePlan("Usage", PerUnit("0.01")));
        var month = Month;
        await app.MeterAsync(app.SellerA, agreement, ("requests", 1000, month.AddDays(5)));
        var asOf = month.AddMonths(1);
        app.MoveTo(asOf.AddMinutes(5));
        var first = await app.BillAsync(asOf, finalize: false);
        var draft = Assert.Single(await InvoicesOfPeriodAsync(app.UsBuyer, month));

        // 300 more units for the month arrive while its invoice is still a draft; a second run bills them.
        await app.MeterAsync(app.SellerA, agreement, ("requests", 300, month.AddDays(6)));
        app.MoveTo(asOf.AddHours(2));
        var second = await app.BillAsync(asOf, finalize: false);

        AssertClean(first);
        AssertClean(second);
        Assert.Equal(1, second.GetProperty("lateUsageLines").GetInt32());
        var invoice = Assert.Single(await InvoicesOfPeriodAsync(app.UsBuyer, month));
        Assert.Equal(draft.GetProperty("id").GetString(), invoice.GetProperty("id").GetString());
        Assert.Equal("draft", invoice.GetProperty("status").GetString());
        var lines = invoice.GetProperty("lines").EnumerateArray().ToList();
        Assert.Equal([1, 2], lines.Select(l => l.GetProperty("lineNumber").GetInt32()));
        Assert.Equal(("usage", "10.00"), (lines[0].GetProperty("kind").GetString(), lines[0].GetProperty("amount").GetString()));
        Assert.Equal(("late_usage", "3.00"), (lines[1].GetProperty("kind").GetString(), lines[1].GetProperty("amount").GetString()));
        Assert.Equal(draft.GetProperty("lines")[0].GetRawText(), lines[0].GetRawText());
        Assert.Equal("13.00", invoice.GetProperty("subtotal").GetString());
        BillingApiTests.AssertTotals(invoice);

        // Finalizing the grown draft commits its latest quote: the liability holds the tax of both lines.
        var finalized = await (await app.ClientFor(app.Operator).PostAsync($"/api/v1/invoices/{invoice.GetProperty("id").GetString()}/finalize", null, _ct)).ReadJsonAsync();
        Assert.Equal("finalized", finalized.GetProperty("status").GetString());
        Assert.Equal(invoice.GetProperty("total").GetString(), finalized.GetProperty("total").GetString());
    }

    [Fact]
    public async Task Late_usage_for_an_issued_period_waits_for_the_next_invoice_and_is_billed_there_even_after_a_run_that_could_not_bill_it()
    {
        var agreement = await app.SubscribeAsync(app.SellerB, app.UsBuyer, "Waiting Late", UsagePlan("Usage", PerUnit("0.01")));
        var month = Month;
        await app.MeterAsync(app.SellerB, agreement, ("requests", 1000, month.AddDays(5)));
        var asOf = month.AddMonths(1);
        app.MoveTo(asOf.AddMinutes(5));
        AssertClean(await app.BillAsync(asOf));
        var issued = Assert.Single(await InvoicesOfPeriodAsync(app.UsBuyer, month));

        // 200 more units arrive after the month's invoice was issued; a run later that day still bills up to that month.
        await app.MeterAsync(app.SellerB, agreement, ("requests", 200, month.AddDays(6)));
        app.MoveTo(asOf.AddHours(3));
        var sameMonth = await app.BillAsync(asOf);

        AssertClean(sameMonth);
        Assert.Equal(0, sameMonth.GetProperty("invoicesDrafted").GetInt32());
        var stillOne = Assert.Single(await InvoicesOfPeriodAsync(app.UsBuyer, month));
        Assert.Equal(issued.GetRawText(), stillOne.GetRawText());

        // A month later, the late units are on the next period's invoice, as a difference for their own month.
        var next = asOf;
        var asOfNext = next.AddMonths(1);
        app.MoveTo(asOfNext.AddMinutes(5));
        var nextRun = await app.BillAsync(asOfNext);

        AssertClean(nextRun);
        var nextInvoice = Assert.Single(await InvoicesOfPeriodAsync(app.UsBuyer, next));
        var late = Assert.Single(nextInvoice.GetProperty("lines").EnumerateArray(), l => l.GetProperty("agreementId").GetString() == agreement.GetProperty("id").GetString());
        Assert.Equal(("late_usage", "2.00", 200m), (late.GetProperty("kind").GetString(), late.GetProperty("amount").GetString(), late.GetProperty("quantity").GetDecimal()));
        Assert.Equal(month, late.GetProperty("serviceStart").GetDateTimeOffset());
        Assert.Single(await InvoicesOfPeriodAsync(app.UsBuyer, month));
        BillingApiTests.AssertTotals(nextInvoice);
    }

    [Fact]
    public async Task A_negative_late_usage_line_is_taxed_with_its_sign_once_per_rate_in_japan_and_nets_in_the_liability()
    {
        var agreement = await app.SubscribeAsync(app.SellerA, app.Buyer, "Volume Refund", UsagePlan("Volume", Tiered("volume", (0, 1000, "0.01"), (1000, null, "0.008"))));
        var month = Month;
        await app.MeterAsync(app.SellerA, agreement, ("requests", 1000, month.AddDays(5)));
        var asOf = month.AddMonths(1);
        app.MoveTo(asOf.AddMinutes(5));
        AssertClean(await app.BillAsync(asOf));

        // One late unit moves the month into the cheaper tier: 1,001 × 0.008 = 8.008, 1.992 less than the 10.00 billed.
        await app.MeterAsync(app.SellerA, agreement, ("requests", 1, month.AddDays(6)), ("requests", 5000, asOf.AddDays(3)));
        var asOfNext = asOf.AddMonths(1);
        app.MoveTo(asOfNext.AddMinutes(5));
        AssertClean(await app.BillAsync(asOfNext));

        var invoice = Assert.Single(await InvoicesOfPeriodAsync(app.Buyer, asOf));
        var lines = invoice.GetProperty("lines").EnumerateArray().ToList();
        var usage = Assert.Single(lines, l => l.GetProperty("kind").GetString() == "usage");
        var late = Assert.Single(lines, l => l.GetProperty("kind").GetString() == "late_usage");
        Assert.Equal("40.00", usage.GetProperty("amount").GetString());
        Assert.Equal("-1.99", late.GetProperty("amount").GetString());
        // Japan: one rounding per rate over the signed sum, 38.01 × 10 % = 3.801 → 3.80, split 4.00 and −0.20.
        Assert.Equal(0.1m, late.GetProperty("tax").GetProperty("rate").GetDecimal());
        Assert.Equal("3.80", invoice.GetProperty("totalTax").GetString());
        Assert.Equal("4.00", usage.GetProperty("totalTax").GetString());
        Assert.Equal("-0.20", late.GetProperty("totalTax").GetString());
        BillingApiTests.AssertTotals(invoice);

        // The liability of the invoice's day, in yen at 150 per dollar: 4.00 → 600 and −0.20 → −30.
        var row = Assert.Single(await LiabilityAsync("JP", DateOnly.FromDateTime(asOfNext.UtcDateTime)));
        Assert.Equal("570", row.GetProperty("taxCollected").GetString());
    }

    [Fact]
    public async Task Partial_credit_notes_reduce_the_tax_liability_by_exactly_the_credited_tax_and_a_retry_changes_nothing()
    {
        var agreement = await app.SubscribeAsync(app.SellerB, app.Buyer, "Partly Credited", UsagePlan("Usage", PerUnit("0.10")));
        var month = Month;
        await app.MeterAsync(app.SellerB, agreement, ("requests", 1000, month.AddDays(5)));
        var asOf = month.AddMonths(1);
        app.MoveTo(asOf.AddMinutes(5));
        AssertClean(await app.BillAsync(asOf));
        var invoice = Assert.Single(await InvoicesOfPeriodAsync(app.Buyer, month));
        var id = invoice.GetProperty("id").GetString()!;
        var day = DateOnly.FromDateTime(asOf.UtcDateTime);
        // 1,000 × 0.10 = 100.00 USD with 10 % consumption tax; the liability is in yen at 150 per dollar.
        Assert.Equal(("100.00", "10.00"), (invoice.GetProperty("subtotal").GetString(), invoice.GetProperty("totalTax").GetString()));
        var before = Assert.Single(await LiabilityAsync("JP", day));
        Assert.Equal(("15000", "1500"), (before.GetProperty("taxableAmount").GetString(), before.GetProperty("taxCollected").GetString()));

        var partial = await CreditAsync(id, new JsonObject { ["reason"] = "Outage", ["lines"] = new JsonArray(new JsonObject { ["lineNumber"] = 1, ["amount"] = "25.00" }) }, "partial");
        Assert.Equal(("-25.00", "-2.50"), (partial.GetProperty("subtotal").GetString(), partial.GetProperty("totalTax").GetString()));
        var afterPartial = Assert.Single(await LiabilityAsync("JP", day));
        Assert.Equal(("11250", "1125"), (afterPartial.GetProperty("taxableAmount").GetString(), afterPartial.GetProperty("taxCollected").GetString()));

        var retried = await CreditAsync(id, new JsonObject { ["reason"] = "Outage", ["lines"] = new JsonArray(new JsonObject { ["lineNumber"] = 1, ["amount"] = "25.00" }) }, "partial");
        Assert.Equal(partial.GetProperty("id").GetString(), retried.GetProperty("id").GetString());
        Assert.Equal(afterPartial.GetRawText(), Assert.Single(await LiabilityAsync("JP", day)).GetRawText());

        var rest = await CreditAsync(id, new JsonObject { ["reason"] = "Cancelled" }, "rest");
        Assert.Equal(("-75.00", "-7.50"), (rest.GetProperty("subtotal").GetString(), rest.GetProperty("totalTax").GetString()));
        var afterAll = Assert.Single(await LiabilityAsync("JP", day));
        Assert.Equal(("0", "0"), (afterAll.GetProperty("taxableAmount").GetString(), afterAll.GetProperty("taxCollected").GetString()));
        Assert.Equal("void", (await (await app.ClientFor(app.Operator).GetAsync($"/api/v1/invoices/{id}", _ct)).ReadJsonAsync()).GetProperty("status").GetString());
    }

    private static void AssertClean(JsonElement run) =>
        Assert.True(run.GetProperty("status").GetString() == "completed" && run.GetProperty("errors").GetArrayLength() == 0, run.ToString());

    /// <summary>The buyer's invoices (not credit notes) for the period starting at <paramref name="periodStart"/>.</summary>
    private async Task<IReadOnlyList<JsonElement>> InvoicesOfPeriodAsync(Tenant buyer, DateTimeOffset periodStart) =>
        (await app.InvoicesOfAsync(buyer, "invoice")).Where(i => i.GetProperty("periodStart").GetDateTimeOffset() == periodStart).ToList();

    /// <summary>The liability rows of <paramref name="entity"/> for tax dates on <paramref name="day"/>.</summary>
    private async Task<IReadOnlyList<JsonElement>> LiabilityAsync(string entity, DateOnly day)
    {
        var response = await app.ClientFor(app.Operator).GetAsync(
            string.Create(CultureInfo.InvariantCulture, $"/api/v1/tax/liability?entity={entity}&from={day:yyyy-MM-dd}&to={day.AddDays(1):yyyy-MM-dd}"), _ct);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync(_ct));
        return (await response.ReadJsonAsync()).GetProperty("rows").EnumerateArray().ToList();
    }

    private async Task<JsonElement> CreditAsync(string id, JsonObject body, string key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/invoices/{id}/credit-notes") { Content = Body(body) };
        request.Headers.Add("Idempotency-Key", key + "-" + id);
        var response = await app.ClientFor(app.Operator).SendAsync(request, _ct);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync(_ct));
        return await response.ReadJsonAsync();
    }
}
