using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Tradewind.Contracts.Events;

namespace Tradewind.Persistence.Outbox;

/// <summary>
/// Delivers pending outbox messages to their in-process handlers. Several nodes may run it on one database:
/// a message is claimed with a conditional update (a lease), so only one node delivers it at a time, and a node
/// that dies mid-delivery leaves a lease that expires.
/// </summary>
public sealed partial class OutboxProcessor(IServiceScopeFactory scopes, TimeProvider clock, ILogger<OutboxProcessor> logger)
{
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(60);
    private const int BatchSize = 50;

    /// <summary>Delivers one batch; returns how many messages were delivered.</summary>
    public async Task<int> DispatchPendingAsync(CancellationToken cancellationToken)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TradewindDbContext>();
        var now = clock.GetUtcNow();
        var candidates = await db.OutboxMessages
            .Where(m => m.ProcessedAt == null && (m.LockedUntil == null || m.LockedUntil < now))
            .OrderBy(m => m.OccurredAt)
            .Select(m => m.Id)
            .Take(BatchSize)
            .ToListAsync(cancellationToken);

        var delivered = 0;
        foreach (var id in candidates)
        {
            var leaseEnd = now + Lease;
            var claimed = await db.OutboxMessages
                .Where(m => m.Id == id && m.ProcessedAt == null && (m.LockedUntil == null || m.LockedUntil < now))
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.LockedUntil, leaseEnd), cancellationToken);
            if (claimed == 0)
            {
                continue;
            }

            var message = await db.OutboxMessages.AsNoTracking().SingleAsync(m => m.Id == id, cancellationToken);
            try
            {
                await DeliverAsync(message, cancellationToken);
                await db.OutboxMessages.Where(m => m.Id == id)
                    .ExecuteUpdateAsync(s => s.SetProperty(m => m.ProcessedAt, clock.GetUtcNow()).SetProperty(m => m.LockedUntil, (DateTimeOffset?)null), cancellationToken);
                delivered++;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                var attempts = message.Attempts + 1;
                // Back off exponentially, capped at an hour, so a failing handler does not spin.
                var retryAt = clock.GetUtcNow() + TimeSpan.FromSeconds(Math.Min(3600, Math.Pow(2, Math.Min(attempts, 12))));
                var error = ex.Message.Length > 2000 ? ex.Message[..2000] : ex.Message;
                await db.OutboxMessages.Where(m => m.Id == id)
                    .ExecuteUpdateAsync(
                        s => s.SetProperty(m => m.Attempts, attempts).SetProperty(m => m.LastError, error).SetProperty(m => m.LockedUntil, retryAt),
                        cancellationToken);
                LogDeliveryFailed(logger, ex, id, message.Type, attempts);
            }
        }

        return delivered;
    }

    private async Task DeliverAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        var type = Type.GetType(message.Type, throwOnError: true)!;
        var integrationEvent = JsonSerializer.Deserialize(message.Payload, type, Outbox.SerializerOptions)
            ?? throw new InvalidOperationException($"Outbox message {message.Id} has an empty payload.");
        var delivery = Deliveries.GetOrAdd(type, t => (IDelivery)Activator.CreateInstance(typeof(Delivery<>).MakeGenericType(t))!);
        using var scope = scopes.CreateScope();
        await delivery.DeliverAsync(scope.ServiceProvider, integrationEvent, cancellationToken);
    }

    private static readonly ConcurrentDictionary<Type, IDelivery> Deliveries = new();

    private interface IDelivery
    {
        Task DeliverAsync(IServiceProvider services, object integrationEvent, CancellationToken cancellationToken);
    }

    // Typed once per event type, so consumers are called directly rather than through reflection.
    private sealed class Delivery<TEvent> : IDelivery
        where TEvent : IIntegrationEvent
    {
        public async Task DeliverAsync(IServiceProvider services, object integrationEvent, CancellationToken cancellationToken)
        {
            foreach (var consumer in services.GetServices<IIntegrationEventConsumer<TEvent>>())
            {
                await consumer.ConsumeAsync((TEvent)integrationEvent, cancellationToken);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Delivering outbox message {MessageId} ({Type}) failed on attempt {Attempts}")]
    private static partial void LogDeliveryFailed(ILogger logger, Exception exception, Guid messageId, string type, int attempts);
}
