using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Tradewind.Contracts.Webhooks;
using Tradewind.Persistence;
using Tradewind.Primitives.Ids;
using Tradewind.Webhooks.Endpoints;

namespace Tradewind.Webhooks.Deliveries;

/// <summary>
/// Adds one pending delivery per enabled endpoint of the seller that subscribes to the type. Nothing is saved here: the
/// caller's <c>SaveChangesAsync</c> commits the deliveries with the change they announce, and the dispatcher sends them
/// after that commit. A disabled endpoint gets no delivery for messages published while it is disabled.
/// </summary>
internal sealed class WebhookPublisher(TradewindDbContext db, TimeProvider clock) : IWebhookPublisher
{
    public async Task EnqueueAsync(OrganisationId seller, string messageType, JsonObject payload, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(payload);
        if (!WebhookMessageTypes.All.Contains(messageType, StringComparer.Ordinal))
        {
            throw new ArgumentException($"'{messageType}' is not one of WebhookMessageTypes.", nameof(messageType));
        }

        var endpoints = await db.Set<WebhookEndpoint>().AsNoTracking()
            .Where(e => e.SellerId == seller && e.Enabled)
            .ToListAsync(cancellationToken);
        var now = clock.GetUtcNow();
        foreach (var endpoint in endpoints.Where(e => e.Subscribes(messageType)))
        {
            db.Add(NewDelivery(endpoint, messageType, payload, now, clock));
        }
    }

    public static WebhookDelivery NewDelivery(WebhookEndpoint endpoint, string messageType, JsonObject payload, DateTimeOffset now, TimeProvider clock)
    {
        var id = WebhookDeliveryId.New(clock);
        return new WebhookDelivery
        {
            Id = id,
            EndpointId = endpoint.Id,
            SellerId = endpoint.SellerId,
            MessageType = messageType,
            Body = WebhookEnvelope.Create(id, messageType, now, payload),
            Status = WebhookDeliveryStatus.Pending,
            CreatedAt = now,
            NextAttemptAt = now,
        };
    }
}
