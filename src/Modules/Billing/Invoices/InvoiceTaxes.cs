using Tradewind.Contracts.Billing;
using Tradewind.Contracts.Tax;
using Tradewind.Primitives.Money;

namespace Tradewind.Billing.Invoices;

/// <summary>How the tax engine's answer becomes a document's tax columns, subtotals and legends.</summary>
internal static class InvoiceTaxes
{
    /// <summary>The EU member states (VAT Directive art. 226(10a): the VAT amount in the member state's currency).</summary>
    private static readonly HashSet<string> EuCountries = new(
        ["AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE", "IT", "LV", "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE"],
        StringComparer.Ordinal);

    /// <summary>
    /// The UNCL5305 category of a line: reverse charge <c>AE</c>; not collected (outside the issuer's scope) <c>O</c>;
    /// zero-rated (or a standard rate of 0) <c>Z</c>; exempt <c>E</c>; otherwise standard <c>S</c>.
    /// </summary>
    public static string Category(string treatment, decimal rate) => treatment switch
    {
        TaxTreatments.ReverseCharge => "AE",
        TaxTreatments.NotCollected => "O",
        TaxTreatments.Exempt => "E",
        TaxTreatments.ZeroRated => "Z",
        _ when rate == 0m => "Z",
        _ => "S",
    };

    /// <summary>
    /// Where the law asks for the tax in the issuer's currency too: an EU issuer (VAT Directive art. 230) and Singapore
    /// (GST Act, reg. 11: the GST in SGD). Null when the document is already in that currency.
    /// </summary>
    public static string? TaxCurrency(string issuerCountry, string issuerCurrency, string invoiceCurrency) =>
        !string.Equals(issuerCurrency, invoiceCurrency, StringComparison.Ordinal) && (EuCountries.Contains(issuerCountry) || issuerCountry == "SG")
            ? issuerCurrency
            : null;

    /// <summary>Tax per category, rate, type and jurisdiction, summed from the lines (taxable amount and tax).</summary>
    public static List<InvoiceJson.StoredSubtotal> Subtotals(IReadOnlyList<InvoiceLine> lines, Currency currency, decimal? taxCurrencyRate, Currency? taxCurrency) =>
        lines
            .GroupBy(l => (l.TaxCategory, l.TaxRate, l.TaxType, l.TaxJurisdiction))
            .OrderBy(g => g.Key.TaxCategory, StringComparer.Ordinal).ThenBy(g => g.Key.TaxRate)
            .Select(g =>
            {
                var tax = g.Sum(l => l.TaxMinor);
                long? converted = taxCurrencyRate is { } rate && taxCurrency is not null
                    ? Money.FromMajor(Money.FromMinor(tax, currency).Amount * rate, taxCurrency, MidpointRounding.AwayFromZero).MinorUnits
                    : null;
                return new InvoiceJson.StoredSubtotal(
                    g.Key.TaxCategory, g.Key.TaxRate, g.Key.TaxType, g.Key.TaxJurisdiction, g.Sum(l => l.AmountMinor), tax,
                    g.Select(l => l.TaxNote).FirstOrDefault(n => !string.IsNullOrEmpty(n)), converted);
            })
            .ToList();

    /// <summary>The mandatory statements the document must print, from its lines' treatments, its issuer and its conversion.</summary>
    public static List<string> Legends(IReadOnlyList<InvoiceLine> lines, string issuerCountry, bool converted, bool creditNote)
    {
        var legends = new List<string>();
        if (lines.Any(l => l.TaxTreatment == TaxTreatments.ReverseCharge))
        {
            legends.Add(InvoiceLegends.ReverseCharge);
        }

        if (lines.Any(l => l.TaxTreatment == TaxTreatments.NotCollected))
        {
            legends.Add(InvoiceLegends.OutsideScope);
        }

        switch (issuerCountry)
        {
            case "JP":
                legends.Add(InvoiceLegends.JapanQualifiedInvoice);
                break;
            case "IN":
                legends.Add(InvoiceLegends.IndiaTaxInvoice);
                break;
            case "AU":
                legends.Add(InvoiceLegends.AustraliaTaxInvoice);
                break;
        }

        if (converted)
        {
            legends.Add(InvoiceLegends.CurrencyConverted);
        }

        if (creditNote)
        {
            legends.Add(InvoiceLegends.CorrectsInvoice);
        }

        return legends;
    }
}
