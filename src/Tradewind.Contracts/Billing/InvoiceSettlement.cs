using Tradewind.Primitives.Ids;
using Tradewind.Primitives.Money;

namespace Tradewind.Contracts.Billing;

/// <summary>
/// What the ledger needs from a finalized document: who owes what to whom. Amounts are signed as on the document
/// (negative on a credit note).
/// </summary>
/// <remarks><c>CorrectedInvoicePaid</c>: for a credit note, whether the invoice it corrects was already paid (the credit is then owed back to the buyer).</remarks>
public sealed record InvoiceSettlementDto(
    InvoiceId Id,
    InvoiceKind Kind,
    string Number,
    InvoiceStatus Status,
    OrganisationId BuyerId,
    string IssuerEntityCode,
    string Currency,
    DateTimeOffset FinalizedAt,
    InvoiceId? CorrectsInvoiceId,
    bool CorrectedInvoicePaid,
    Money Subtotal,
    Money TotalTax,
    Money Total,
    IReadOnlyList<InvoiceSettlementLine> Lines);

/// <summary>
/// One line: its net and tax in the document's currency, the tax jurisdiction, and the seller's proceeds in the
/// listing's currency (the plan's; equal to <c>Amount</c> when the document is in that currency, otherwise the exact
/// amount before conversion, rounded once).
/// </summary>
public sealed record InvoiceSettlementLine(int LineNumber, OrganisationId? SellerId, AgreementId? AgreementId, Money Amount, Money Tax, string TaxJurisdiction, Money Proceeds);
