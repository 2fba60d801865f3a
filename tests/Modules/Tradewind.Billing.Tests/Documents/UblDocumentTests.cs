using System.Xml.Linq;
using Tradewind.Billing.Documents;
using Tradewind.Primitives.Peppol;

namespace Tradewind.Billing.Tests.Documents;

public sealed class UblDocumentTests(ITestOutputHelper output)
{
    private static readonly XNamespace Cac = "urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2";
    private static readonly XNamespace Cbc = "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2";

    private static readonly InvoiceDocuments Documents = new();

    /// <summary>Every fixture rendered once; the rule sets run over all of them in one batch.</summary>
    private static readonly Lazy<IReadOnlyDictionary<string, string>> Rendered = new(() =>
        InvoiceFixtures.All.ToDictionary(f => f.Key, f => Documents.RenderUbl(f.Value), StringComparer.Ordinal));

    public static TheoryData<string> Fixtures() => InvoiceFixtures.Names();

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Every_document_is_valid_against_the_UBL_2_1_schema(string fixture)
    {
        var problems = UblValidator.ValidateSchema(Rendered.Value[fixture]);

        Assert.Empty(problems);
    }

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Every_document_passes_the_EN_16931_and_Peppol_BIS_3_rules_without_a_fatal_finding(string fixture)
    {
        var results = UblValidator.CheckRules(Rendered.Value)[fixture];

        foreach (var (rules, findings) in results)
        {
            foreach (var warning in findings.Where(f => f.Flag != "fatal"))
            {
                output.WriteLine($"{fixture} {rules} warning {warning.Id}: {warning.Text}");
            }
        }

        var cen = results[UblValidator.CenRules].Where(f => f.Flag == "fatal").Select(f => $"{f.Id}: {f.Text} at {f.Location}").ToList();
        var peppol = results[UblValidator.PeppolRules].Where(f => f.Flag == "fatal").Select(f => $"{f.Id}: {f.Text} at {f.Location}").ToList();

        Assert.Empty(cen);
        Assert.Empty(peppol);
    }

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Every_document_gives_both_parties_an_electronic_address_in_a_scheme_Peppol_accepts(string fixture)
    {
        var root = XDocument.Parse(Rendered.Value[fixture]).Root!;

        foreach (var party in new[] { "AccountingSupplierParty", "AccountingCustomerParty" })
        {
            var endpoint = root.Element(Cac + party)?.Element(Cac + "Party")?.Element(Cbc + "EndpointID");
            Assert.NotNull(endpoint);
            var scheme = endpoint.Attribute("schemeID")?.Value;
            Assert.True(PeppolParticipantId.TryCreate(scheme, endpoint.Value, out _, out var reason), $"{party}: {scheme}:{endpoint.Value} — {reason}");
        }
    }

    [Theory]
    [InlineData("us-sales-tax", "AccountingSupplierParty", "0088", "0614141000012")]
    [InlineData("in-tax-invoice", "AccountingSupplierParty", "0088", "0614141000029")]
    [InlineData("eu-standard-rate-b2c", "AccountingSupplierParty", "9935", "IE6388047V")]
    [InlineData("jp-qualified-invoice", "AccountingSupplierParty", "0221", "T5835678256246")]
    [InlineData("eu-reverse-charge-b2b", "AccountingCustomerParty", "9957", "FR32123456789")]
    public void A_configured_participant_id_or_a_tax_id_with_a_Peppol_scheme_is_the_electronic_address(string fixture, string party, string scheme, string id)
    {
        var endpoint = XDocument.Parse(Rendered.Value[fixture]).Root!.Element(Cac + party)!.Element(Cac + "Party")!.Element(Cbc + "EndpointID")!;

        Assert.Equal(scheme, endpoint.Attribute("schemeID")?.Value);
        Assert.Equal(id, endpoint.Value);
    }

    [Theory]
    [InlineData("eu-standard-rate-b2c")]
    [InlineData("us-sales-tax")]
    [InlineData("in-tax-invoice")]
    [InlineData("kr-invoice")]
    public void A_buyer_without_a_Peppol_identity_is_addressed_by_the_GLN_the_operator_allocated(string fixture)
    {
        var endpoint = XDocument.Parse(Rendered.Value[fixture]).Root!.Element(Cac + "AccountingCustomerParty")!.Element(Cac + "Party")!.Element(Cbc + "EndpointID")!;

        Assert.Equal(InvoiceFixtures.AllocatedBuyerAddress, $"{endpoint.Attribute("schemeID")?.Value}:{endpoint.Value}");
    }

