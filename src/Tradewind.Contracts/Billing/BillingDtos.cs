using Tradewind.Contracts.Accounts;
using Tradewind.Primitives.Ids;
using Tradewind.Primitives.Money;

namespace Tradewind.Contracts.Billing;

/// <summary>An invoice charges the buyer; a credit note corrects a finalized invoice (its own number series).</summary>
public enum InvoiceKind
{
    Invoice,

    CreditNote,
}

/// <summary>Draft → Finalized (numbered, immutable) → Paid or Void. Only drafts change.</summary>
public enum InvoiceStatus
{
    Draft,

    Finalized,

    Paid,

    Void,
}

/// <summary>Where an invoice line comes from.</summary>
public enum InvoiceLineKind
{
    /// <summary>Metered usage of one dimension in the period, beyond free units and trial quotas.</summary>
    Usage,

    /// <summary>Usage that arrived after its period was invoiced: the re-rated cumulative amount minus what was billed.</summary>
    LateUsage,

    /// <summary>A contract's price charged upfront for the whole term.</summary>
    ContractFee,

    /// <summary>One installment of a contract's price, charged when due.</summary>
    Installment,

    /// <summary>A credit (negative amount) on a credit note.</summary>
    Credit,
}

/// <summary>The buyer as printed on the document (copied when the invoice is drafted).</summary>
/// <remarks>
/// <c>PeppolAddress</c>: the electronic address (<c>scheme:identifier</c>) the operator allocated to a buyer whose tax id
/// gives none (a GLN under the operator's GS1 company prefix, see docs/billing.md § Documents); <c>null</c> when the tax
/// id gives one, or for documents drafted before addresses were allocated.
/// </remarks>
public sealed record InvoiceBuyer(
    OrganisationId Id,
    string Name,
    PostalAddress Address,
    string? TaxId,
    bool IsBusiness,
    string? Email,
    string? PeppolAddress = null);

/// <summary>The operator entity that issues the document (merchant of record), as printed on it.</summary>
/// <remarks><c>PeppolParticipantId</c>: the entity's configured Peppol address (<c>scheme:identifier</c>); <c>null</c> derives it from its tax registration.</remarks>
public sealed record InvoiceIssuer(
    string EntityCode,
    string LegalName,
    PostalAddress Address,
    IReadOnlyList<TaxRegistrationDto> TaxRegistrations,
    CollectionAccountDto? PaymentAccount,
    InvoicePayeeAccount? PayeeAccount = null,
    string? PeppolParticipantId = null);

/// <summary>The account the buyer pays into, in full, as printed in the payment instructions (UBL BT-84…BT-86).</summary>
/// <remarks><c>AccountId</c>: an IBAN, or the local account number; <c>Bic</c>: the bank's BIC when known.</remarks>
public sealed record InvoicePayeeAccount(string AccountId, string HolderName, string? Bic = null);

/// <summary>One step of how a line's amount was computed (a tier, the free units, what an earlier invoice already billed).</summary>
/// <remarks><c>Label</c>: Stable machine label: <c>free_tier</c>, <c>trial_quota</c>, <c>entitlement</c>, <c>tier</c>, <c>package</c>, <c>unit</c>, <c>contract_fee</c>, <c>installment</c>, <c>already_billed</c>, <c>proration</c> (see docs/billing.md, Rating).</remarks>
/// <remarks><c>UnitPrice</c>: Decimal text in the invoice currency, may be finer than a cent; <c>null</c> when the step has no price (free units).</remarks>
public sealed record RatingStep(string Label, decimal Quantity, string? UnitPrice, decimal Amount, decimal? From = null, decimal? UpTo = null);

