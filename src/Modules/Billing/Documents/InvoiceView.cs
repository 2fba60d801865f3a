using Tradewind.Contracts.Accounts;
using Tradewind.Contracts.Billing;

namespace Tradewind.Billing.Documents;

/// <summary>A labelled value printed on the document.</summary>
internal sealed record LabelledValue(string Label, string Value);

/// <summary>A party block: its heading, name, address lines and registrations.</summary>
internal sealed record PartyView(string Heading, string Name, IReadOnlyList<string> AddressLines, IReadOnlyList<string> Identifiers);

internal sealed record LineView(string Number, string Description, string Detail, string Period, string Quantity, string UnitPrice, string Amount, string TaxRate);

internal sealed record TaxRowView(string Label, string TaxableAmount, string TaxAmount);

/// <summary>
/// Everything the HTML and PDF documents print, already worded and formatted in the document's language, so both
/// formats show the same content. Built once per rendering from the <see cref="InvoiceDto"/>.
/// </summary>
/// <remarks>
/// Country content (docs/billing.md, "Documents"): EU invoices show the sequential number, issue date, both VAT ids,
/// the rate per line, tax per rate and the reverse-charge legend; a Japanese qualified invoice the issuer's
/// registration number and totals and tax per rate; an Indian tax invoice both GSTINs, each line's SAC, the place
/// of supply and IGST or the CGST/SGST halves; an Australian tax invoice the words "Tax invoice", the ABN and GST.
/// </remarks>
internal sealed class InvoiceView
{
    private InvoiceView()
    {
    }

    public required string Language { get; init; }

    public required string Title { get; init; }

    public string? DraftNotice { get; init; }

    public required IReadOnlyList<LabelledValue> Header { get; init; }

    public required PartyView Supplier { get; init; }

    public required PartyView Customer { get; init; }

    public required IReadOnlyList<string> LineColumns { get; init; }

    public required IReadOnlyList<LineView> Lines { get; init; }

    public required string TaxSummaryTitle { get; init; }

    public required IReadOnlyList<string> TaxColumns { get; init; }

    public required IReadOnlyList<TaxRowView> TaxRows { get; init; }

    public required IReadOnlyList<LabelledValue> Totals { get; init; }

    public required IReadOnlyList<string> Legends { get; init; }

    public required string PaymentTitle { get; init; }

    public required IReadOnlyList<LabelledValue> Payment { get; init; }

    public required string PaymentTerms { get; init; }

