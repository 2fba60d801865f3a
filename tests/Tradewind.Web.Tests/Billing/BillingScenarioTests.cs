using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Tradewind.Contracts.Billing;
using Tradewind.Web.Tests.Infrastructure;
using static Tradewind.Web.Tests.Infrastructure.CatalogRequests;

namespace Tradewind.Web.Tests.Billing;

/// <summary>
/// Whole billing months driven by the fake clock, through the real rater, tax engine and exchange rates: each scenario
/// subscribes in the clock's current month, meters, moves to the next month and bills. Amounts are computed by hand in
/// each test; every document's total must equal its lines plus tax.
/// </summary>
public sealed class BillingScenarioTests(BillingApp app) : IClassFixture<BillingApp>
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    private DateTimeOffset Month => new(app.Clock.GetUtcNow().Year, app.Clock.GetUtcNow().Month, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Pay_as_you_go_with_a_free_tier_bills_only_the_units_beyond_it()
    {
        var plan = UsagePlan("PAYG", PerUnit("0.01"));
        plan["freeTier"] = new JsonArray(new JsonObject { ["dimension"] = "requests", ["unitsPerMonth"] = 1000 });
        var agreement = await app.SubscribeAsync(app.SellerA, app.UsBuyer, "Scenario PAYG", plan);
        var month = Month;
        await app.MeterAsync(app.SellerA, agreement, ("requests", 1200, month.AddDays(3)), ("requests", 1300, month.AddDays(17)));

        var (invoice, lines) = await BillAsync(app.UsBuyer, agreement, month);

        // 2,500 used − 1,000 free = 1,500 × 0.01 = 15.00 USD.
        var line = Assert.Single(lines);
        Assert.Equal("15.00", line.GetProperty("amount").GetString());
        Assert.Equal(1500m, line.GetProperty("quantity").GetDecimal());
        Assert.Contains(line.GetProperty("steps").EnumerateArray(), s => s.GetProperty("label").GetString() == "free_tier");
        Assert.Equal("USD", invoice.GetProperty("currency").GetString());
        Assert.Equal("US", invoice.GetProperty("issuer").GetProperty("entityCode").GetString());
    }

    [Fact]
    public async Task Graduated_and_volume_tiers_price_a_japanese_buyers_usage_and_the_invoice_is_a_qualified_invoice()
    {
        var graduated = UsagePlan("Graduated", Tiered("graduated", (0, 1000, "0.01"), (1000, null, "0.008")));
        graduated["freeTier"] = new JsonArray(new JsonObject { ["dimension"] = "requests", ["unitsPerMonth"] = 500 });
        var volume = UsagePlan("Volume", Tiered("volume", (0, 1000, "0.02"), (1000, 10000, "0.015"), (10000, null, "0.01")));
        var first = await app.SubscribeAsync(app.SellerA, app.Buyer, "Scenario Graduated", graduated);
        var second = await app.SubscribeAsync(app.SellerB, app.Buyer, "Scenario Volume", volume);
        var month = Month;
        await app.MeterAsync(app.SellerA, first, ("requests", 1500, month.AddDays(8)));
        await app.MeterAsync(app.SellerB, second, ("requests", 2000, month.AddDays(9)));

        var (invoice, graduatedLines) = await BillAsync(app.Buyer, first, month);

        // Graduated: free units first on the ladder, so 1,500 − 500 free bills units 501–1,000 at 0.01 (5.00) and
        // 1,001–1,500 at 0.008 (4.00) = 9.00. Volume: 2,000 falls in the 1,000–10,000 tier, 2,000 × 0.015 = 30.00.
        Assert.Equal("9.00", Assert.Single(graduatedLines).GetProperty("amount").GetString());
        var volumeLine = Assert.Single(invoice.GetProperty("lines").EnumerateArray(), l => l.GetProperty("agreementId").GetString() == second.GetProperty("id").GetString());
        Assert.Equal("30.00", volumeLine.GetProperty("amount").GetString());
        Assert.Equal("JP", invoice.GetProperty("issuer").GetProperty("entityCode").GetString());
        Assert.Contains(InvoiceLegends.JapanQualifiedInvoice, Legends(invoice));
    }

    [Fact]
    public async Task A_contract_in_monthly_installments_bills_its_installment_and_the_overage()
    {
        var agreement = await app.SubscribeAsync(app.SellerA, app.UsBuyer, "Scenario Contract", ContractPlan("Monthly", 12, "1200.00", 12, overage: true));
        var month = Month;
        await app.MeterAsync(app.SellerA, agreement, ("requests", 1_500_000, month.AddDays(20)));

        var (invoice, lines) = await BillAsync(app.UsBuyer, agreement, month);

        // Installment 1 of 12 × 100.00, due at acceptance; overage (1,500,000 − 1,000,000 entitled) × 0.001 = 500.00.
        var installment = Assert.Single(lines, l => l.GetProperty("kind").GetString() == "installment");
        Assert.Equal("100.00", installment.GetProperty("amount").GetString());
        var overage = Assert.Single(lines, l => l.GetProperty("kind").GetString() == "usage");
        Assert.Equal("500.00", overage.GetProperty("amount").GetString());

        var next = Month;
        var (_, nextLines) = await BillAsync(app.UsBuyer, agreement, next);
        Assert.Equal("100.00", Assert.Single(nextLines, l => l.GetProperty("kind").GetString() == "installment").GetProperty("amount").GetString());
        AssertTotals(invoice);
    }

    [Fact]
    public async Task A_mid_month_cancellation_prorates_the_monthly_installment_by_day()
    {
        var agreement = await app.SubscribeAsync(app.SellerB, app.UsBuyer, "Scenario Cancel", ContractPlan("Monthly", 12, "1200.00", 12, overage: false));
        var month = Month;
        var start = agreement.GetProperty("acceptedAt").GetDateTimeOffset();
        app.MoveTo(start.AddDays(15));
        var cancel = await app.ClientFor(app.UsBuyer).PostAsync($"/api/v1/agreements/{agreement.GetProperty("id").GetString()}/cancel", Body(new JsonObject { ["effective"] = "immediately" }), _ct);
        Assert.True(cancel.StatusCode == HttpStatusCode.OK, await cancel.Content.ReadAsStringAsync(_ct));

        var (_, lines) = await BillAsync(app.UsBuyer, agreement, month);

        // Installment 1 (100.00) pays for [start, start + 1 month); 15 of its days were served.
        var days = (start.AddMonths(1).UtcDateTime.Date - start.UtcDateTime.Date).Days;
        var expected = decimal.Round(100m * 15 / days, 2, MidpointRounding.AwayFromZero);
        var line = Assert.Single(lines);
        Assert.Equal(expected.ToString("0.00", CultureInfo.InvariantCulture), line.GetProperty("amount").GetString());
        Assert.Contains(line.GetProperty("steps").EnumerateArray(), s => s.GetProperty("label").GetString() == "proration");
    }

    [Fact]
    public async Task Late_usage_is_billed_on_the_next_invoice_and_the_issued_invoice_never_changes()
    {
        var agreement = await app.SubscribeAsync(app.SellerA, app.UsBuyer, "Scenario Late", UsagePlan("Usage", PerUnit("0.01")));
        var month = Month;
        await app.MeterAsync(app.SellerA, agreement, ("requests", 1000, month.AddDays(5)));
        var (first, firstLines) = await BillAsync(app.UsBuyer, agreement, month);
        var firstTotal = first.GetProperty("total").GetString();

        // 200 more units for the billed month arrive after its invoice.
        await app.MeterAsync(app.SellerA, agreement, ("requests", 200, month.AddDays(6)));
        var (second, secondLines) = await BillAsync(app.UsBuyer, agreement, Month);

        Assert.Equal("10.00", Assert.Single(firstLines).GetProperty("amount").GetString());
        var late = Assert.Single(secondLines, l => l.GetProperty("kind").GetString() == "late_usage");
        Assert.Equal("2.00", late.GetProperty("amount").GetString());
        Assert.Equal(month, late.GetProperty("serviceStart").GetDateTimeOffset());
        Assert.NotEqual(first.GetProperty("id").GetString(), second.GetProperty("id").GetString());
        var reread = await (await app.ClientFor(app.Operator).GetAsync($"/api/v1/invoices/{first.GetProperty("id").GetString()}", _ct)).ReadJsonAsync();
        Assert.Equal(firstTotal, reread.GetProperty("total").GetString());
        Assert.Equal(first.GetProperty("lines").GetArrayLength(), reread.GetProperty("lines").GetArrayLength());
        Assert.Single(reread.GetProperty("lines").EnumerateArray(), l => l.GetProperty("agreementId").GetString() == agreement.GetProperty("id").GetString());
    }

    [Fact]
    public async Task A_trial_that_converts_bills_only_the_usage_after_the_trial()
    {
        var plan = UsagePlan("Trial", PerUnit("0.0125"));
        plan["freeTrial"] = new JsonObject { ["days"] = 14, ["quotas"] = new JsonArray(new JsonObject { ["dimension"] = "requests", ["quantity"] = 10_000 }) };
        var agreement = await app.SubscribeAsync(app.SellerB, app.UsBuyer, "Scenario Trial", plan);
        var month = Month;
        var start = agreement.GetProperty("acceptedAt").GetDateTimeOffset();
        await app.MeterAsync(app.SellerB, agreement, ("requests", 8000, start.AddDays(2)), ("requests", 4000, start.AddDays(20)));
        var next = month.AddMonths(1);
        var lines = new List<JsonElement>();
        JsonElement? invoice = null;
        // The trial ends 14 days after acceptance; the paid usage may fall in the next month: bill both months.
        foreach (var period in new[] { month, next })
        {
            var found = await BillAsync(app.UsBuyer, agreement, period, allowNone: true);
            if (found is { } f)
            {
                lines.AddRange(f.Lines);
                invoice = f.Invoice;
            }
        }

        // The 8,000 trial units are within the 10,000 quota; the 4,000 after the trial × 0.0125 = 50.00.
        Assert.NotNull(invoice);
        Assert.Equal(50.00m, lines.Sum(l => decimal.Parse(l.GetProperty("amount").GetString()!, CultureInfo.InvariantCulture)));
        Assert.Equal(4000m, lines.Sum(l => l.GetProperty("quantity").GetDecimal()));
    }

    [Fact]
    public async Task A_usd_listing_is_invoiced_in_eur_at_the_recorded_rate_and_rounded_once_per_line()
    {
        var agreement = await app.SubscribeAsync(app.SellerA, app.EuroBuyer, "Scenario Euro", UsagePlan("Usage", PerUnit("0.05")));
        var month = Month;
        await app.MeterAsync(app.SellerA, agreement, ("requests", 2201, month.AddDays(12)));

        var (invoice, lines) = await BillAsync(app.EuroBuyer, agreement, month);

        // 2,201 × 0.05 = 110.05 USD × (1 / 1.10) = 100.0454545… → 100.05 EUR.
        Assert.Equal("EUR", invoice.GetProperty("currency").GetString());
        Assert.Equal("100.05", Assert.Single(lines).GetProperty("amount").GetString());
        var conversion = invoice.GetProperty("conversion");
        Assert.Equal("USD", conversion.GetProperty("fromCurrency").GetString());
        Assert.Equal("EUR", conversion.GetProperty("toCurrency").GetString());
        Assert.Contains(InvoiceLegends.CurrencyConverted, Legends(invoice));
    }

    [Fact]
    public async Task A_german_business_and_an_indian_buyer_get_the_tax_engines_treatment_on_every_line()
    {
        var german = await app.SubscribeAsync(app.SellerA, app.GermanBusiness, "Scenario EU B2B", UsagePlan("Usage", PerUnit("0.011")));
        var indian = await app.SubscribeAsync(app.SellerB, app.IndianBuyer, "Scenario India", UsagePlan("Usage", PerUnit("0.02")));
        var month = Month;
        await app.MeterAsync(app.SellerA, german, ("requests", 1000, month.AddDays(4)));
        await app.MeterAsync(app.SellerB, indian, ("requests", 1000, month.AddDays(4)));

        var (germanInvoice, germanLines) = await BillAsync(app.GermanBusiness, german, month);
        var indianInvoice = (await app.InvoicesOfAsync(app.IndianBuyer, "invoice"))
            .Single(i => i.GetProperty("lines").EnumerateArray().Any(l => l.GetProperty("agreementId").GetString() == indian.GetProperty("id").GetString()));

        // 1,000 × 0.011 = 11.00 USD → 10.00 EUR; 1,000 × 0.02 = 20.00 USD → 1,680.00 INR.
        Assert.Equal("10.00", Assert.Single(germanLines).GetProperty("amount").GetString());
        Assert.All(germanInvoice.GetProperty("lines").EnumerateArray(), l => Assert.False(string.IsNullOrEmpty(l.GetProperty("tax").GetProperty("treatment").GetString())));
        var indianLine = Assert.Single(indianInvoice.GetProperty("lines").EnumerateArray(), l => l.GetProperty("agreementId").GetString() == indian.GetProperty("id").GetString());
        Assert.Equal("1680.00", indianLine.GetProperty("amount").GetString());
        if (germanLines[0].GetProperty("tax").GetProperty("treatment").GetString() == "reverse_charge")
        {
            Assert.Equal("0.00", germanLines[0].GetProperty("totalTax").GetString());
            Assert.Contains(InvoiceLegends.ReverseCharge, Legends(germanInvoice));
        }

        AssertTotals(indianInvoice);
    }

    private static IEnumerable<string?> Legends(JsonElement invoice) => invoice.GetProperty("legends").EnumerateArray().Select(l => l.GetString());

    private static void AssertTotals(JsonElement document) => BillingApiTests.AssertTotals(document);

    private async Task<(JsonElement Invoice, IReadOnlyList<JsonElement> Lines)> BillAsync(Tenant buyer, JsonElement agreement, DateTimeOffset month) =>
        await BillAsync(buyer, agreement, month, allowNone: false) ?? throw new InvalidOperationException("No invoice.");

    /// <summary>Moves to the month after <paramref name="month"/>, bills as of its start, and finds the invoice of that period with the agreement's lines.</summary>
    private async Task<(JsonElement Invoice, IReadOnlyList<JsonElement> Lines)?> BillAsync(Tenant buyer, JsonElement agreement, DateTimeOffset month, bool allowNone)
    {
        var asOf = month.AddMonths(1);
        app.MoveTo(asOf.AddMinutes(15));
        var run = await app.BillAsync(asOf);
        Assert.True(run.GetProperty("errors").GetArrayLength() == 0, run.ToString());
        var id = agreement.GetProperty("id").GetString();
        var found = (await app.InvoicesOfAsync(buyer, "invoice"))
            .Where(i => i.GetProperty("periodStart").GetDateTimeOffset() == month)
            .Select(i => (Invoice: i, Lines: (IReadOnlyList<JsonElement>)i.GetProperty("lines").EnumerateArray().Where(l => l.GetProperty("agreementId").GetString() == id).ToList()))
            .Where(x => x.Lines.Count > 0)
            .ToList();
        if (found.Count == 0 && allowNone)
        {
            return null;
        }

        var (invoice, lines) = Assert.Single(found);
        Assert.Equal("finalized", invoice.GetProperty("status").GetString());
        AssertTotals(invoice);
        return (invoice, lines);
    }
}
