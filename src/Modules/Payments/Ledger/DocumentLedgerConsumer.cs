using Tradewind.Contracts.Billing;
using Tradewind.Contracts.Events;
using Tradewind.Contracts.Payments;

namespace Tradewind.Payments.Ledger;

/// <summary>
/// Posts every finalized invoice and credit note, every invoice marked paid, and the currency conversions that settle them, to the ledger. Delivered at least once from the outbox; the entry's
/// source key (<c>invoice:{id}</c>) makes a redelivery post nothing new.
/// </summary>
internal sealed class DocumentLedgerConsumer(IBillingQueries billing, ILedgerPosting ledger, ListingFees fees, FxSettlement fx)
    : IIntegrationEventConsumer<InvoiceFinalized>, IIntegrationEventConsumer<InvoicePaid>, IIntegrationEventConsumer<InvoiceVoided>
{
    public async Task ConsumeAsync(InvoiceFinalized integrationEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(integrationEvent);
        var document = await billing.FindSettlementAsync(integrationEvent.InvoiceId, cancellationToken)
            ?? throw new InvalidOperationException($"Finalized document {integrationEvent.Number} ({integrationEvent.InvoiceId}) was not found.");
        var rates = await fees.RatesForAsync(document, cancellationToken);
        await ledger.PostAsync(DocumentPostings.For(document, rates), "billing", cancellationToken);
        if (document.CorrectsInvoiceId is { } corrected)
        {
            // A credit note on a settled invoice converts its currency position back at once.
            await fx.SettleAsync(corrected, cancellationToken);
        }
    }

    /// <summary>
    /// An invoice recorded as paid (by the operator, until collections post their own payments): the cash is in
    /// clearing until the bank statement confirms it, and the buyer owes nothing more.
    /// </summary>
    public async Task ConsumeAsync(InvoicePaid integrationEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(integrationEvent);
        var document = await billing.FindSettlementAsync(integrationEvent.InvoiceId, cancellationToken)
            ?? throw new InvalidOperationException($"Paid invoice {integrationEvent.Number} ({integrationEvent.InvoiceId}) was not found.");
        await ledger.PostAsync(DocumentPostings.Paid(document, integrationEvent.OccurredAt), "billing", cancellationToken);
        await fx.SettleAsync(document.Id, cancellationToken);
    }

    /// <summary>An invoice voided by the credit note that credits all of it: its currency position and its notes' cancel out.</summary>
    public Task ConsumeAsync(InvoiceVoided integrationEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(integrationEvent);
        return fx.SettleAsync(integrationEvent.InvoiceId, cancellationToken);
    }
}