    public static InvoiceView From(InvoiceDto invoice, InvoiceText text)
    {
        ArgumentNullException.ThrowIfNull(invoice);
        var credit = invoice.Kind == InvoiceKind.CreditNote;
        var india = IsIndia(invoice);

        var header = new List<LabelledValue>
        {
            new(text[credit ? "CreditNoteNumber" : "Number"], UblInvoiceWriter.DocumentNumber(invoice)),
            new(text["IssueDate"], text.FormatDate(UblInvoiceWriter.IssueDate(invoice))),
        };
        if (!credit && invoice.DueDate is { } due)
        {
            header.Add(new(text["DueDate"], text.FormatDate(due)));
        }

        header.Add(new(text["BillingPeriod"], text.FormatPeriod(DocumentDates.FirstDay(invoice.PeriodStart), DocumentDates.LastDay(invoice.PeriodStart, invoice.PeriodEnd))));
        if (credit && invoice.CorrectsInvoiceNumber is { Length: > 0 } corrected)
        {
            header.Add(new(text["CorrectedInvoice"], corrected));
        }

        if (india)
        {
            header.Add(new(text["PlaceOfSupply"], IndianStates.Describe(invoice.Buyer.Address)));
        }

        var sellerRegistration = UblInvoiceWriter.SellerRegistration(invoice);
        var supplierIds = new List<string>();
        if (sellerRegistration is not null)
        {
            supplierIds.Add(text.Format("IdentifierPattern", RegistrationLabel(sellerRegistration.CountryCode, text), sellerRegistration.Number));
        }

        var customerIds = new List<string>();
        if (invoice.Buyer.TaxId is { Length: > 0 } buyerTaxId)
        {
            customerIds.Add(text.Format("IdentifierPattern", RegistrationLabel(invoice.Buyer.Address.CountryCode, text), buyerTaxId));
        }

        var lines = invoice.Lines.Select(line => new LineView(
            line.LineNumber.ToString(text.Culture),
            line.ProductTitle,
            LineDetail(line, india, text),
            text.FormatPeriod(DocumentDates.FirstDay(line.ServiceStart), DocumentDates.LastDay(line.ServiceStart, line.ServiceEnd)),
            text.FormatQuantity(line.Quantity) + (string.IsNullOrWhiteSpace(line.Unit) ? string.Empty : " " + line.Unit),
            text.FormatUnitPrice(line.UnitPrice, line.Amount.Currency),
            text.FormatMoney(line.Amount),
            TaxLabel(line.Tax.TaxType, line.Tax.Category, line.Tax.Rate, text))).ToList();

        var totals = new List<LabelledValue>
        {
            new(text["Subtotal"], text.FormatMoney(invoice.Subtotal)),
            new(text["TotalTax"], text.FormatMoney(invoice.TotalTax)),
            new(text["Total"], text.FormatMoney(invoice.Total)),
        };
        if (invoice.TaxCurrency is { Length: > 0 } taxCurrency && invoice.TotalTaxInTaxCurrency is { } taxInTaxCurrency
            && !string.Equals(taxCurrency, invoice.Currency, StringComparison.Ordinal))
        {
            totals.Add(new(text.Format("TaxInTaxCurrency", taxCurrency), text.FormatMoney(taxInTaxCurrency)));
        }

        return new InvoiceView
        {
            Language = text.Language,
            Title = TitleOf(invoice, text),
            DraftNotice = invoice.Status == InvoiceStatus.Draft ? text["DraftNotice"] : null,
            Header = header,
            Supplier = new PartyView(text["Supplier"], invoice.Issuer.LegalName, AddressLines(invoice.Issuer.Address), supplierIds),
            Customer = new PartyView(text["Customer"], invoice.Buyer.Name, AddressLines(invoice.Buyer.Address), customerIds),
            LineColumns = ["#", text["Description"], text["ServicePeriod"], text["Quantity"], text["UnitPrice"], text["Amount"], text["TaxRate"]],
            Lines = lines,
            TaxSummaryTitle = text["TaxSummary"],
            TaxColumns = [text["TaxRate"], text["TaxableAmount"], text["TaxAmount"]],
            TaxRows = TaxRowsOf(invoice, text),
            Totals = totals,
            Legends = invoice.Legends.Select(code => text.Legend(code, invoice)).ToList(),
            PaymentTitle = text["PaymentInstructions"],
            Payment = PaymentOf(invoice, text),
            PaymentTerms = credit ? text["CreditNoteTerms"] : invoice.DueDate is { } by ? text.Format("PaymentDueBy", text.FormatDate(by)) : text["PaymentOnReceipt"],
        };
    }

    private static bool IsIndia(InvoiceDto invoice) =>
        invoice.Legends.Contains(InvoiceLegends.IndiaTaxInvoice)
        || invoice.Lines.Any(l => l.Tax.Jurisdiction.StartsWith("IN", StringComparison.OrdinalIgnoreCase));

    private static string TitleOf(InvoiceDto invoice, InvoiceText text)
    {
        if (invoice.Kind == InvoiceKind.CreditNote)
        {
            return text["CreditNoteTitle"];
        }

        if (invoice.Legends.Contains(InvoiceLegends.JapanQualifiedInvoice))
        {
            return text["QualifiedInvoiceTitle"];
        }

        return invoice.Legends.Contains(InvoiceLegends.IndiaTaxInvoice) || invoice.Legends.Contains(InvoiceLegends.AustraliaTaxInvoice)
            ? text["TaxInvoiceTitle"]
            : text["InvoiceTitle"];
    }

    private static string RegistrationLabel(string countryCode, InvoiceText text) => countryCode.ToUpperInvariant() switch
    {
        "JP" => text["JpRegistrationNumber"],
        "IN" => text["Gstin"],
        "AU" => text["Abn"],
        var c when TaxIdentifiers.ForParty(c, "X", outsideScope: false) is { Scheme: "VAT" } => text["VatId"],
        _ => text["TaxRegistration"],
    };

