using System.Globalization;
using System.Xml.Linq;
using Tradewind.Contracts.Accounts;
using Tradewind.Contracts.Billing;
using Tradewind.Primitives.Money;

namespace Tradewind.Billing.Documents;

/// <summary>
/// Writes a billing document as a UBL 2.1 Invoice (type 380) or CreditNote (type 381) under the Peppol BIS
/// Billing 3.0 profile of EN 16931.
/// </summary>
/// <remarks>
/// <para>
/// Element order follows the two UBL maindoc schemas, which differ (a credit note has no <c>DueDate</c>, its type
/// code has another name and its lines are <c>CreditNoteLine</c>/<c>CreditedQuantity</c>). Amounts are written with
/// exactly the currency's minor units (EN 16931 allows at most two), invariant culture. A credit note whose
/// amounts are negative in Tradewind is written with positive amounts: the document type carries the sign.
/// </para>
/// <para>
/// Prices: a line whose unit price times quantity rounds to its amount is written with that (possibly sub-cent)
/// unit price; any other line (tiers, proration, re-rated late usage) is written as the price of the whole
/// quantity with <c>BaseQuantity</c> = quantity, so Peppol rule R120 (line amount = quantity × price / base
/// quantity, ±0.02) holds exactly. See docs/decisions/0022.
/// </para>
/// </remarks>
internal static class UblInvoiceWriter
{
    private static readonly XNamespace Cac = "urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2";
    private static readonly XNamespace Cbc = "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2";
    private static readonly XNamespace InvoiceNs = "urn:oasis:names:specification:ubl:schema:xsd:Invoice-2";
    private static readonly XNamespace CreditNoteNs = "urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2";

    internal const string CustomizationId = "urn:cen.eu:en16931:2017#compliant#urn:fdc:peppol.eu:2017:poacc:billing:3.0";
    internal const string ProfileId = "urn:fdc:peppol.eu:2017:poacc:billing:01:1.0";

    public static string Write(InvoiceDto invoice, InvoiceText text)
    {
        ArgumentNullException.ThrowIfNull(invoice);
        var credit = invoice.Kind == InvoiceKind.CreditNote;
        var ns = credit ? CreditNoteNs : InvoiceNs;

        // Tradewind may store a credit note's amounts as negative; UBL wants them positive (the type carries the sign).
        var sign = credit && invoice.Total.IsNegative ? -1 : 1;
        var currency = invoice.Currency;
        var seller = SellerRegistration(invoice);

        var root = new XElement(ns + (credit ? "CreditNote" : "Invoice"),
            new XAttribute(XNamespace.Xmlns + "cac", Cac.NamespaceName),
            new XAttribute(XNamespace.Xmlns + "cbc", Cbc.NamespaceName),
            new XElement(Cbc + "CustomizationID", CustomizationId),
            new XElement(Cbc + "ProfileID", ProfileId),
            new XElement(Cbc + "ID", DocumentNumber(invoice)),
            new XElement(Cbc + "IssueDate", Date(IssueDate(invoice))),
            credit ? null : Optional(Cbc + "DueDate", invoice.DueDate is { } due ? Date(due) : null),
            new XElement(Cbc + (credit ? "CreditNoteTypeCode" : "InvoiceTypeCode"), credit ? "381" : "380"),
            Optional(Cbc + "Note", Note(invoice, text)),
            new XElement(Cbc + "DocumentCurrencyCode", currency),
            Optional(Cbc + "TaxCurrencyCode", HasTaxCurrency(invoice) ? invoice.TaxCurrency : null),
            new XElement(Cbc + "BuyerReference", invoice.Buyer.Id.ToString()),
            new XElement(Cac + "InvoicePeriod",
                new XElement(Cbc + "StartDate", Date(DocumentDates.FirstDay(invoice.PeriodStart))),
                new XElement(Cbc + "EndDate", Date(DocumentDates.LastDay(invoice.PeriodStart, invoice.PeriodEnd)))),
            credit && invoice.CorrectsInvoiceNumber is { Length: > 0 } corrected
                ? new XElement(Cac + "BillingReference",
                    new XElement(Cac + "InvoiceDocumentReference", new XElement(Cbc + "ID", corrected)))
                : null,
            SupplierParty(invoice, seller),
            CustomerParty(invoice),
            Delivery(invoice),
            PaymentMeans(invoice, credit),
            PaymentTerms(invoice, text),
            TaxTotals(invoice, sign),
            MonetaryTotal(invoice, sign),
            invoice.Lines.Select(line => Line(line, currency, credit, sign)));

        var document = new XDocument(new XDeclaration("1.0", "UTF-8", null), root);
        using var writer = new Utf8StringWriter();
        document.Save(writer, SaveOptions.None);
        return writer.ToString();
    }