/// <summary>The tax on one line, as the tax engine quoted it.</summary>
/// <remarks><c>Category</c>: UNCL5305 code for UBL: <c>S</c> standard, <c>Z</c> zero, <c>E</c> exempt, <c>AE</c> reverse charge, <c>O</c> outside scope, <c>K</c> intra-EU, <c>G</c> export.</remarks>
public sealed record InvoiceLineTax(
    string Jurisdiction,
    string TaxType,
    decimal Rate,
    string Treatment,
    string Category,
    Money TaxAmount,
    string? Note);

public sealed record InvoiceLineDto(
    int LineNumber,
    InvoiceLineKind Kind,
    AgreementId? AgreementId,
    ProductId? ProductId,
    string ProductTitle,
    string? Dimension,
    string Description,
    decimal Quantity,
    string Unit,
    string UnitPrice,
    Money Amount,
    DateTimeOffset ServiceStart,
    DateTimeOffset ServiceEnd,
    string TaxCode,
    InvoiceLineTax Tax,
    IReadOnlyList<RatingStep> Steps);

/// <summary>Tax per category and rate over the whole document (what UBL's TaxSubtotal and Japan's "per rate" totals print).</summary>
/// <remarks><c>TaxAmountInTaxCurrency</c>: The same tax in <see cref="InvoiceDto.TaxCurrency"/> when the law asks for it (EU, Singapore…).</remarks>
public sealed record InvoiceTaxSubtotal(
    string Category,
    decimal Rate,
    string TaxType,
    string Jurisdiction,
    Money TaxableAmount,
    Money TaxAmount,
    string? ExemptionReason,
    Money? TaxAmountInTaxCurrency);

/// <summary>The rate used to convert public USD prices into the buyer's invoice currency (recorded on the invoice).</summary>
public sealed record InvoiceConversion(string FromCurrency, string ToCurrency, decimal Rate, DateOnly RateDate, string Source);

/// <summary>A full billing document: invoice or credit note.</summary>
/// <remarks><c>Number</c>: Gap-free number in the issuer's series (e.g. <c>TWE-2026-000042</c>); <c>null</c> while a draft.</remarks>
/// <remarks><c>Language</c>: The buyer's language (BCP 47, e.g. <c>ja</c>) the documents are rendered in.</remarks>
/// <remarks><c>Legends</c>: Codes of the mandatory statements the document must print (see <see cref="InvoiceLegends"/>); the renderer words them in <see cref="Language"/>.</remarks>
public sealed record InvoiceDto(
    InvoiceId Id,
    InvoiceKind Kind,
    string? Number,
    InvoiceStatus Status,
    InvoiceBuyer Buyer,
    InvoiceIssuer Issuer,
    string Currency,
    string Language,
    DateTimeOffset PeriodStart,
    DateTimeOffset PeriodEnd,
    DateOnly? IssueDate,
    DateOnly? DueDate,
    IReadOnlyList<InvoiceLineDto> Lines,
    IReadOnlyList<InvoiceTaxSubtotal> TaxSubtotals,
    Money Subtotal,
    Money TotalTax,
    Money Total,
    string? TaxCurrency,
    Money? TotalTaxInTaxCurrency,
    InvoiceConversion? Conversion,
    string PaymentReference,
    InvoiceId? CorrectsInvoiceId,
    string? CorrectsInvoiceNumber,
    IReadOnlyList<string> Legends,
    DateTimeOffset CreatedAt,
    DateTimeOffset? FinalizedAt,
    DateTimeOffset? PaidAt,
    DateTimeOffset? VoidedAt);

public sealed record InvoiceSummaryDto(
    InvoiceId Id,
    InvoiceKind Kind,
    string? Number,
    InvoiceStatus Status,
    OrganisationId BuyerId,
    string BuyerName,
    string IssuerEntityCode,
    string Currency,
    DateTimeOffset PeriodStart,
    DateTimeOffset PeriodEnd,
    DateOnly? IssueDate,
    Money Subtotal,
    Money TotalTax,
    Money Total);

