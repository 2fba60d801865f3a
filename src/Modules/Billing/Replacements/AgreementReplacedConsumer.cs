using Tradewind.Contracts.Agreements;
using Tradewind.Contracts.Events;

namespace Tradewind.Billing.Replacements;

/// <summary>
/// Credits, prorated by day, what a buyer prepaid on an agreement that a private offer replaced (see
/// <c>BillingCommands.Replacements.cs</c>). Delivered at least once from the outbox; a redelivery finds the credit notes
/// already issued by their idempotency key and issues nothing new.
/// </summary>
internal sealed class AgreementReplacedConsumer(BillingCommands commands) : IIntegrationEventConsumer<AgreementReplaced>
{
    public async Task ConsumeAsync(AgreementReplaced integrationEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(integrationEvent);
        await commands.CreditReplacedAgreementAsync(integrationEvent, cancellationToken);
    }
}
