using Tradewind.Primitives.Ids;

namespace Tradewind.Contracts.Billing;

/// <summary>Reads invoices, credit notes and billing runs. Every read is scoped by <see cref="BillingCaller"/>.</summary>
public interface IBillingQueries
{
    Task<Page<InvoiceSummaryDto>> ListInvoicesAsync(InvoiceFilter filter, BillingCaller caller, PageRequest page, CancellationToken cancellationToken);

    /// <summary>The document, or <c>null</c> when it does not exist or the caller may not see it.</summary>
    Task<InvoiceDto?> FindInvoiceAsync(InvoiceId id, BillingCaller caller, CancellationToken cancellationToken);

    Task<Page<BillingRunDto>> ListRunsAsync(PageRequest page, CancellationToken cancellationToken);

    Task<BillingRunDto?> FindRunAsync(BillingRunId id, CancellationToken cancellationToken);

    /// <summary>Finalized documents' lines for the seller's products issued in [issuedFrom, issuedTo).</summary>
    Task<IReadOnlyList<BilledRevenueRow>> ListBilledRevenueAsync(OrganisationId sellerId, DateOnly issuedFrom, DateOnly issuedTo, CancellationToken cancellationToken);

    /// <summary>A finalized (or since paid or voided) document as the ledger posts it, or <c>null</c> for a draft or an unknown id.</summary>
    Task<InvoiceSettlementDto?> FindSettlementAsync(InvoiceId id, CancellationToken cancellationToken);

    /// <summary>The credit notes issued on an invoice, as the ledger posts them, oldest first.</summary>
    Task<IReadOnlyList<InvoiceSettlementDto>> ListCreditNoteSettlementsAsync(InvoiceId invoiceId, CancellationToken cancellationToken);
}

/// <summary>Changes billing state. Only the web host (API, portals, jobs) calls these.</summary>
public interface IBillingCommands
{
    /// <summary>Rates every agreement with a period ended by <see cref="BillingRunRequest.AsOf"/> and drafts (and optionally finalizes) invoices. Safe to re-run and to run on two nodes at once.</summary>
    Task<BillingRunDto> RunAsync(BillingRunRequest request, string trigger, string actor, CancellationToken cancellationToken);

    Task<InvoiceDto> FinalizeAsync(InvoiceId id, string actor, CancellationToken cancellationToken);

    /// <summary>Records that a finalized invoice was paid (called by Payments later; by the operator until then).</summary>
    Task<InvoiceDto> MarkPaidAsync(InvoiceId id, DateTimeOffset paidAt, string actor, CancellationToken cancellationToken);

    /// <summary>Voids a finalized, unpaid invoice by issuing a full credit note; a draft is simply discarded.</summary>
    Task<InvoiceDto> VoidAsync(InvoiceId id, string reason, string actor, CancellationToken cancellationToken);

    Task<InvoiceDto> IssueCreditNoteAsync(InvoiceId invoiceId, CreditNoteRequest request, string actor, CancellationToken cancellationToken);
}

/// <summary>Renders a billing document in its language and formats.</summary>
public interface IInvoiceDocuments
{
    /// <summary>A complete, printable HTML page (inline styles, no scripts).</summary>
    string RenderHtml(InvoiceDto invoice);

    byte[] RenderPdf(InvoiceDto invoice);

    /// <summary>UBL 2.1 Invoice or CreditNote, Peppol BIS Billing 3.0 profile.</summary>
    string RenderUbl(InvoiceDto invoice);
}
