using Tradewind.Contracts.Tax;
using Tradewind.Primitives.Money;
using Tradewind.Tax.Rules;
using static Tradewind.Tax.Tests.Rules.Sales;

namespace Tradewind.Tax.Tests.Rules;

public sealed class TaxRulesTests
{
    private static readonly SellingEntity EuEntity = new("EU", "LU", null, [new("LU", null), new("GB", null), new("NO", null)]);
    private static readonly SellingEntity UsEntity = new("US", "US", "US-DE", [new("US", null), new("US", "US-NY"), new("US", "US-TX")]);
    private static readonly SellingEntity InEntity = new("IN", "IN", "IN-MH", [new("IN", null)]);

    [Fact]
    public void The_Luxembourg_entity_collects_in_every_member_state_through_the_Union_OSS()
    {
        var line = One(Sale(EuEntity, "DE", null, false, null, false));

        Assert.Equal("eu.b2c.destination", line.Rule);
        Assert.Equal(Money.Parse("19.00", Currency.EUR), line.TaxAmount);
    }

    [Fact]
    public void A_Luxembourg_business_buying_from_the_Luxembourg_entity_pays_17_percent()
    {
        var line = One(Sale(EuEntity, "LU", null, true, "LU25318872", true));

        Assert.Equal("eu.domestic.b2b", line.Rule);
        Assert.Equal(0.17m, line.Rate);
    }

    [Fact]
    public void The_US_entity_without_an_EU_registration_does_not_collect_EU_VAT()
    {
        var line = One(Sale(UsEntity, "FR", null, false, null, false));

        Assert.Equal(TaxTreatments.NotCollected, line.Treatment);
        Assert.Equal("not_collected.no_registration", line.Rule);
        Assert.Contains("US holds no tax registration in FR", line.Note, StringComparison.Ordinal);
        Assert.True(line.TaxAmount.IsZero);
    }

    [Fact]
    public void A_taxable_state_without_a_registration_is_not_collected_and_says_local_taxes_are_out_of_scope()
    {
        var line = One(Sale(UsEntity, "US", "US-WA", false, null, false, currency: "USD"));

        Assert.Equal("not_collected.no_registration", line.Rule);
        Assert.Contains("local sales taxes are not included", line.Note, StringComparison.Ordinal);
    }

    [Fact]
    public void Texas_taxes_80_percent_of_a_SaaS_charge()
    {
        var line = One(Sale(UsEntity, "US", "US-TX", false, null, false, currency: "USD"));

        Assert.Equal(Money.Parse("80.00", Currency.USD), line.TaxableAmount);
        Assert.Equal(Money.Parse("5.00", Currency.USD), line.TaxAmount);
    }

    [Fact]
    public void California_does_not_tax_SaaS()
    {
        var line = One(Sale(UsEntity, "US", "US-CA", false, null, false, currency: "USD"));

        Assert.Equal(TaxTreatments.Exempt, line.Treatment);
        Assert.Equal("us.state.saas_not_taxable", line.Rule);
    }

    [Fact]
    public void Oregon_has_no_sales_tax()
    {
        Assert.Equal("us.state.no_sales_tax", One(Sale(UsEntity, "US", "US-OR", false, null, false, currency: "USD")).Rule);
    }

    [Fact]
    public void Indonesia_taxes_12_percent_of_eleven_twelfths()
    {
        var line = One(Sale(Foreign, "ID", null, false, null, false, amount: 1200m, currency: "USD"));

        Assert.Equal(Money.Parse("1100.00", Currency.USD), line.TaxableAmount);
        Assert.Equal(Money.Parse("132.00", Currency.USD), line.TaxAmount);
    }

    [Fact]
    public void An_Indian_sale_within_the_entitys_state_is_CGST_plus_SGST_and_between_states_IGST()
    {
        var intra = One(Sale(InEntity, "IN", "IN-MH", false, null, false, currency: "INR"));
        var inter = One(Sale(InEntity, "IN", "IN-KA", false, null, false, currency: "INR"));

        Assert.Equal(("CGST+SGST", "in.domestic.intra_state", "IN-MH"), (intra.TaxType, intra.Rule, intra.Jurisdiction));
        Assert.Equal(("IGST", "in.domestic.inter_state"), (inter.TaxType, inter.Rule));
        Assert.Equal(0.18m, intra.Rate);
    }

    [Fact]
    public void Quebec_QST_is_left_out_with_a_note_when_the_entity_has_no_Quebec_registration()
    {
        var entity = new SellingEntity("CA", "US", null, [new("CA", null)]);
        var line = One(Sale(entity, "CA", "CA-QC", false, null, false, currency: "CAD"));

        Assert.Equal(("GST", 0.05m), (line.TaxType, line.Rate));
        Assert.Contains("QST not collected", line.Note, StringComparison.Ordinal);
    }

    [Fact]
    public void Israel_has_no_regime_for_foreign_suppliers_to_consumers()
    {
        var line = One(Sale(Foreign, "IL", null, false, null, false));

        Assert.Equal(TaxTreatments.NotCollected, line.Treatment);
        Assert.Equal("il.b2c.no_foreign_supplier_regime", line.Rule);
    }

    [Fact]
    public void A_country_outside_tax_md_is_not_collected_and_says_so()
    {
        var line = One(Sale(Foreign, "RU", null, false, null, false));

        Assert.Equal(("not_collected.out_of_scope", TaxTreatments.NotCollected), (line.Rule, line.Treatment));
    }

    [Fact]
    public void EU_professional_services_to_consumers_are_taxed_where_the_supplier_is_established()
    {
        var line = One(Sale(EuEntity, "DE", null, false, null, false, taxCode: "professional_services"));

        Assert.Equal(("LU", 0.17m, "eu.b2c.supplier_location"), (line.Jurisdiction, line.Rate, line.Rule));
    }

    [Fact]
    public void Liechtenstein_is_covered_by_a_Swiss_registration()
    {
        var entity = new SellingEntity("CHX", "US", null, [new("CH", null)]);

        Assert.Equal(TaxTreatments.Standard, One(Sale(entity, "LI", null, false, null, false, currency: "CHF")).Treatment);
    }

    [Fact]
    public void Japan_rounds_once_per_rate_per_invoice_and_the_lines_add_up_to_it()
    {
        // Three lines of 333 JPY: per line 33.3 → 33 each (99); once per invoice 999 × 10% = 99.9 → 99 (down).
        var lines = Enumerable.Range(1, 3).Select(i => new SaleLine($"{i}", Money.FromMinor(333, Currency.JPY), "saas")).ToList();
        var sale = new TaxSale(Today, Foreign, "JP", null, false, null, false, null, lines);

        var result = Calculator.Calculate(sale);

        Assert.Equal(99, result.Sum(l => l.TaxAmount.MinorUnits));
        Assert.All(result, l => Assert.InRange(l.TaxAmount.MinorUnits, 33, 34));

        // In USD: 3 × 0.05 = 0.15 × 10% = 0.015 → 0.01 once, where per-line rounding would give 0.03.
        var cents = Enumerable.Range(1, 3).Select(i => new SaleLine($"{i}", Money.FromMinor(5, Currency.USD), "saas")).ToList();
        Assert.Equal(1, Calculator.Calculate(sale with { Lines = cents }).Sum(l => l.TaxAmount.MinorUnits));
    }
}
