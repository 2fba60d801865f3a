using Tradewind.Contracts.Accounts;
using Tradewind.Contracts.Events;
using Tradewind.Contracts.Payments;

namespace Tradewind.Web.Notifications;

/// <summary>
/// The SEPA pre-notification (SDD Core rulebook: the debtor learns amount and date before the collection) in the buyer's
/// inbox and e-mail, once per invoice.
/// </summary>
internal sealed class DirectDebitNotificationConsumer(BuyerNotifier notifier) : IIntegrationEventConsumer<DirectDebitScheduled>
{
    public async Task ConsumeAsync(DirectDebitScheduled integrationEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(integrationEvent);
        var e = integrationEvent;
        await notifier.NotifyAsync(
            e.BuyerId, $"DirectDebitScheduled:{e.InvoiceId}", NotificationKind.DirectDebitScheduled, $"/account/invoices/{e.InvoiceId}", e.OccurredAt,
            r => notifier.Texts.DirectDebitScheduled(r, e.InvoiceNumber, e.Amount, e.DueDate, e.MandateReference, e.CreditorId, e.IbanMasked), cancellationToken);
    }
}
