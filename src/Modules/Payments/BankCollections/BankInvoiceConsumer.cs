using Tradewind.Contracts.Billing;
using Tradewind.Contracts.Events;

namespace Tradewind.Payments.BankCollections;

/// <summary>Keeps bank collections' view of open invoices: each finalized invoice is recorded (and scheduled for direct debit under an active mandate); each payment closes it.</summary>
internal sealed class BankInvoiceConsumer(BankCollectionCommands commands) : IIntegrationEventConsumer<InvoiceFinalized>, IIntegrationEventConsumer<InvoicePaid>
{
    public Task ConsumeAsync(InvoiceFinalized integrationEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(integrationEvent);
        return commands.RecordInvoiceAsync(integrationEvent, cancellationToken);
    }

    public Task ConsumeAsync(InvoicePaid integrationEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(integrationEvent);
        return commands.RecordPaymentAsync(integrationEvent, cancellationToken);
    }
}
