using Tradewind.Contracts.Agreements;
using Tradewind.Contracts.Events;
using Tradewind.Primitives.Ids;

namespace Tradewind.Metering.Usage;

/// <summary>
/// Drops a customer from the <see cref="CustomerDirectory"/> whenever one of their agreements changes (created,
/// suspended, reinstated, cancelled, expired, converted, a cancellation scheduled or withdrawn, a new period), so
/// this node judges the next records against the agreement as it now is.
/// </summary>
internal sealed class CustomerDirectoryInvalidation(CustomerDirectory directory) :
    IIntegrationEventConsumer<AgreementCreated>,
    IIntegrationEventConsumer<AgreementSuspended>,
    IIntegrationEventConsumer<AgreementReinstated>,
    IIntegrationEventConsumer<AgreementCancelled>,
    IIntegrationEventConsumer<AgreementExpired>,
    IIntegrationEventConsumer<TrialConverted>,
    IIntegrationEventConsumer<AgreementCancellationScheduled>,
    IIntegrationEventConsumer<AgreementCancellationWithdrawn>,
    IIntegrationEventConsumer<AgreementPeriodStarted>
{
    public Task ConsumeAsync(AgreementCreated integrationEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(integrationEvent);
        directory.Forget(integrationEvent.CustomerIdentifier);
        return Task.CompletedTask;
    }

    public Task ConsumeAsync(AgreementSuspended integrationEvent, CancellationToken cancellationToken) => Forget(integrationEvent, integrationEvent?.AgreementId);

    public Task ConsumeAsync(AgreementReinstated integrationEvent, CancellationToken cancellationToken) => Forget(integrationEvent, integrationEvent?.AgreementId);

    public Task ConsumeAsync(AgreementCancelled integrationEvent, CancellationToken cancellationToken) => Forget(integrationEvent, integrationEvent?.AgreementId);

    public Task ConsumeAsync(AgreementExpired integrationEvent, CancellationToken cancellationToken) => Forget(integrationEvent, integrationEvent?.AgreementId);

    public Task ConsumeAsync(TrialConverted integrationEvent, CancellationToken cancellationToken) => Forget(integrationEvent, integrationEvent?.AgreementId);

    public Task ConsumeAsync(AgreementCancellationScheduled integrationEvent, CancellationToken cancellationToken) => Forget(integrationEvent, integrationEvent?.AgreementId);

    public Task ConsumeAsync(AgreementCancellationWithdrawn integrationEvent, CancellationToken cancellationToken) => Forget(integrationEvent, integrationEvent?.AgreementId);

    public Task ConsumeAsync(AgreementPeriodStarted integrationEvent, CancellationToken cancellationToken) => Forget(integrationEvent, integrationEvent?.AgreementId);

    private Task Forget(IIntegrationEvent integrationEvent, AgreementId? agreementId)
    {
        ArgumentNullException.ThrowIfNull(integrationEvent);
        directory.Forget(agreementId!.Value);
        return Task.CompletedTask;
    }
}