    internal static string DocumentNumber(InvoiceDto invoice) =>
        invoice.Number ?? string.Create(CultureInfo.InvariantCulture, $"DRAFT-{invoice.Id}");

    internal static DateOnly IssueDate(InvoiceDto invoice) =>
        invoice.IssueDate ?? DateOnly.FromDateTime(invoice.CreatedAt.UtcDateTime);

    private static bool HasTaxCurrency(InvoiceDto invoice) =>
        invoice.TaxCurrency is { Length: > 0 } tc && !string.Equals(tc, invoice.Currency, StringComparison.Ordinal) && invoice.TotalTaxInTaxCurrency is not null;

    /// <summary>Peppol allows one document note: the legends, worded in the document's language.</summary>
    private static string? Note(InvoiceDto invoice, InvoiceText text)
    {
        var legends = invoice.Legends.Select(code => text.Legend(code, invoice)).Where(s => s.Length > 0).ToList();
        return legends.Count == 0 ? null : string.Join(" ", legends);
    }

    /// <summary>The issuer's registration printed as its tax id: the one for the buyer's country, else its home country's, else the first.</summary>
    internal static TaxRegistrationDto? SellerRegistration(InvoiceDto invoice)
    {
        var registrations = invoice.Issuer.TaxRegistrations;
        return registrations.FirstOrDefault(r => SameCountry(r.CountryCode, invoice.Buyer.Address.CountryCode))
            ?? registrations.FirstOrDefault(r => SameCountry(r.CountryCode, invoice.Issuer.Address.CountryCode))
            ?? (registrations.Count > 0 ? registrations[0] : null);
    }

    private static bool SameCountry(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);

    private static bool Uses(InvoiceDto invoice, string category) =>
        invoice.Lines.Any(l => string.Equals(l.Tax.Category, category, StringComparison.Ordinal));

    private static XElement SupplierParty(InvoiceDto invoice, TaxRegistrationDto? registration)
    {
        var issuer = invoice.Issuer;
        // EN 16931 BR-O-02: a document with "outside the scope" lines must not show the seller's VAT id.
        var taxId = registration is null ? null : TaxIdentifiers.ForParty(registration.CountryCode, registration.Number, Uses(invoice, "O"));
        var endpoint = TaxIdentifiers.Participant(issuer.PeppolParticipantId)
            ?? (registration is null ? null : TaxIdentifiers.Endpoint(registration.CountryCode, registration.Number));
        // EN 16931 BR-CO-26: a seller identifier when no VAT id is shown (non-VAT registrations; BR-O-02 hides the VAT id).
        var sellerId = taxId is { Scheme: "VAT" } ? null : SellerIdentifier(issuer, registration);
        return new XElement(Cac + "AccountingSupplierParty",
            new XElement(Cac + "Party",
                endpoint is null ? null : new XElement(Cbc + "EndpointID", new XAttribute("schemeID", endpoint.Value.Scheme), endpoint.Value.Id),
                sellerId is null
                    ? null
                    : new XElement(Cac + "PartyIdentification",
                        new XElement(Cbc + "ID", sellerId.Value.Scheme is { } scheme ? new XAttribute("schemeID", scheme) : null, sellerId.Value.Id)),
                new XElement(Cac + "PartyName", new XElement(Cbc + "Name", issuer.LegalName)),
                Address(issuer.Address),
                taxId is null ? null : PartyTaxScheme(taxId.Value),
                new XElement(Cac + "PartyLegalEntity", new XElement(Cbc + "RegistrationName", issuer.LegalName))));
    }

