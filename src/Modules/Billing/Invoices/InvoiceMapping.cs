using Tradewind.Contracts.Billing;
using Tradewind.Primitives.Money;

namespace Tradewind.Billing.Invoices;

/// <summary>Documents as the contracts describe them.</summary>
internal static class InvoiceMapping
{
    /// <summary>The whole document, or (for a seller) only the lines of <paramref name="lines"/> with totals summed from them.</summary>
    public static InvoiceDto ToDto(Invoice invoice, IReadOnlyList<InvoiceLine>? lines = null)
    {
        var currency = Currency.FromCode(invoice.Currency);
        var shown = lines ?? invoice.Lines.OrderBy(l => l.LineNumber).ToList();
        var partial = lines is not null;
        var buyer = InvoiceJson.Read<InvoiceJson.StoredBuyer>(invoice.BuyerJson);
        var issuer = InvoiceJson.Read<InvoiceJson.StoredIssuer>(invoice.IssuerJson);
        var taxCurrency = invoice.TaxCurrency is { } code ? Currency.FromCode(code) : null;
        var subtotals = partial
            ? InvoiceTaxes.Subtotals(shown, currency, null, null)
            : InvoiceJson.Read<List<InvoiceJson.StoredSubtotal>>(invoice.TaxSubtotalsJson);
        var subtotal = partial ? shown.Sum(l => l.AmountMinor) : invoice.SubtotalMinor;
        var tax = partial ? shown.Sum(l => l.TaxMinor) : invoice.TotalTaxMinor;
        return new InvoiceDto(
            invoice.Id,
            invoice.Kind,
            invoice.Number,
            invoice.Status,
            new InvoiceBuyer(invoice.BuyerId, buyer.Name, buyer.Address, buyer.TaxId, buyer.IsBusiness, buyer.Email, buyer.PeppolAddress),
            new InvoiceIssuer(issuer.EntityCode, issuer.LegalName, issuer.Address, issuer.TaxRegistrations, issuer.PaymentAccount, PeppolParticipantId: issuer.PeppolParticipantId),
            invoice.Currency,
            invoice.Language,
            invoice.PeriodStart,
            invoice.PeriodEnd,
            invoice.IssueDate,
            invoice.DueDate,
            shown.Select(l => ToDto(l, currency)).ToList(),
            subtotals.Select(s => new InvoiceTaxSubtotal(
                    s.Category, s.Rate, s.TaxType, s.Jurisdiction, Money.FromMinor(s.TaxableMinor, currency), Money.FromMinor(s.TaxMinor, currency), s.ExemptionReason,
                    taxCurrency is not null && s.TaxInTaxCurrencyMinor is { } converted ? Money.FromMinor(converted, taxCurrency) : null))
                .ToList(),
            Money.FromMinor(subtotal, currency),
            Money.FromMinor(tax, currency),
            Money.FromMinor(checked(subtotal + tax), currency),
            partial ? null : invoice.TaxCurrency,
            !partial && taxCurrency is not null && invoice.TotalTaxInTaxCurrencyMinor is { } taxInTaxCurrency ? Money.FromMinor(taxInTaxCurrency, taxCurrency) : null,
            invoice.ConversionJson is { } conversion ? InvoiceJson.Read<InvoiceConversion>(conversion) : null,
            invoice.PaymentReference,
            invoice.CorrectsInvoiceId,
            invoice.CorrectsInvoiceNumber,
            InvoiceJson.ReadLegends(invoice.LegendsJson),
            invoice.CreatedAt,
            invoice.FinalizedAt,
            invoice.PaidAt,
            invoice.VoidedAt);
    }

    public static InvoiceLineDto ToDto(InvoiceLine line, Currency currency) => new(
        line.LineNumber,
        line.Kind,
        line.AgreementId,
        line.ProductId,
        line.ProductTitle,
        line.Dimension,
        line.Description,
        line.Quantity,
        line.Unit,
        line.UnitPrice,
        Money.FromMinor(line.AmountMinor, currency),
        line.ServiceStart,
        line.ServiceEnd,
        line.TaxCode,
        new InvoiceLineTax(line.TaxJurisdiction, line.TaxType, line.TaxRate, line.TaxTreatment, line.TaxCategory, Money.FromMinor(line.TaxMinor, currency), line.TaxNote),
        InvoiceJson.ReadSteps(line.StepsJson));

    public static InvoiceSummaryDto ToSummary(Invoice invoice)
    {
        var currency = Currency.FromCode(invoice.Currency);
        return new InvoiceSummaryDto(
            invoice.Id, invoice.Kind, invoice.Number, invoice.Status, invoice.BuyerId, invoice.BuyerName, invoice.IssuerEntityCode, invoice.Currency,
            invoice.PeriodStart, invoice.PeriodEnd, invoice.IssueDate,
            Money.FromMinor(invoice.SubtotalMinor, currency), Money.FromMinor(invoice.TotalTaxMinor, currency), Money.FromMinor(invoice.TotalMinor, currency));
    }
}