    [Fact]
    public void An_invoice_is_type_380_with_the_Peppol_BIS_3_customization_and_profile()
    {
        var doc = XDocument.Parse(Rendered.Value["eu-standard-rate-b2c"]);

        Assert.Equal("Invoice", doc.Root!.Name.LocalName);
        Assert.Equal("380", doc.Root.Element(Cbc + "InvoiceTypeCode")?.Value);
        Assert.Equal(UblInvoiceWriter.CustomizationId, doc.Root.Element(Cbc + "CustomizationID")?.Value);
        Assert.Equal(UblInvoiceWriter.ProfileId, doc.Root.Element(Cbc + "ProfileID")?.Value);
        Assert.Equal("TWE-2026-000041", doc.Root.Element(Cbc + "ID")?.Value);
    }

    [Fact]
    public void A_credit_note_is_type_381_with_positive_amounts_and_a_reference_to_the_corrected_invoice()
    {
        var doc = XDocument.Parse(Rendered.Value["credit-note"]);
        var root = doc.Root!;

        Assert.Equal("CreditNote", root.Name.LocalName);
        Assert.Equal("381", root.Element(Cbc + "CreditNoteTypeCode")?.Value);
        Assert.Equal("TWE-2026-000041", root.Element(Cac + "BillingReference")?.Element(Cac + "InvoiceDocumentReference")?.Element(Cbc + "ID")?.Value);
        Assert.Equal("58.31", root.Element(Cac + "LegalMonetaryTotal")?.Element(Cbc + "PayableAmount")?.Value);
        var line = Assert.Single(root.Elements(Cac + "CreditNoteLine"));
        Assert.Equal("1", line.Element(Cbc + "CreditedQuantity")?.Value);
        Assert.Equal("49.00", line.Element(Cbc + "LineExtensionAmount")?.Value);
    }

    [Fact]
    public void Reverse_charge_names_both_VAT_ids_and_the_exemption_reason()
    {
        var root = XDocument.Parse(Rendered.Value["eu-reverse-charge-b2b"]).Root!;
        var category = root.Element(Cac + "TaxTotal")!.Element(Cac + "TaxSubtotal")!.Element(Cac + "TaxCategory")!;

        Assert.Equal("AE", category.Element(Cbc + "ID")?.Value);
        Assert.Equal("VATEX-EU-AE", category.Element(Cbc + "TaxExemptionReasonCode")?.Value);
        Assert.Equal("IE6388047V", root.Element(Cac + "AccountingSupplierParty")!.Descendants(Cac + "PartyTaxScheme").Single().Element(Cbc + "CompanyID")?.Value);
        Assert.Equal("FR32123456789", root.Element(Cac + "AccountingCustomerParty")!.Descendants(Cac + "PartyTaxScheme").Single().Element(Cbc + "CompanyID")?.Value);
        Assert.Contains("Autoliquidation", root.Element(Cbc + "Note")?.Value, StringComparison.Ordinal);
    }

    [Fact]
    public void A_sub_cent_unit_price_is_kept_when_quantity_times_price_rounds_to_the_line_amount()
    {
        var line = Lines("eu-standard-rate-b2c")[1];

        Assert.Equal("0.00035", line.Element(Cac + "Price")?.Element(Cbc + "PriceAmount")?.Value);
        Assert.Null(line.Element(Cac + "Price")?.Element(Cbc + "BaseQuantity"));
        Assert.Equal("123457", line.Element(Cbc + "InvoicedQuantity")?.Value);
        Assert.Equal("43.21", line.Element(Cbc + "LineExtensionAmount")?.Value);
    }

    [Fact]
    public void A_tiered_line_is_priced_for_its_whole_quantity_with_a_base_quantity()
    {
        var line = Lines("eu-reverse-charge-b2b")[1];
        var price = line.Element(Cac + "Price")!;

        Assert.Equal("31.80", price.Element(Cbc + "PriceAmount")?.Value);
        Assert.Equal("1530", price.Element(Cbc + "BaseQuantity")?.Value);
        Assert.Equal("E34", price.Element(Cbc + "BaseQuantity")?.Attribute("unitCode")?.Value);
        Assert.Equal("E34", line.Element(Cbc + "InvoicedQuantity")?.Attribute("unitCode")?.Value);
    }

