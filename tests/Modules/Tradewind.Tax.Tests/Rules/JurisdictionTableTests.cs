using Tradewind.Contracts.Tax;
using static Tradewind.Tax.Tests.Rules.Sales;

namespace Tradewind.Tax.Tests.Rules;

/// <summary>
/// Table tests for every jurisdiction in tax.md: B2C, B2B with a valid id, B2B with an invalid id and domestic B2B,
/// on 2026-11-27, for an entity registered everywhere (so registrations do not get in the way).
/// </summary>
public sealed class JurisdictionTableTests
{
    // country, subdivision, B2C rate, B2C rule, a valid business tax id (null: no scheme), B2B treatment, B2B rule
    public static TheoryData<string, string?, string, string, string?, string, string> Table => new()
    {
        { "AT", null, "0.20", "eu.b2c.destination", "ATU66889218", TaxTreatments.ReverseCharge, "eu.b2b.reverse_charge" },
        { "BE", null, "0.21", "eu.b2c.destination", "BE0897231984", TaxTreatments.ReverseCharge, "eu.b2b.reverse_charge" },
        { "BG", null, "0.20", "eu.b2c.destination", "BG9902280002", TaxTreatments.ReverseCharge, "eu.b2b.reverse_charge" },
        { "HR", null, "0.25", "eu.b2c.destination", "HR97405527203", TaxTreatments.ReverseCharge, "eu.b2b.reverse_charge" },
        { "CY", null, "0.19", "eu.b2c.destination", "CY99200002N", TaxTreatments.ReverseCharge, "eu.b2b.reverse_charge" },
        { "CZ", null, "0.21", "eu.b2c.destination", "CZ699000899", TaxTreatments.ReverseCharge, "eu.b2b.reverse_charge" },
        { "DK", null, "0.25", "eu.b2c.destination", "DK78805218", TaxTreatments.ReverseCharge, "eu.b2b.reverse_charge" },
        { "EE", null, "0.24", "eu.b2c.destination", "EE101589064", TaxTreatments.ReverseCharge, "eu.b2b.reverse_charge" },
        { "FI", null, "0.255", "eu.b2c.destination", "FI24710461", TaxTreatments.ReverseCharge, "eu.b2b.reverse_charge" },
        { "FR", null, "0.20", "eu.b2c.destination", "FRAB012345678", TaxTreatments.ReverseCharge, "eu.b2b.reverse_charge" },
        { "DE", null, "0.19", "eu.b2c.destination", "DE136695976", TaxTreatments.ReverseCharge, "eu.b2b.reverse_charge" },
        { "GR", null, "0.24", "eu.b2c.destination", "EL998920231", TaxTreatments.ReverseCharge, "eu.b2b.reverse_charge" },
        { "HU", null, "0.27", "eu.b2c.destination", "HU65730980", TaxTreatments.ReverseCharge, "eu.b2b.reverse_charge" },
        { "IE", null, "0.23", "eu.b2c.destination", "IE3214048CH", TaxTreatments.ReverseCharge, "eu.b2b.reverse_charge" },
        { "IT", null, "0.22", "eu.b2c.destination", "IT01709820995", TaxTreatments.ReverseCharge, "eu.b2b.reverse_charge" },
        { "LV", null, "0.21", "eu.b2c.destination", "LV90002573483", TaxTreatments.ReverseCharge, "eu.b2b.reverse_charge" },
        { "LT", null, "0.21", "eu.b2c.destination", "LT907560811", TaxTreatments.ReverseCharge, "eu.b2b.reverse_charge" },
        { "LU", null, "0.17", "eu.b2c.destination", "LU25318872", TaxTreatments.ReverseCharge, "eu.b2b.reverse_charge" },
        { "MT", null, "0.18", "eu.b2c.destination", "MT20973507", TaxTreatments.ReverseCharge, "eu.b2b.reverse_charge" },
        { "NL", null, "0.21", "eu.b2c.destination", "NL123456789B13", TaxTreatments.ReverseCharge, "eu.b2b.reverse_charge" },
        { "PL", null, "0.23", "eu.b2c.destination", "PL9691068493", TaxTreatments.ReverseCharge, "eu.b2b.reverse_charge" },
        { "PT", null, "0.23", "eu.b2c.destination", "PT980405319", TaxTreatments.ReverseCharge, "eu.b2b.reverse_charge" },
        { "RO", null, "0.21", "eu.b2c.destination", "RO13499400", TaxTreatments.ReverseCharge, "eu.b2b.reverse_charge" },
        { "SK", null, "0.23", "eu.b2c.destination", "SK7020000680", TaxTreatments.ReverseCharge, "eu.b2b.reverse_charge" },
        { "SI", null, "0.22", "eu.b2c.destination", "SI98511734", TaxTreatments.ReverseCharge, "eu.b2b.reverse_charge" },
        { "ES", null, "0.21", "eu.b2c.destination", "ESA81626905", TaxTreatments.ReverseCharge, "eu.b2b.reverse_charge" },
        { "SE", null, "0.25", "eu.b2c.destination", "SE556785615701", TaxTreatments.ReverseCharge, "eu.b2b.reverse_charge" },
        { "GB", null, "0.20", "gb.b2c.destination", "GB002425728", TaxTreatments.ReverseCharge, "gb.b2b.reverse_charge" },
        { "NO", null, "0.25", "no.b2c.destination", "NO999600476MVA", TaxTreatments.ReverseCharge, "no.b2b.reverse_charge" },
        { "CH", null, "0.081", "ch.b2c.destination", "CHE432825998", TaxTreatments.Standard, "ch.b2b.registered_supplier_charges" },
        { "LI", null, "0.081", "ch.b2c.destination", null, TaxTreatments.Standard, "ch.b2b.registered_supplier_charges" },
        { "IS", null, "0.24", "is.b2c.destination", "12345", TaxTreatments.ReverseCharge, "is.b2b.reverse_charge" },
        { "JP", null, "0.10", "jp.platform_taxation", "T5835678256246", TaxTreatments.ReverseCharge, "jp.b2b.reverse_charge" },
        { "KR", null, "0.10", "kr.b2c.destination", "1168200276", TaxTreatments.ReverseCharge, "kr.b2b.reverse_charge" },
        { "AU", null, "0.10", "au.b2c.destination", "51824753556", TaxTreatments.ReverseCharge, "au.b2b.reverse_charge" },
        { "NZ", null, "0.15", "nz.b2c.destination", "047179025", TaxTreatments.ReverseCharge, "nz.b2b.reverse_charge" },
        { "SG", null, "0.09", "sg.b2c.destination", "00416700K", TaxTreatments.ReverseCharge, "sg.b2b.reverse_charge" },
        { "IN", null, "0.18", "in.b2c.oidar", "27AAPFU0939F1ZV", TaxTreatments.ReverseCharge, "in.b2b.reverse_charge" },
        { "TW", null, "0.05", "tw.b2c.destination", "00501503", TaxTreatments.ReverseCharge, "tw.b2b.reverse_charge" },
        { "MY", null, "0.08", "my.b2c.destination", null, TaxTreatments.Standard, "my.b2b.frp_charges_businesses" },
        { "ID", null, "0.12", "id.b2c.destination", "013121660091000", TaxTreatments.Standard, "id.b2b.appointed_collector_collects" },
        { "CA", "CA-ON", "0.13", "ca.b2c.destination", "123026635RC0001", TaxTreatments.ReverseCharge, "ca.b2b.reverse_charge" },
        { "CA", "CA-QC", "0.14975", "ca.b2c.destination", "123026635RC0001", TaxTreatments.ReverseCharge, "ca.b2b.reverse_charge" },
        { "CA", "CA-BC", "0.12", "ca.b2c.destination", "123026635RC0001", TaxTreatments.ReverseCharge, "ca.b2b.reverse_charge" },
        { "CA", "CA-SK", "0.11", "ca.b2c.destination", "123026635RC0001", TaxTreatments.ReverseCharge, "ca.b2b.reverse_charge" },
        { "CA", "CA-MB", "0.12", "ca.b2c.destination", "123026635RC0001", TaxTreatments.ReverseCharge, "ca.b2b.reverse_charge" },
        { "CA", "CA-NS", "0.14", "ca.b2c.destination", "123026635RC0001", TaxTreatments.ReverseCharge, "ca.b2b.reverse_charge" },
        { "CA", "CA-AB", "0.05", "ca.b2c.destination", "123026635RC0001", TaxTreatments.ReverseCharge, "ca.b2b.reverse_charge" },
        { "US", "US-NY", "0.04", "us.state.saas_taxable", "123456789", TaxTreatments.Standard, "us.state.saas_taxable" },
        { "US", "US-WA", "0.065", "us.state.saas_taxable", "123456789", TaxTreatments.Standard, "us.state.saas_taxable" },
        { "US", "US-TX", "0.0625", "us.tx.data_processing_80_percent", "123456789", TaxTreatments.Standard, "us.tx.data_processing_80_percent" },
        { "US", "US-DC", "0.07", "us.state.saas_taxable", "123456789", TaxTreatments.Standard, "us.state.saas_taxable" },
        { "US", "US-CT", "0.0635", "us.state.saas_taxable", "123456789", TaxTreatments.Standard, "us.state.saas_taxable" },
        { "BR", null, "0.01", "br.b2c.destination", "07195358000166", TaxTreatments.Standard, "br.b2b.joint_liability" },
        { "MX", null, "0.16", "mx.b2c.destination", "GODE561231GR8", TaxTreatments.Standard, "mx.b2b.no_distinction" },
        { "CL", null, "0.19", "cl.b2c.destination", "100753812", TaxTreatments.ReverseCharge, "cl.b2b.reverse_charge" },
        { "CO", null, "0.19", "co.b2c.destination", "11185342480", TaxTreatments.ReverseCharge, "co.b2b.reverse_charge" },
        { "SA", null, "0.15", "sa.b2c.destination", "300000000000003", TaxTreatments.ReverseCharge, "sa.b2b.reverse_charge" },
        { "AE", null, "0.05", "ae.b2c.destination", "100123456700003", TaxTreatments.ReverseCharge, "ae.b2b.reverse_charge" },
        { "ZA", null, "0.15", "za.b2c.destination", "4123456789", TaxTreatments.Standard, "za.b2b.all_or_nothing" },
        { "TR", null, "0.20", "tr.b2c.destination", "0010213576", TaxTreatments.ReverseCharge, "tr.b2b.reverse_charge" },
        { "KZ", null, "0.16", "kz.b2c.destination", null, TaxTreatments.ReverseCharge, "kz.b2b.reverse_charge" },
        { "MD", null, "0.20", "md.b2c.destination", null, TaxTreatments.ReverseCharge, "md.b2b.reverse_charge" },
        { "LA", null, "0.10", "la.b2c.destination", null, TaxTreatments.ReverseCharge, "la.b2b.reverse_charge" },
    };

