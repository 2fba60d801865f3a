using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Tradewind.Contracts.Webhooks;
using Tradewind.Persistence;
using Tradewind.Webhooks.Endpoints;

namespace Tradewind.Webhooks.Deliveries;

/// <summary>
/// One pass over the due deliveries, following the outbox processor's pattern: pick candidates, claim each with a
/// conditional update (a lease), send, record. Several nodes may run passes on one database; a delivery is sent by at
/// most one of them at a time, and a node that dies mid-send leaves a lease that expires, after which the delivery is
/// sent again. Receivers therefore see each delivery at least once and de-duplicate on its id.
/// Deliveries of a disabled endpoint are not picked: they wait, with their schedule, until it is enabled again.
/// </summary>
internal sealed partial class WebhookDeliveryProcessor(
    IServiceScopeFactory scopes,
    TimeProvider clock,
    IOptions<WebhookOptions> options,
    ILogger<WebhookDeliveryProcessor> logger) : IWebhookDispatcher
{
    public async Task<int> DispatchDueAsync(CancellationToken cancellationToken)
    {
        List<Primitives.Ids.WebhookDeliveryId> candidates;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<TradewindDbContext>();
            var now = clock.GetUtcNow();
            candidates = await (
                    from d in db.Set<WebhookDelivery>()
                    join e in db.Set<WebhookEndpoint>() on d.EndpointId equals e.Id
                    where d.Status == WebhookDeliveryStatus.Pending && d.NextAttemptAt <= now
                        && (d.LockedUntil == null || d.LockedUntil < now) && e.Enabled
                    orderby d.NextAttemptAt
                    select d.Id)
                .Take(options.Value.Delivery.BatchSize)
                .ToListAsync(cancellationToken);
        }

        var attempted = 0;
        foreach (var id in candidates)
        {
            await using var scope = scopes.CreateAsyncScope();
            var sender = scope.ServiceProvider.GetRequiredService<WebhookSender>();
            try
            {
                if (await sender.ClaimAsync(id, dueOnly: true, cancellationToken) is not { } lease)
                {
                    continue;
                }

                var attempt = await sender.AttemptAsync(id, lease, triggeredBy: null, cancellationToken);
                attempted++;
                if (!attempt.Succeeded)
                {
                    LogAttemptFailed(logger, id.Value, attempt.Number, attempt.Error);
                }
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                LogPassFailed(logger, exception, id.Value);
            }
        }

        return attempted;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Webhook delivery {DeliveryId} attempt {Attempt} failed: {Error}")]
    private static partial void LogAttemptFailed(ILogger logger, Guid deliveryId, int attempt, string? error);

    [LoggerMessage(Level = LogLevel.Error, Message = "Sending webhook delivery {DeliveryId} failed")]
    private static partial void LogPassFailed(ILogger logger, Exception exception, Guid deliveryId);
}
