using System.Net;
using System.Text.RegularExpressions;
using Tradewind.Billing.Documents;
using Tradewind.Contracts.Billing;

namespace Tradewind.Billing.Tests.Documents;

public sealed partial class HtmlDocumentTests
{
    private static readonly InvoiceDocuments Documents = new();

    [Fact]
    public void An_EU_invoice_in_German_shows_number_dates_VAT_id_rate_per_line_and_tax_per_rate()
    {
        var html = Render(InvoiceFixtures.EuStandardRateB2C());

        Assert.Contains("<html lang=\"de\">", html, StringComparison.Ordinal);
        var text = Text(html);
        Assert.Contains("Rechnung", text, StringComparison.Ordinal);
        Assert.Contains("Rechnungsnummer TWE-2026-000041", text, StringComparison.Ordinal);
        Assert.Contains("Rechnungsdatum 1. November 2026", text, StringComparison.Ordinal);
        Assert.Contains("Leistungszeitraum 1. Oktober 2026 – 31. Oktober 2026", text, StringComparison.Ordinal);
        Assert.Contains("USt-IdNr.: IE6388047V", text, StringComparison.Ordinal);
        Assert.Contains("49,00 € 49,00 € USt. 19 %", text, StringComparison.Ordinal);
        Assert.Contains("0,00035 € 43,21 € USt. 19 %", text, StringComparison.Ordinal);
        Assert.Contains("Aufschlüsselung nach Steuersätzen", text, StringComparison.Ordinal);
        Assert.Contains("USt. 19 % 92,21 € 17,52 €", text, StringComparison.Ordinal);
        Assert.Contains("Gesamtbetrag (brutto) 109,73 €", text, StringComparison.Ordinal);
        Assert.Contains("IE29 AIBK 9311 5212 3456 78", text, StringComparison.Ordinal);
    }