    [Theory]
    [MemberData(nameof(Table))]
    public void A_consumer_pays_the_destination_rate(string country, string? subdivision, string rate, string rule, string? taxId, string b2bTreatment, string b2bRule)
    {
        _ = (taxId, b2bTreatment, b2bRule);
        var line = One(Sale(Foreign, country, subdivision, business: false, null, valid: false));

        Assert.Equal(TaxTreatments.Standard, line.Treatment);
        Assert.Equal(decimal.Parse(rate, System.Globalization.CultureInfo.InvariantCulture), line.Rate);
        Assert.Equal(rule, line.Rule);
        Assert.True(line.TaxAmount.IsPositive);
    }

    // Rows whose country has a tax-id scheme: only there can a business present a valid id.
    public static IEnumerable<TheoryDataRow<string, string?, string, string, string?, string, string>> WithTaxId =>
        Table.Where(row => row.Data.Item5 is not null);

    // US sales are taxed alike for every entity, so "selling in its own country" adds nothing there.
    public static IEnumerable<TheoryDataRow<string, string?, string, string, string?, string, string>> DomesticWithTaxId =>
        WithTaxId.Where(row => row.Data.Item1 != "US");

    [Theory]
    [MemberData(nameof(WithTaxId))]
    public void A_business_with_a_valid_id_gets_the_jurisdictions_B2B_treatment(string country, string? subdivision, string rate, string rule, string? taxId, string b2bTreatment, string b2bRule)
    {
        _ = rule;
        var line = One(Sale(Foreign, country, subdivision, business: true, taxId, valid: true));

        Assert.Equal(b2bTreatment, line.Treatment);
        Assert.Equal(b2bRule, line.Rule);
        if (b2bTreatment == TaxTreatments.ReverseCharge)
        {
            Assert.True(line.TaxAmount.IsZero);
            Assert.Contains(taxId!, line.Note, StringComparison.Ordinal);
        }
        else
        {
            Assert.Equal(decimal.Parse(country == "US" && subdivision == "US-CT" ? "0.01" : rate, System.Globalization.CultureInfo.InvariantCulture), line.Rate);
            Assert.True(line.TaxAmount.IsPositive);
        }
    }

