using Tradewind.Primitives.Ids;

namespace Tradewind.Payments.BankCollections;

/// <summary>
/// A finalized invoice as bank collections see it: what the buyer owes, under which RF reference, and whether it is
/// paid. Written from <c>InvoiceFinalized</c> and updated from <c>InvoicePaid</c>, so statement matching reads one
/// table of Payments' own.
/// </summary>
/// <remarks>
/// <see cref="RfReference"/> is ISO 11649 over <c>TW</c> and the random half of the invoice id in base 36 (62 random
/// bits, 13 characters), unique, and the same on every node and every run: it is computed, never allocated. (The
/// first half of a version-7 id is its timestamp, which invoices finalized in the same millisecond share.)
/// </remarks>
internal sealed class BankInvoice
{
    public InvoiceId InvoiceId { get; init; }

    public required string Number { get; init; }

    public OrganisationId BuyerId { get; init; }

    public required string EntityCode { get; init; }

    public required string Currency { get; init; }

    public long TotalMinor { get; init; }

    public required string RfReference { get; init; }

    public DateOnly? DueDate { get; init; }

    public DateTimeOffset FinalizedAt { get; init; }

    public DateTimeOffset? PaidAt { get; set; }

    /// <summary>The invoice's RF reference: the payment reference Billing prints on the invoice (the same function).</summary>
    public static Primitives.Banking.RfCreditorReference ReferenceFor(InvoiceId id) => Primitives.Banking.RfCreditorReference.ForDocument(id.Value);
}