    [Fact]
    public void An_EU_reverse_charge_invoice_in_French_shows_both_VAT_ids_and_the_autoliquidation_legend()
    {
        var text = Text(Render(InvoiceFixtures.EuReverseChargeB2B()));

        Assert.Contains("Facture", text, StringComparison.Ordinal);
        Assert.Contains("N° TVA intracommunautaire : IE6388047V", text, StringComparison.Ordinal);
        Assert.Contains("N° TVA intracommunautaire : FR32123456789", text, StringComparison.Ordinal);
        Assert.Contains("Autoliquidation : la TVA est due par le preneur", text, StringComparison.Ordinal);
        Assert.Contains("Date d'émission 1 novembre 2026", text, StringComparison.Ordinal);
        Assert.Contains("Total TTC 1 281,80 €", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_Japanese_qualified_invoice_shows_the_registration_number_and_totals_and_tax_per_rate()
    {
        var html = Render(InvoiceFixtures.JapanQualifiedInvoice());

        Assert.Contains("<html lang=\"ja\">", html, StringComparison.Ordinal);
        var text = Text(html);
        Assert.Contains("適格請求書", text, StringComparison.Ordinal);
        Assert.Contains("適格請求書発行事業者登録番号：T5835678256246", text, StringComparison.Ordinal);
        Assert.Contains("発行日 2026年11月1日", text, StringComparison.Ordinal);
        Assert.Contains("税率ごとの合計額と消費税額等", text, StringComparison.Ordinal);
        // One rounding for the 10 % rate: 45,220 × 10 % = 4,522 (per line it would be 101 + 101 + 4,321 = 4,523).
        Assert.Contains("消費税 10% ¥45,220 ¥4,522", text, StringComparison.Ordinal);
        Assert.Contains("合計（税込） ¥49,742", text, StringComparison.Ordinal);
        Assert.Contains("株式会社サンプル商事", text, StringComparison.Ordinal);
        Assert.DoesNotContain("¥45,220.", text, StringComparison.Ordinal);
    }

    [Fact]
    public void An_Indian_tax_invoice_shows_both_GSTINs_the_SAC_codes_the_place_of_supply_and_IGST()
    {
        var text = Text(Render(InvoiceFixtures.IndiaTaxInvoice()));

        Assert.Contains("Tax invoice", text, StringComparison.Ordinal);
        Assert.Contains("GSTIN: 29AAGCT1234F1Z5", text, StringComparison.Ordinal);
        Assert.Contains("GSTIN: 27AAACE1234F1Z1", text, StringComparison.Ordinal);
        Assert.Contains("SAC 998315", text, StringComparison.Ordinal);
        Assert.Contains("SAC 998314", text, StringComparison.Ordinal);
        Assert.Contains("Place of supply Maharashtra (27)", text, StringComparison.Ordinal);
        Assert.Contains("IGST 18% ₹11,500.00 ₹2,070.00", text, StringComparison.Ordinal);
        Assert.Contains("rule 46 of the Central Goods and Services Tax Rules", text, StringComparison.Ordinal);
    }

    [Fact]
    public void An_intra_state_Indian_invoice_splits_the_tax_into_CGST_and_SGST_halves_that_add_up()
    {
        var invoice = InvoiceFixtures.Build(
            "TWI/2026-27/000016",
            InvoiceFixtures.IndiaIssuer,
            InvoiceFixtures.IndiaTaxInvoice().Buyer with { Address = new("MG Road", null, "Bengaluru", "560001", "KA", "IN") },
            "INR",
            "en",
            [new("Atlas Analytics – Pro", 1, "month", "4000.05", 4000.05m, "S", 0.18m, "CGST+SGST", "IN-KA")],
            [InvoiceLegends.IndiaTaxInvoice]);

        var text = Text(Render(invoice));

        // 4,000.05 × 18 % = 720.009 → 720.01, split 360.01 + 360.00.
        Assert.Contains("CGST 9% ₹4,000.05 ₹360.01", text, StringComparison.Ordinal);
        Assert.Contains("SGST 9% ₹4,000.05 ₹360.00", text, StringComparison.Ordinal);
        Assert.Contains("Place of supply Karnataka (29)", text, StringComparison.Ordinal);
    }

    [Fact]
    public void An_Australian_tax_invoice_says_tax_invoice_and_shows_the_ABN_and_GST()
    {
        var text = Text(Render(InvoiceFixtures.AustraliaTaxInvoice()));

        Assert.StartsWith("Tax invoice", text.Trim(), StringComparison.Ordinal);
        Assert.Contains("ABN: 51 824 753 556", text, StringComparison.Ordinal);
        Assert.Contains("GST 10% A$149.50 A$14.95", text, StringComparison.Ordinal);
        Assert.Contains("Total A$164.45", text, StringComparison.Ordinal);
        Assert.Contains("The total price includes GST", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_euro_invoice_for_a_dollar_listing_in_Spanish_states_the_conversion()
    {
        var text = Text(Render(InvoiceFixtures.EuroInvoiceForUsdListing()));

        Assert.Contains("Factura", text, StringComparison.Ordinal);
        Assert.Contains("Precios convertidos de USD a EUR al tipo 1 USD = 0,9214 EUR (tipo del 30 de octubre de 2026, ECB)", text, StringComparison.Ordinal);
        Assert.Contains("0,0092 €", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_tax_currency_total_is_printed_next_to_the_document_totals()
    {
        var text = Text(Render(InvoiceFixtures.UsdInvoiceWithTaxInEuro()));

        Assert.Contains("Steuer in EUR 9,03 €", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_credit_note_names_the_invoice_it_corrects()
    {
        var text = Text(Render(InvoiceFixtures.CreditNote()));

        Assert.Contains("Rechnungskorrektur", text, StringComparison.Ordinal);
        Assert.Contains("Berichtigte Rechnung TWE-2026-000041", text, StringComparison.Ordinal);
        Assert.Contains("Diese Rechnungskorrektur berichtigt die Rechnung TWE-2026-000041.", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_Korean_invoice_is_in_Korean_with_won_without_decimals()
    {
        var html = Render(InvoiceFixtures.KoreaInvoice());

        Assert.Contains("<html lang=\"ko\">", html, StringComparison.Ordinal);
        var text = Text(html);
        Assert.Contains("청구서", text, StringComparison.Ordinal);
        Assert.Contains("발행일 2026년 11월 1일", text, StringComparison.Ordinal);
        Assert.Contains("₩195,000", text, StringComparison.Ordinal);
        Assert.DoesNotContain("₩195,000.", text, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Every_page_is_complete_printable_and_script_free_without_the_generic_currency_sign(string fixture)
    {
        var html = Render(InvoiceFixtures.All[fixture]);

        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
        Assert.Contains("</html>", html, StringComparison.Ordinal);
        Assert.Contains("<style>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("src=", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("¤", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Text_from_the_document_is_HTML_encoded()
    {
        var invoice = InvoiceFixtures.AustraliaTaxInvoice();
        var hostile = invoice with { Buyer = invoice.Buyer with { Name = "<script>alert(1)</script> & Co" } };

        var html = Render(hostile);

        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; Co", html, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unsupported_language_falls_back_to_English()
    {
        var html = Render(InvoiceFixtures.EuStandardRateB2C() with { Language = "pt-BR" });

        Assert.Contains("<html lang=\"en\">", html, StringComparison.Ordinal);
        Assert.Contains("Invoice number", html, StringComparison.Ordinal);
    }

    [Fact]
    public void A_draft_says_it_is_not_a_valid_invoice()
    {
        var html = Render(InvoiceFixtures.EuStandardRateB2C() with { Status = InvoiceStatus.Draft, Number = null });

        Assert.Contains("Entwurf – keine gültige Rechnung", Text(html), StringComparison.Ordinal);
    }

    public static TheoryData<string> Fixtures() => InvoiceFixtures.Names();

    private static string Render(InvoiceDto invoice) => Documents.RenderHtml(invoice);

    /// <summary>The page's visible text: tags removed, entities decoded, every kind of space collapsed to one.</summary>
    private static string Text(string html)
    {
        var body = html[html.IndexOf("<body>", StringComparison.Ordinal)..];
        var text = WebUtility.HtmlDecode(Tags().Replace(body, " "));
        return Spaces().Replace(text, " ");
    }

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tags();

    [GeneratedRegex("[\\s\\u00A0\\u202F]+")]
    private static partial Regex Spaces();
}
