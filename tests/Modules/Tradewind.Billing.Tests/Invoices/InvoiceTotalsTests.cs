using CsCheck;
using Tradewind.Billing.Invoices;
using Tradewind.Billing.Numbering;
using Tradewind.Contracts;
using Tradewind.Contracts.Billing;
using Tradewind.Primitives.Ids;
using Tradewind.Primitives.Money;

namespace Tradewind.Billing.Tests.Invoices;

public sealed class InvoiceTotalsTests
{
    private static readonly Gen<(long Amount, long Tax, string Category, int RatePercent)> AnyLine =
        Gen.Select(Gen.Long[-1_000_000, 10_000_000], Gen.Long[0, 2_000_000], Gen.Int[0, 3].Select(i => new[] { "S", "Z", "AE", "O" }[i]), Gen.Int[0, 27]);

    [Fact]
    public void Every_invoice_total_is_the_sum_of_its_lines_plus_tax_and_the_subtotals_add_up_to_the_same()
    {
        AnyLine.List[1, 40].Sample(lines =>
        {
            var invoice = Draft(lines.Select((l, i) => Line(i + 1, l.Amount, l.Tax, l.Category, l.RatePercent / 100m)).ToList());

            invoice.Recalculate();

            var subtotals = InvoiceTaxes.Subtotals(invoice.Lines, Currency.EUR, null, null);
            Assert.Equal(lines.Sum(l => l.Amount), invoice.SubtotalMinor);
            Assert.Equal(lines.Sum(l => l.Tax), invoice.TotalTaxMinor);
            Assert.Equal(invoice.SubtotalMinor + invoice.TotalTaxMinor, invoice.TotalMinor);
            Assert.Equal(invoice.SubtotalMinor, subtotals.Sum(s => s.TaxableMinor));
            Assert.Equal(invoice.TotalTaxMinor, subtotals.Sum(s => s.TaxMinor));
            var dto = InvoiceMapping.ToDto(invoice);
            Assert.Equal(dto.Total, dto.Lines.Aggregate(Money.Zero(Currency.EUR), (sum, l) => sum + l.Amount + l.Tax.TaxAmount));
        });
    }

    [Fact]
    public void A_finalized_invoice_refuses_every_change_of_its_content()
    {
        var invoice = Draft([Line(1, 1_000, 190, "S", 0.19m)]);
        invoice.Recalculate();
        invoice.Finalize("EU-2026-000001", new DateOnly(2026, 12, 1), 30, new DateTimeOffset(2026, 12, 1, 0, 15, 0, TimeSpan.Zero));

        var recalculate = Assert.Throws<DomainException>(invoice.Recalculate);
        var again = Assert.Throws<DomainException>(() => invoice.Finalize("EU-2026-000002", new DateOnly(2026, 12, 1), 30, DateTimeOffset.UnixEpoch));

        Assert.Equal("invoice-immutable", recalculate.Code);
        Assert.Equal("invoice-immutable", again.Code);
        Assert.Equal("EU-2026-000001", invoice.Number);
        Assert.Equal(new DateOnly(2026, 12, 31), invoice.DueDate);
    }

    [Fact]
    public void A_later_runs_lines_go_after_the_last_line_of_the_draft_and_change_its_version()
    {
        var invoice = Draft([Line(1, 1_000, 190, "S", 0.19m), Line(2, 500, 95, "S", 0.19m)]);
        invoice.Recalculate();
        var version = invoice.Version;

        invoice.AppendLines([Line(3, -200, -38, "S", 0.19m, invoice.Id), Line(4, 300, 57, "S", 0.19m, invoice.Id)]);
        invoice.Recalculate();

        Assert.Equal([1, 2, 3, 4], invoice.Lines.Select(l => l.LineNumber));
        Assert.Equal((1_600, 304, 1_904), (invoice.SubtotalMinor, invoice.TotalTaxMinor, invoice.TotalMinor));
        Assert.Equal(version + 1, invoice.Version);
    }