    [Fact]
    public void A_tax_currency_adds_its_code_and_a_second_tax_total_with_only_the_amount()
    {
        var root = XDocument.Parse(Rendered.Value["usd-invoice-tax-in-eur"]).Root!;
        var totals = root.Elements(Cac + "TaxTotal").ToList();

        Assert.Equal("EUR", root.Element(Cbc + "TaxCurrencyCode")?.Value);
        Assert.Equal(2, totals.Count);
        Assert.Equal("USD", totals[0].Element(Cbc + "TaxAmount")?.Attribute("currencyID")?.Value);
        Assert.Equal("EUR", totals[1].Element(Cbc + "TaxAmount")?.Attribute("currencyID")?.Value);
        Assert.Equal("9.03", totals[1].Element(Cbc + "TaxAmount")?.Value);
        Assert.Empty(totals[1].Elements(Cac + "TaxSubtotal"));
    }

    [Fact]
    public void Japanese_yen_amounts_have_no_decimals_and_the_tax_is_rounded_once_for_the_rate()
    {
        var root = XDocument.Parse(Rendered.Value["jp-qualified-invoice"]).Root!;
        var subtotal = root.Element(Cac + "TaxTotal")!.Element(Cac + "TaxSubtotal")!;

        Assert.Equal("45220", subtotal.Element(Cbc + "TaxableAmount")?.Value);
        Assert.Equal("4522", subtotal.Element(Cbc + "TaxAmount")?.Value);
        Assert.Equal("49742", root.Element(Cac + "LegalMonetaryTotal")?.Element(Cbc + "PayableAmount")?.Value);
        Assert.Equal("0221", root.Element(Cac + "AccountingSupplierParty")!.Descendants(Cbc + "EndpointID").Single().Attribute("schemeID")?.Value);
    }

    [Fact]
    public void Indian_lines_carry_their_SAC_code_as_item_classification()
    {
        var codes = Lines("in-tax-invoice").Select(l => l.Descendants(Cbc + "ItemClassificationCode").Single().Value).ToList();

        Assert.Equal(["998315", "998314"], codes);
    }

    [Fact]
    public void Outside_scope_documents_show_no_VAT_id_and_no_rate()
    {
        var root = XDocument.Parse(Rendered.Value["eu-outside-scope"]).Root!;
        var category = root.Element(Cac + "TaxTotal")!.Element(Cac + "TaxSubtotal")!.Element(Cac + "TaxCategory")!;

        Assert.Equal("O", category.Element(Cbc + "ID")?.Value);
        Assert.Null(category.Element(Cbc + "Percent"));
        Assert.Equal("VATEX-EU-O", category.Element(Cbc + "TaxExemptionReasonCode")?.Value);
        Assert.Empty(root.Descendants(Cac + "PartyTaxScheme"));
    }

    [Fact]
    public void Bank_transfer_names_the_payee_account_and_the_payment_reference()
    {
        var means = XDocument.Parse(Rendered.Value["eu-standard-rate-b2c"]).Root!.Element(Cac + "PaymentMeans")!;

        Assert.Equal("58", means.Element(Cbc + "PaymentMeansCode")?.Value);
        Assert.Equal("TWE-2026-000041", means.Element(Cbc + "PaymentID")?.Value);
        Assert.Equal("IE29AIBK93115212345678", means.Element(Cac + "PayeeFinancialAccount")?.Element(Cbc + "ID")?.Value);
    }

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Every_fixture_totals_the_sum_of_its_lines_plus_tax(string fixture)
    {
        var invoice = InvoiceFixtures.All[fixture];
        var lines = invoice.Lines.Sum(l => l.Amount.MinorUnits);
        var tax = invoice.TaxSubtotals.Sum(s => s.TaxAmount.MinorUnits);

        Assert.Equal(lines, invoice.Subtotal.MinorUnits);
        Assert.Equal(tax, invoice.TotalTax.MinorUnits);
        Assert.Equal(lines + tax, invoice.Total.MinorUnits);
    }

    private static List<XElement> Lines(string fixture) =>
        XDocument.Parse(Rendered.Value[fixture]).Root!.Elements(Cac + "InvoiceLine").ToList();
}
