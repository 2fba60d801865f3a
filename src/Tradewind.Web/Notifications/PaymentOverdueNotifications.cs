using Tradewind.Contracts.Accounts;
using Tradewind.Contracts.Events;
using Tradewind.Contracts.Payments;

namespace Tradewind.Web.Notifications;

/// <summary>Turns each dunning reminder into a buyer notification, once per invoice and step.</summary>
internal sealed class PaymentOverdueNotifications(BuyerNotifier notifier) : IIntegrationEventConsumer<InvoicePaymentOverdue>
{
    public async Task ConsumeAsync(InvoicePaymentOverdue integrationEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(integrationEvent);
        var e = integrationEvent;
        var dueAt = new DateTimeOffset(e.DueDate.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var charged = e.ChargeOutcome is not null and not PaymentStatus.Succeeded ? e.CardLast4 : null;
        var suspendsAt = e.SuspendsAt > e.OccurredAt ? e.SuspendsAt : (DateTimeOffset?)null;
        await notifier.NotifyAsync(
            e.BuyerId,
            $"PaymentOverdue:{e.InvoiceId}:{e.Step}",
            NotificationKind.PaymentOverdue,
            $"/account/invoices/{e.InvoiceId}",
            e.OccurredAt,
            r => notifier.Texts.PaymentOverdue(r, e.Number, e.Total, dueAt, charged, suspendsAt),
            cancellationToken);
    }
}
