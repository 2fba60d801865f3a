namespace Tradewind.Contracts.Events;

/// <summary>
/// Something that happened in one module that others may react to. Named in the past tense, written to the
/// outbox in the same transaction as the state change, and delivered at least once: handlers must be idempotent.
/// </summary>
public interface IIntegrationEvent
{
    DateTimeOffset OccurredAt { get; }
}

/// <summary>Reacts to one kind of event delivered from the outbox.</summary>
public interface IIntegrationEventConsumer<in TEvent>
    where TEvent : IIntegrationEvent
{
    Task ConsumeAsync(TEvent integrationEvent, CancellationToken cancellationToken);
}