    /// <summary>The registration as an ISO 6523 identifier where one exists (ABN 0151, Japanese registration number 0221), else the registration or the entity code.</summary>
    private static (string Id, string? Scheme)? SellerIdentifier(InvoiceIssuer issuer, TaxRegistrationDto? registration)
    {
        if (registration is null || TaxIdentifiers.ForParty(registration.CountryCode, registration.Number, outsideScope: true) is not { } id)
        {
            return (issuer.EntityCode, null);
        }

        return TaxIdentifiers.Endpoint(registration.CountryCode, registration.Number) is { Scheme: "0151" or "0221" } endpoint
            ? (endpoint.Id, endpoint.Scheme)
            : (id.CompanyId, null);
    }

    private static XElement CustomerParty(InvoiceDto invoice)
    {
        var buyer = invoice.Buyer;
        var taxId = buyer.TaxId is { Length: > 0 } id ? TaxIdentifiers.ForParty(buyer.Address.CountryCode, id, Uses(invoice, "O")) : null;
        // The address the tax id gives (EU VAT, ABN, Japanese registration number), else the one the operator allocated.
        var endpoint = (buyer.TaxId is { Length: > 0 } tid ? TaxIdentifiers.Endpoint(buyer.Address.CountryCode, tid) : null)
            ?? TaxIdentifiers.Participant(buyer.PeppolAddress);
        return new XElement(Cac + "AccountingCustomerParty",
            new XElement(Cac + "Party",
                endpoint is null ? null : new XElement(Cbc + "EndpointID", new XAttribute("schemeID", endpoint.Value.Scheme), endpoint.Value.Id),
                Address(buyer.Address),
                taxId is null ? null : PartyTaxScheme(taxId.Value),
                new XElement(Cac + "PartyLegalEntity", new XElement(Cbc + "RegistrationName", buyer.Name)),
                buyer.Email is { Length: > 0 } email ? new XElement(Cac + "Contact", new XElement(Cbc + "ElectronicMail", email)) : null));
    }

    /// <summary>EN 16931 BR-IC-12: an intra-community supply names the country delivered to (the buyer's).</summary>
    private static XElement? Delivery(InvoiceDto invoice) =>
        Uses(invoice, "K")
            ? new XElement(Cac + "Delivery",
                new XElement(Cac + "DeliveryLocation",
                    new XElement(Cac + "Address",
                        new XElement(Cac + "Country", new XElement(Cbc + "IdentificationCode", invoice.Buyer.Address.CountryCode.ToUpperInvariant())))))
            : null;

    private static XElement PartyTaxScheme((string CompanyId, string Scheme) taxId) =>
        new(Cac + "PartyTaxScheme",
            new XElement(Cbc + "CompanyID", taxId.CompanyId),
            new XElement(Cac + "TaxScheme", new XElement(Cbc + "ID", taxId.Scheme)));

    private static XElement Address(PostalAddress address) =>
        new(Cac + "PostalAddress",
            Optional(Cbc + "StreetName", address.Line1),
            Optional(Cbc + "AdditionalStreetName", address.Line2),
            Optional(Cbc + "CityName", address.City),
            Optional(Cbc + "PostalZone", address.PostalCode),
            Optional(Cbc + "CountrySubentity", address.Region),
            new XElement(Cac + "Country", new XElement(Cbc + "IdentificationCode", address.CountryCode.ToUpperInvariant())));

    /// <summary>
    /// Bank transfer when the account is known in full: UNCL4461 58 (SEPA credit transfer) for an IBAN in a EUR
    /// document, 30 (credit transfer) otherwise, with the account (BT-84, required by BR-61) and the reference to quote
    /// (BT-83). Without a full account only the reference is given, as means 1 ("not defined"): the issuer's
    /// collection account is otherwise known only by its last four characters, which is no account identifier.
    /// </summary>
    private static XElement? PaymentMeans(InvoiceDto invoice, bool credit)
    {
        var account = invoice.Issuer.PayeeAccount;
        var reference = invoice.PaymentReference is { Length: > 0 } r ? r : null;
        if (credit || (account is null && reference is null))
        {
            return null;
        }

        if (account is null)
        {
            return new XElement(Cac + "PaymentMeans", new XElement(Cbc + "PaymentMeansCode", "1"), Optional(Cbc + "PaymentID", reference));
        }

        var sepa = IsIban(account.AccountId) && string.Equals(invoice.Currency, "EUR", StringComparison.Ordinal);
        return new XElement(Cac + "PaymentMeans",
            new XElement(Cbc + "PaymentMeansCode", new XAttribute("name", sepa ? "SEPA credit transfer" : "Credit transfer"), sepa ? "58" : "30"),
            Optional(Cbc + "PaymentID", reference),
            new XElement(Cac + "PayeeFinancialAccount",
                new XElement(Cbc + "ID", Compact(account.AccountId)),
                Optional(Cbc + "Name", account.HolderName),
                account.Bic is { Length: > 0 } bic
                    ? new XElement(Cac + "FinancialInstitutionBranch", new XElement(Cbc + "ID", bic))
                    : null));
    }