    [Fact]
    public void Lines_that_would_renumber_or_skip_are_refused_and_a_finalized_invoice_takes_none()
    {
        var invoice = Draft([Line(1, 1_000, 190, "S", 0.19m)]);
        invoice.Recalculate();

        Assert.Throws<InvalidOperationException>(() => invoice.AppendLines([Line(1, 100, 19, "S", 0.19m, invoice.Id)]));
        Assert.Throws<InvalidOperationException>(() => invoice.AppendLines([Line(3, 100, 19, "S", 0.19m, invoice.Id)]));
        Assert.Throws<InvalidOperationException>(() => invoice.AppendLines([Line(2, 100, 19, "S", 0.19m, new InvoiceId(Guid.CreateVersion7()))]));
        invoice.Finalize("EU-2026-000003", new DateOnly(2026, 12, 1), 30, DateTimeOffset.UnixEpoch);
        var issued = Assert.Throws<DomainException>(() => invoice.AppendLines([Line(2, 100, 19, "S", 0.19m, invoice.Id)]));

        Assert.Equal("invoice-immutable", issued.Code);
        Assert.Single(invoice.Lines);
    }

    [Theory]
    [InlineData("EU-", InvoiceKind.Invoice, 2026, 42, "EU-2026-000042")]
    [InlineData("TWE", InvoiceKind.Invoice, 2027, 1, "TWE-2027-000001")]
    [InlineData("JP-", InvoiceKind.CreditNote, 2026, 7, "JP-CN-2026-000007")]
    public void Numbers_are_the_prefix_the_kind_the_year_and_six_digits(string prefix, InvoiceKind kind, int year, long number, string expected) =>
        Assert.Equal(expected, InvoiceNumbers.Format(prefix, kind, year, number));

    [Theory]
    [InlineData("reverse_charge", 0, "AE")]
    [InlineData("not_collected", 0, "O")]
    [InlineData("standard", 0.19, "S")]
    [InlineData("standard", 0, "Z")]
    [InlineData("zero_rated", 0, "Z")]
    [InlineData("exempt", 0, "E")]
    public void Tax_treatments_map_to_uncl5305_categories(string treatment, decimal rate, string category) =>
        Assert.Equal(category, InvoiceTaxes.Category(treatment, rate));

    [Theory]
    [InlineData("LU", "EUR", "USD", "EUR")]
    [InlineData("SG", "SGD", "USD", "SGD")]
    [InlineData("LU", "EUR", "EUR", null)]
    [InlineData("US", "USD", "EUR", null)]
    public void Eu_and_singapore_issuers_show_the_tax_in_their_currency(string country, string issuerCurrency, string invoiceCurrency, string? expected) =>
        Assert.Equal(expected, InvoiceTaxes.TaxCurrency(country, issuerCurrency, invoiceCurrency));

    private static Invoice Draft(List<InvoiceLine> lines)
    {
        var id = new InvoiceId(Guid.CreateVersion7());
        return new Invoice
        {
            Id = id,
            Kind = InvoiceKind.Invoice,
            BuyerId = new OrganisationId(Guid.CreateVersion7()),
            BuyerName = "Buyer",
            BuyerCountry = "DE",
            BuyerJson = InvoiceJson.Write(new InvoiceJson.StoredBuyer("Buyer", new Contracts.Accounts.PostalAddress("1", null, "Berlin", null, null, "DE"), null, false, null)),
            IssuerEntityCode = "EU",
            IssuerJson = InvoiceJson.Write(new InvoiceJson.StoredIssuer("EU", "Tradewind Europe", new Contracts.Accounts.PostalAddress("1", null, "Luxembourg", null, null, "LU"), [], null, "EUR")),
            Currency = "EUR",
            Language = "de",
            PaymentReference = "REF",
            GroupKey = "test",
            Lines = lines,
        };
    }

    private static InvoiceLine Line(int number, long amount, long tax, string category, decimal rate, InvoiceId invoiceId = default) => new()
    {
        Id = Guid.CreateVersion7(),
        InvoiceId = invoiceId,
        LineNumber = number,
        Kind = InvoiceLineKind.Usage,
        ProductTitle = "Product",
        Description = "Usage",
        Quantity = 1,
        Unit = "unit",
        UnitPrice = "1",
        AmountMinor = amount,
        PlanCurrency = "EUR",
        TaxCode = "saas",
        TaxCategory = category,
        TaxRate = rate,
        TaxMinor = tax,
    };
}
