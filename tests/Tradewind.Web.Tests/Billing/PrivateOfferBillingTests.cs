using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Tradewind.Contracts.Agreements;
using Tradewind.Contracts.Billing;
using Tradewind.Contracts.Catalog;
using Tradewind.Contracts.Events;
using Tradewind.Primitives.Ids;
using Tradewind.Web.Tests.Infrastructure;
using static Tradewind.Web.Tests.Infrastructure.CatalogRequests;

namespace Tradewind.Web.Tests.Billing;

/// <summary>
/// Money follows a private offer: an agreement accepted from an offer is invoiced in the offer's currency (not the buyer's
/// preferred one) with its dated schedule, and an agreement an offer replaces has what was prepaid beyond the replacement
/// credited, prorated by day, once. Each test bills months of its own (the clock only moves forward).
/// </summary>
public sealed class PrivateOfferBillingTests(OfferBillingApp app) : IClassFixture<OfferBillingApp>
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    private DateTimeOffset Month => new(app.Clock.GetUtcNow().Year, app.Clock.GetUtcNow().Month, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_yen_offer_is_invoiced_in_yen_installment_by_installment_by_the_japanese_entity_with_consumption_tax()
    {
        var agreement = await app.SubscribeAsync(app.SellerA, app.Buyer, "Offer Yen", ContractPlan("Yearly", 12, "1200.00", 1, overage: false));
        var start = agreement.GetProperty("acceptedAt").GetDateTimeOffset();
        var day = DateOnly.FromDateTime(start.UtcDateTime);
        // Four payments: the first dated the day before acceptance (due at acceptance), then every three months.
        app.AsPrivateOffer(Id(agreement), t => YenOffer(t, day.AddDays(-1), day.AddMonths(3), day.AddMonths(6), day.AddMonths(9)), PrivateOfferId.New(app.Clock));
        var month = Month;

        var (invoice, lines) = await BillAsync(app.Buyer, agreement, month);

        Assert.Equal("JPY", invoice.GetProperty("currency").GetString());
        Assert.Equal("JP", invoice.GetProperty("issuer").GetProperty("entityCode").GetString());
        var installment = Assert.Single(lines);
        Assert.Equal("installment", installment.GetProperty("kind").GetString());
        Assert.Equal("Contract installment 1 of 4", installment.GetProperty("description").GetString());
        Assert.Equal("250000", installment.GetProperty("amount").GetString());
        Assert.Equal(start, installment.GetProperty("serviceStart").GetDateTimeOffset());
        Assert.Equal(new DateTimeOffset(day.AddMonths(3).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero), installment.GetProperty("serviceEnd").GetDateTimeOffset());
        // Japanese consumption tax, 10 %, and no conversion: the plan's currency is the invoice's.
        Assert.Equal("25000", installment.GetProperty("totalTax").GetString());
        Assert.Equal("275000", invoice.GetProperty("total").GetString());
        Assert.Equal(JsonValueKind.Null, invoice.GetProperty("conversion").ValueKind);
        Assert.Contains(InvoiceLegends.JapanQualifiedInvoice, invoice.GetProperty("legends").EnumerateArray().Select(l => l.GetString()));
        BillingApiTests.AssertTotals(invoice);

        // Nothing more falls due until the second payment, three months after acceptance.
        Assert.Null(await BillAsync(app.Buyer, agreement, Month, allowNone: true));
        Assert.Null(await BillAsync(app.Buyer, agreement, Month, allowNone: true));
        var (_, second) = await BillAsync(app.Buyer, agreement, Month);
        Assert.Equal(("Contract installment 2 of 4", "250000"), (Assert.Single(second).GetProperty("description").GetString(), second[0].GetProperty("amount").GetString()));
    }

    [Fact]
    public async Task The_offer_currency_wins_over_the_buyers_preferred_invoice_currency()
    {
        // The buyer prefers EUR: its public-plan agreements are converted into EUR; the offer in USD is invoiced in USD.
        var plain = await app.SubscribeAsync(app.SellerB, app.EuroBuyer, "Offer Plain", UsagePlan("Usage", PerUnit("0.01")));
        var offered = await app.SubscribeAsync(app.SellerB, app.EuroBuyer, "Offer Dollars", ContractPlan("Yearly", 12, "1200.00", 1, overage: false));
        var day = DateOnly.FromDateTime(offered.GetProperty("acceptedAt").GetDateTimeOffset().UtcDateTime);
        app.AsPrivateOffer(Id(offered), t => t with { Contract = t.Contract! with { Price = "900.00", Installments = 1, Schedule = [new ContractPayment(day, "900.00")] } }, PrivateOfferId.New(app.Clock));
        var month = Month;
        await app.MeterAsync(app.SellerB, plain, ("requests", 1100, month.AddDays(20)));

        var (dollars, offerLines) = await BillAsync(app.EuroBuyer, offered, month);
        var (euros, _) = (await BillAsync(app.EuroBuyer, plain, month, allowNone: false, alreadyBilled: true))!.Value;

        Assert.Equal(("USD", "US"), (dollars.GetProperty("currency").GetString(), dollars.GetProperty("issuer").GetProperty("entityCode").GetString()));
        var line = Assert.Single(offerLines);
        Assert.Equal(("installment", "900.00", "Contract installment 1 of 1"), (line.GetProperty("kind").GetString(), line.GetProperty("amount").GetString(), line.GetProperty("description").GetString()));
        Assert.Equal("EUR", euros.GetProperty("currency").GetString());
        Assert.NotEqual(dollars.GetProperty("id").GetString(), euros.GetProperty("id").GetString());
    }

    [Fact]
    public async Task A_euro_offer_to_a_german_business_is_a_reverse_charge_invoice_from_the_eu_entity()
    {
        var agreement = await app.SubscribeAsync(app.SellerA, app.GermanBusiness, "Offer Euro", ContractPlan("Yearly", 12, "1200.00", 1, overage: false));
        var day = DateOnly.FromDateTime(agreement.GetProperty("acceptedAt").GetDateTimeOffset().UtcDateTime);
        app.AsPrivateOffer(Id(agreement), t => t with { Currency = "EUR", Contract = t.Contract! with { Price = "6000.00", Installments = 2, Schedule = [new ContractPayment(day, "3000.00"), new ContractPayment(day.AddMonths(6), "3000.00")] } }, PrivateOfferId.New(app.Clock));

        var (invoice, lines) = await BillAsync(app.GermanBusiness, agreement, Month);

        Assert.Equal(("EUR", "EU"), (invoice.GetProperty("currency").GetString(), invoice.GetProperty("issuer").GetProperty("entityCode").GetString()));
        var line = Assert.Single(lines);
        Assert.Equal("3000.00", line.GetProperty("amount").GetString());
        // The EU entity is in Luxembourg: a German business with a VAT id accounts for the VAT itself.
        Assert.Equal("reverse_charge", line.GetProperty("tax").GetProperty("treatment").GetString());
        Assert.Equal("0.00", line.GetProperty("totalTax").GetString());
        Assert.Contains(InvoiceLegends.ReverseCharge, invoice.GetProperty("legends").EnumerateArray().Select(l => l.GetString()));
        Assert.Equal(JsonValueKind.Null, invoice.GetProperty("conversion").ValueKind);
    }

    [Fact]
    public async Task A_replaced_agreement_has_its_prepaid_fee_credited_by_day_once_and_its_usage_billed_up_to_the_replacement()
    {
        var agreement = await app.SubscribeAsync(app.SellerA, app.UsBuyer, "Offer Replaced", ContractPlan("Yearly", 12, "1200.00", 1, overage: true));
        var month = Month;
        var (invoice, lines) = await BillAsync(app.UsBuyer, agreement, month);
        var fee = Assert.Single(lines, l => l.GetProperty("kind").GetString() == "contract_fee");
        Assert.Equal("1200.00", fee.GetProperty("amount").GetString());

        // Replaced 45 days after acceptance, in the next month, after 1,200,000 requests of that month (200,000 overage).
        var start = agreement.GetProperty("acceptedAt").GetDateTimeOffset();
        var replacedAt = start.AddDays(45).AddHours(3);
        var next = Month;
        await app.MeterAsync(app.SellerA, agreement, ("requests", 1_200_000, replacedAt.AddDays(-2)));
        app.Restate(Id(agreement), a => a with { Status = AgreementStatus.Replaced, EndedAt = replacedAt });
        app.MoveTo(replacedAt.AddMinutes(1));
        var replaced = new AgreementReplaced(Id(agreement), AgreementId.New(app.Clock), app.UsBuyer.Organisation.Id, app.SellerA.Organisation.Id, ProductId.Parse(agreement.GetProperty("productId").GetString()!), replacedAt);
        await DeliverAsync(replaced);

        var note = Assert.Single(await CreditNotesOfAsync(app.UsBuyer, invoice));
        var credit = Assert.Single(note.GetProperty("lines").EnumerateArray());
        var serviceStart = fee.GetProperty("serviceStart").GetDateTimeOffset().UtcDateTime.Date;
        var serviceEnd = fee.GetProperty("serviceEnd").GetDateTimeOffset().UtcDateTime.Date;
        var unusedDays = (serviceEnd - replacedAt.UtcDateTime.Date).Days;
        var expected = decimal.Round(1200.00m * unusedDays / (serviceEnd - serviceStart).Days, 2, MidpointRounding.AwayFromZero);
        Assert.Equal((-expected).ToString("0.00", CultureInfo.InvariantCulture), credit.GetProperty("amount").GetString());
        Assert.Equal((fee.GetProperty("description").GetString(), fee.GetProperty("serviceEnd").GetDateTimeOffset()), (credit.GetProperty("description").GetString(), credit.GetProperty("serviceEnd").GetDateTimeOffset()));
        Assert.Equal(invoice.GetProperty("number").GetString(), note.GetProperty("correctsInvoiceNumber").GetString());
        BillingApiTests.AssertTotals(note);

        // Delivered again (the outbox delivers at least once): nothing new.
        await DeliverAsync(replaced);
        Assert.Single(await CreditNotesOfAsync(app.UsBuyer, invoice));

        // The next month bills the usage up to the replacement and no contract fee; after it, nothing.
        var (_, nextLines) = await BillAsync(app.UsBuyer, agreement, next);
        var usage = Assert.Single(nextLines);
        Assert.Equal(("usage", "200.00"), (usage.GetProperty("kind").GetString(), usage.GetProperty("amount").GetString()));
        Assert.Null(await BillAsync(app.UsBuyer, agreement, Month, allowNone: true));
    }

    [Fact]
    public async Task A_replaced_yen_installment_is_credited_for_its_unused_days_with_its_consumption_tax()
    {
        var agreement = await app.SubscribeAsync(app.SellerB, app.Buyer, "Offer Yen Replaced", ContractPlan("Yearly", 12, "1200.00", 1, overage: false));
        var start = agreement.GetProperty("acceptedAt").GetDateTimeOffset();
        var day = DateOnly.FromDateTime(start.UtcDateTime);
        app.AsPrivateOffer(Id(agreement), t => YenOffer(t, day, day.AddMonths(3), day.AddMonths(6), day.AddMonths(9)), PrivateOfferId.New(app.Clock));
        var (invoice, lines) = await BillAsync(app.Buyer, agreement, Month);
        var installment = Assert.Single(lines);

        var replacedAt = start.AddDays(30);
        app.AsPrivateOffer(Id(agreement), t => YenOffer(t, day, day.AddMonths(3), day.AddMonths(6), day.AddMonths(9)), PrivateOfferId.New(app.Clock), a => a with { Status = AgreementStatus.Replaced, EndedAt = replacedAt });
        app.MoveTo(replacedAt.AddMinutes(1));
        await DeliverAsync(new AgreementReplaced(Id(agreement), AgreementId.New(app.Clock), app.Buyer.Organisation.Id, app.SellerB.Organisation.Id, ProductId.Parse(agreement.GetProperty("productId").GetString()!), replacedAt));

        var note = Assert.Single(await CreditNotesOfAsync(app.Buyer, invoice));
        var credit = Assert.Single(note.GetProperty("lines").EnumerateArray());
        var total = (installment.GetProperty("serviceEnd").GetDateTimeOffset().UtcDateTime.Date - start.UtcDateTime.Date).Days;
        var unused = (installment.GetProperty("serviceEnd").GetDateTimeOffset().UtcDateTime.Date - replacedAt.UtcDateTime.Date).Days;
        var expected = (long)decimal.Round(250_000m * unused / total, 0, MidpointRounding.AwayFromZero);
        Assert.Equal("JPY", note.GetProperty("currency").GetString());
        Assert.Equal((-expected).ToString(CultureInfo.InvariantCulture), credit.GetProperty("amount").GetString());
        Assert.Equal((-(long)decimal.Round(expected * 0.10m, 0, MidpointRounding.AwayFromZero)).ToString(CultureInfo.InvariantCulture), credit.GetProperty("totalTax").GetString());
        BillingApiTests.AssertTotals(note);
        // Installments due after the replacement are never billed.
        Assert.Null(await BillAsync(app.Buyer, agreement, Month, allowNone: true));
    }

    private static PlanTerms YenOffer(PlanTerms terms, params DateOnly[] dues) => terms with
    {
        Currency = "JPY",
        Dimensions = [.. terms.Dimensions!.Select(d => d with { Price = null })],
        Contract = terms.Contract! with { Price = "1000000", Installments = dues.Length, Schedule = [.. dues.Select(d => new ContractPayment(d, "250000"))] },
    };

    private static AgreementId Id(JsonElement agreement) => AgreementId.Parse(agreement.GetProperty("id").GetString()!);

    private Task<bool> DeliverAsync(AgreementReplaced replaced) => app.WithScopeAsync(async sp =>
    {
        foreach (var consumer in sp.GetServices<IIntegrationEventConsumer<AgreementReplaced>>())
        {
            await consumer.ConsumeAsync(replaced, _ct);
        }

        return true;
    });

    private async Task<IReadOnlyList<JsonElement>> CreditNotesOfAsync(Tenant buyer, JsonElement invoice) =>
        (await app.InvoicesOfAsync(buyer, "credit_note")).Where(n => n.GetProperty("correctsInvoiceId").GetString() == invoice.GetProperty("id").GetString()).ToList();

    private async Task<(JsonElement Invoice, IReadOnlyList<JsonElement> Lines)> BillAsync(Tenant buyer, JsonElement agreement, DateTimeOffset month) =>
        await BillAsync(buyer, agreement, month, allowNone: false) ?? throw new InvalidOperationException("No invoice.");

    /// <summary>Moves to the month after <paramref name="month"/>, bills as of its start (unless <paramref name="alreadyBilled"/>),
    /// and finds the invoice of that period with the agreement's lines.</summary>
    private async Task<(JsonElement Invoice, IReadOnlyList<JsonElement> Lines)?> BillAsync(Tenant buyer, JsonElement agreement, DateTimeOffset month, bool allowNone, bool alreadyBilled = false)
    {
        var asOf = month.AddMonths(1);
        if (!alreadyBilled)
        {
            app.MoveTo(asOf.AddMinutes(15));
            var run = await app.BillAsync(asOf);
            Assert.True(run.GetProperty("errors").GetArrayLength() == 0, run.ToString());
        }

        var id = agreement.GetProperty("id").GetString();
        foreach (var invoice in await app.InvoicesOfAsync(buyer, "invoice"))
        {
            var lines = invoice.GetProperty("lines").EnumerateArray().Where(l => l.GetProperty("agreementId").GetString() == id).ToList();
            if (lines.Count > 0 && invoice.GetProperty("periodStart").GetDateTimeOffset() == month)
            {
                return (invoice, lines);
            }
        }

        Assert.True(allowNone, $"No invoice for {id} in {month:yyyy-MM}.");
        return null;
    }
}