    internal static bool IsIban(string accountId)
    {
        var compact = Compact(accountId);
        return compact.Length >= 15 && char.IsAsciiLetter(compact[0]) && char.IsAsciiLetter(compact[1])
            && char.IsAsciiDigit(compact[2]) && char.IsAsciiDigit(compact[3]);
    }

    private static string Compact(string value) => new(value.Where(c => !char.IsWhiteSpace(c)).ToArray());

    private static XElement? PaymentTerms(InvoiceDto invoice, InvoiceText text)
    {
        var terms = invoice.Kind == InvoiceKind.CreditNote
            ? text["CreditNoteTerms"]
            : invoice.DueDate is { } due
                ? text.Format("PaymentDueBy", text.FormatDate(due))
                : text["PaymentOnReceipt"];
        return new XElement(Cac + "PaymentTerms", new XElement(Cbc + "Note", terms));
    }

    private static IEnumerable<XElement> TaxTotals(InvoiceDto invoice, int sign)
    {
        yield return new XElement(Cac + "TaxTotal",
            Amount("TaxAmount", invoice.TotalTax, sign),
            invoice.TaxSubtotals.Select(subtotal => new XElement(Cac + "TaxSubtotal",
                Amount("TaxableAmount", subtotal.TaxableAmount, sign),
                Amount("TaxAmount", subtotal.TaxAmount, sign),
                TaxCategory("TaxCategory", subtotal.Category, subtotal.Rate, withReason: true, subtotal.ExemptionReason))));

        // BT-111: the VAT total in the accounting currency (VAT Directive art. 230), a TaxTotal with only the amount.
        if (HasTaxCurrency(invoice) && invoice.TotalTaxInTaxCurrency is { } inTaxCurrency)
        {
            yield return new XElement(Cac + "TaxTotal", Amount("TaxAmount", inTaxCurrency, sign));
        }
    }

    private static XElement TaxCategory(string name, string category, decimal rate, bool withReason, string? reason)
    {
        var exempt = Exemption(category, reason);
        return new XElement(Cac + name,
            new XElement(Cbc + "ID", category),
            // BR-O-05: "outside the scope" carries no rate at all.
            category == "O" ? null : new XElement(Cbc + "Percent", Percent(rate)),
            withReason && exempt is { } e ? new XElement(Cbc + "TaxExemptionReasonCode", e.Code) : null,
            withReason && exempt is { } f ? new XElement(Cbc + "TaxExemptionReason", f.Text) : null,
            new XElement(Cac + "TaxScheme", new XElement(Cbc + "ID", "VAT")));
    }

    /// <summary>EN 16931 BR-AE/E/Z…-10: exemption reasons the categories require (VATEX codes from the CEF list).</summary>
    private static (string Code, string Text)? Exemption(string category, string? reason) => category switch
    {
        "AE" => ("VATEX-EU-AE", reason is { Length: > 0 } ? reason : "Reverse charge"),
        "O" => ("VATEX-EU-O", reason is { Length: > 0 } ? reason : "Not subject to VAT"),
        "K" => ("VATEX-EU-IC", reason is { Length: > 0 } ? reason : "Intra-community supply"),
        "G" => ("VATEX-EU-G", reason is { Length: > 0 } ? reason : "Export outside the EU"),
        "E" => ("VATEX-EU-132", reason is { Length: > 0 } ? reason : "Exempt"),
        _ => null,
    };