public sealed record InvoiceFilter(
    OrganisationId? BuyerId = null,
    OrganisationId? SellerId = null,
    InvoiceStatus? Status = null,
    InvoiceKind? Kind = null,
    string? IssuerEntityCode = null,
    string? Currency = null,
    string? Number = null,
    DateOnly? IssuedFrom = null,
    DateOnly? IssuedTo = null);

/// <summary>Who asks: operator sees all; a buyer its own documents; a seller the documents with lines for its products.</summary>
public sealed record BillingCaller(OrganisationId OrganisationId, string Role, string Actor);

public enum BillingRunStatus
{
    Running,

    Completed,

    Failed,
}

/// <remarks><c>AsOf</c>: Periods that ended at or before this instant are billed.</remarks>
/// <remarks><c>Finalize</c>: Finalize (number) the drafted invoices in the same run; scheduled runs do.</remarks>
public sealed record BillingRunRequest(DateTimeOffset AsOf, bool Finalize = true, string? IdempotencyKey = null);

public sealed record BillingRunDto(
    BillingRunId Id,
    DateTimeOffset AsOf,
    BillingRunStatus Status,
    string Trigger,
    string Actor,
    DateTimeOffset StartedAt,
    DateTimeOffset? CompletedAt,
    int AgreementsRated,
    int PeriodsSkipped,
    int InvoicesDrafted,
    int InvoicesFinalized,
    int LateUsageLines,
    IReadOnlyList<BillingRunTotal> Totals,
    IReadOnlyList<string> Errors);

public sealed record BillingRunTotal(string Currency, int Invoices, Money Subtotal, Money TotalTax, Money Total);

/// <summary>Credit a finalized invoice: whole (no lines given) or chosen lines for chosen amounts.</summary>
public sealed record CreditNoteRequest(string Reason, IReadOnlyList<CreditNoteLineRequest>? Lines = null, string? IdempotencyKey = null);

public sealed record CreditNoteLineRequest(int LineNumber, Money? Amount);

/// <summary>
/// One row of a seller's billed-revenue report: what its product lines brought on a finalized document.
/// <see cref="LineKind"/> and <see cref="ServiceStart"/> say what the line charged and for which period;
/// <see cref="ListingAmount"/> is the net amount in the listing's (plan's) currency, before any conversion to the
/// document's currency (equal to <see cref="Net"/> when the currencies agree). Credit-note lines are negative.
/// </summary>
public sealed record BilledRevenueRow(
    InvoiceId InvoiceId,
    string Number,
    InvoiceKind Kind,
    DateOnly IssueDate,
    OrganisationId BuyerId,
    string BuyerName,
    string BuyerCountry,
    ProductId ProductId,
    string ProductTitle,
    AgreementId? AgreementId,
    string? Dimension,
    string Currency,
    Money Net,
    Money Tax,
    InvoiceLineKind? LineKind = null,
    DateTimeOffset? ServiceStart = null,
    Money? ListingAmount = null);

/// <summary>Codes of mandatory statements on a document; the renderers print them in the document's language.</summary>
public static class InvoiceLegends
{
    /// <summary>EU B2B reverse charge (VAT Directive art. 196 / 226(11a)): "Reverse charge".</summary>
    public const string ReverseCharge = "reverse_charge";

    /// <summary>Supply outside the issuer's tax scope / export of services.</summary>
    public const string OutsideScope = "outside_scope";

    /// <summary>Japan qualified invoice (適格請求書).</summary>
    public const string JapanQualifiedInvoice = "jp_qualified_invoice";

    /// <summary>India GST tax invoice.</summary>
    public const string IndiaTaxInvoice = "in_tax_invoice";

    /// <summary>Australia tax invoice (GST).</summary>
    public const string AustraliaTaxInvoice = "au_tax_invoice";

    /// <summary>The invoice shows prices converted from another currency at the recorded rate.</summary>
    public const string CurrencyConverted = "currency_converted";

    /// <summary>A credit note correcting the invoice it names.</summary>
    public const string CorrectsInvoice = "corrects_invoice";
}