    [Theory]
    [MemberData(nameof(Table))]
    public void A_business_with_an_invalid_id_is_taxed_as_a_consumer(string country, string? subdivision, string rate, string rule, string? taxId, string b2bTreatment, string b2bRule)
    {
        _ = (taxId, b2bTreatment, b2bRule);
        var line = One(Sale(Foreign, country, subdivision, business: true, "NOT-A-NUMBER", valid: false));

        Assert.Equal(TaxTreatments.Standard, line.Treatment);
        if (country == "US")
        {
            Assert.StartsWith("us.", line.Rule, StringComparison.Ordinal);
        }
        else
        {
            Assert.Equal(decimal.Parse(rate, System.Globalization.CultureInfo.InvariantCulture), line.Rate);
            Assert.Equal($"{rule.Split('.')[0]}.b2b.invalid_tax_id_taxed_as_b2c", line.Rule);
            Assert.Contains("taxed as a sale to a consumer", line.Note, StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(DomesticWithTaxId))]
    public void An_entity_selling_in_its_own_country_charges_businesses(string country, string? subdivision, string rate, string rule, string? taxId, string b2bTreatment, string b2bRule)
    {
        _ = (b2bTreatment, b2bRule);
        var entity = EstablishedIn(country);
        var line = One(Sale(entity, country, subdivision, business: true, taxId, valid: true));

        Assert.Equal(TaxTreatments.Standard, line.Treatment);
        Assert.Equal(decimal.Parse(rate, System.Globalization.CultureInfo.InvariantCulture), line.Rate);
        Assert.Equal(country == "IN" ? "in.domestic.inter_state" : $"{rule.Split('.')[0]}.domestic.b2b", line.Rule);
    }
}