    private static XElement MonetaryTotal(InvoiceDto invoice, int sign)
    {
        // BR-CO-10..16: every total is derived by addition from already rounded amounts.
        var lineTotal = invoice.Lines.Aggregate(Money.Zero(invoice.Subtotal.Currency), (sum, l) => sum.Add(l.Amount));
        var taxInclusive = lineTotal.Add(invoice.TotalTax);
        return new XElement(Cac + "LegalMonetaryTotal",
            Amount("LineExtensionAmount", lineTotal, sign),
            Amount("TaxExclusiveAmount", lineTotal, sign),
            Amount("TaxInclusiveAmount", taxInclusive, sign),
            Amount("PayableAmount", taxInclusive, sign));
    }

    private static XElement Line(InvoiceLineDto line, string currency, bool credit, int sign)
    {
        var amount = line.Amount.Amount * sign;
        var price = LinePrice.For(line.Quantity, line.UnitPrice, amount, line.Amount.Currency.MinorUnits);
        var unit = UnitCodes.ToRec20(line.Unit);
        return new XElement(Cac + (credit ? "CreditNoteLine" : "InvoiceLine"),
            new XElement(Cbc + "ID", line.LineNumber.ToString(CultureInfo.InvariantCulture)),
            new XElement(Cbc + (credit ? "CreditedQuantity" : "InvoicedQuantity"), new XAttribute("unitCode", unit), Decimal(price.Quantity)),
            new XElement(Cbc + "LineExtensionAmount", new XAttribute("currencyID", currency), Fixed(amount, line.Amount.Currency.MinorUnits)),
            new XElement(Cac + "InvoicePeriod",
                new XElement(Cbc + "StartDate", Date(DocumentDates.FirstDay(line.ServiceStart))),
                new XElement(Cbc + "EndDate", Date(DocumentDates.LastDay(line.ServiceStart, line.ServiceEnd)))),
            new XElement(Cac + "Item",
                Optional(Cbc + "Description", line.Description != line.ProductTitle ? line.Description : null),
                new XElement(Cbc + "Name", line.ProductTitle),
                ItemClassification(line),
                TaxCategory("ClassifiedTaxCategory", line.Tax.Category, line.Tax.Rate, withReason: false, null)),
            new XElement(Cac + "Price",
                new XElement(Cbc + "PriceAmount", new XAttribute("currencyID", currency), Price(price.PriceAmount, line.Amount.Currency.MinorUnits)),
                price.BaseQuantity is { } baseQuantity
                    ? new XElement(Cbc + "BaseQuantity", new XAttribute("unitCode", unit), Decimal(baseQuantity))
                    : null));
    }

    /// <summary>India's SAC (services accounting code, CGST Rules rule 46) as the item's classification when the tax code is one.</summary>
    private static XElement? ItemClassification(InvoiceLineDto line) =>
        Sac.TryGet(line) is { } sac
            ? new XElement(Cac + "CommodityClassification",
                new XElement(Cbc + "ItemClassificationCode", new XAttribute("listID", "ZZZ"), sac))
            : null;

    private static XElement Amount(string name, Money money, int sign) =>
        new(Cbc + name, new XAttribute("currencyID", money.Currency.Code), Fixed(money.Amount * sign, money.Currency.MinorUnits));

    private static XElement? Optional(XName name, string? value) =>
        string.IsNullOrWhiteSpace(value) ? null : new XElement(name, value);

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Fixed(decimal value, int decimals) =>
        decimal.Round(value, decimals, MidpointRounding.AwayFromZero).ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    /// <summary>A price with at least the currency's minor units and as many more as it has (sub-cent prices are allowed).</summary>
    private static string Price(decimal value, int minorUnits) =>
        value.ToString((minorUnits > 0 ? "0." + new string('0', minorUnits) : "0.") + new string('#', 28 - minorUnits), CultureInfo.InvariantCulture);

    internal static string Decimal(decimal value) => value.ToString("0.############################", CultureInfo.InvariantCulture);

    internal static string Percent(decimal rate) => Decimal(rate * 100m);

    private sealed class Utf8StringWriter : StringWriter
    {
        public Utf8StringWriter()
            : base(CultureInfo.InvariantCulture)
        {
        }

        public override System.Text.Encoding Encoding => new System.Text.UTF8Encoding(false);
    }
}