    private static List<string> AddressLines(PostalAddress address)
    {
        var lines = new List<string> { address.Line1 };
        if (!string.IsNullOrWhiteSpace(address.Line2))
        {
            lines.Add(address.Line2);
        }

        lines.Add(string.Join(" ", new[] { address.PostalCode, address.City, address.Region }.Where(s => !string.IsNullOrWhiteSpace(s))));
        lines.Add(address.CountryCode.ToUpperInvariant());
        return lines;
    }

    private static string LineDetail(InvoiceLineDto line, bool india, InvoiceText text)
    {
        var parts = new List<string>();
        if (!string.Equals(line.Description, line.ProductTitle, StringComparison.Ordinal) && !string.IsNullOrWhiteSpace(line.Description))
        {
            parts.Add(line.Description);
        }

        if (india && Sac.TryGet(line) is { } sac)
        {
            parts.Add(text["Sac"] + " " + sac);
        }

        return string.Join(" · ", parts);
    }

    /// <summary>"VAT 19 %", "消費税 10%", or the category's wording where no rate applies (reverse charge, outside scope).</summary>
    private static string TaxLabel(string taxType, string category, decimal rate, InvoiceText text)
    {
        if (category is "AE" or "O" or "E" or "K" or "G")
        {
            return text["Category_" + category];
        }

        return TaxTypeName(taxType, text) + " " + text.FormatRate(rate);
    }

    private static string TaxTypeName(string taxType, InvoiceText text)
    {
        try
        {
            return text["TaxType_" + taxType];
        }
        catch (InvalidOperationException)
        {
            return taxType;
        }
    }

    /// <summary>
    /// One row per (category, rate); India's intra-state CGST+SGST is printed as its two halves (CGST Rules rule 46:
    /// rate and amount of each tax), the tax split so the halves add up exactly.
    /// </summary>
    private static List<TaxRowView> TaxRowsOf(InvoiceDto invoice, InvoiceText text)
    {
        var rows = new List<TaxRowView>();
        foreach (var subtotal in invoice.TaxSubtotals)
        {
            var parts = subtotal.TaxType.Split('+', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length > 1 && subtotal.Category == "S")
            {
                var shares = subtotal.TaxAmount.Allocate(Enumerable.Repeat(1, parts.Length).ToList());
                for (var i = 0; i < parts.Length; i++)
                {
                    rows.Add(new TaxRowView(
                        TaxTypeName(parts[i], text) + " " + text.FormatRate(subtotal.Rate / parts.Length),
                        text.FormatMoney(subtotal.TaxableAmount),
                        text.FormatMoney(shares[i])));
                }

                continue;
            }

            rows.Add(new TaxRowView(TaxLabel(subtotal.TaxType, subtotal.Category, subtotal.Rate, text), text.FormatMoney(subtotal.TaxableAmount), text.FormatMoney(subtotal.TaxAmount)));
        }

        return rows;
    }

    private static List<LabelledValue> PaymentOf(InvoiceDto invoice, InvoiceText text)
    {
        var rows = new List<LabelledValue>();
        if (invoice.Kind == InvoiceKind.CreditNote)
        {
            return rows;
        }

        if (invoice.PaymentReference is { Length: > 0 } reference)
        {
            rows.Add(new(text["PaymentReference"], reference));
        }

        if (invoice.Issuer.PayeeAccount is { } payee)
        {
            rows.Add(new(text["AccountHolder"], payee.HolderName));
            rows.Add(new(text["PaymentAccount"], payee.AccountId));
            if (payee.Bic is { Length: > 0 } bic)
            {
                rows.Add(new(text["Bic"], bic));
            }
        }
        else if (invoice.Issuer.PaymentAccount is { } account)
        {
            rows.Add(new(text["AccountHolder"], account.HolderName));
            rows.Add(new(text["PaymentAccount"], text.Format("AccountEndingIn", account.Last4)));
        }

        return rows;
    }
}
