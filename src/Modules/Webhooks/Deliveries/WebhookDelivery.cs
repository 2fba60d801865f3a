using Tradewind.Contracts.Webhooks;
using Tradewind.Primitives.Ids;

namespace Tradewind.Webhooks.Deliveries;

/// <summary>
/// One message to one endpoint. Its id and body are fixed when it is created, so every attempt sends the same bytes
/// under the same <c>Tradewind-Webhook-Id</c> and a receiver can de-duplicate; only the signature's timestamp changes.
/// A node claims a due delivery with a lease (<see cref="LockedUntil"/>, <see cref="LeaseToken"/>) before sending, so
/// two nodes never send the same attempt at once, and a crashed node's lease runs out.
/// </summary>
internal sealed class WebhookDelivery
{
    public WebhookDeliveryId Id { get; init; }

    public WebhookEndpointId EndpointId { get; init; }

    public OrganisationId SellerId { get; init; }

    public required string MessageType { get; init; }

    /// <summary>The exact JSON body sent on every attempt.</summary>
    public required string Body { get; init; }

    public WebhookDeliveryStatus Status { get; set; }

    /// <summary>Every attempt, scheduled or manual.</summary>
    public int AttemptCount { get; set; }

    /// <summary>Scheduled attempts only: the position in the back-off schedule.</summary>
    public int ScheduledAttempts { get; set; }

    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>When the worker next tries a pending delivery; null once it has succeeded or failed.</summary>
    public DateTimeOffset? NextAttemptAt { get; set; }

    public DateTimeOffset? LockedUntil { get; set; }

    public Guid? LeaseToken { get; set; }

    public DateTimeOffset? LastAttemptAt { get; set; }

    public int? LastStatusCode { get; set; }

    public string? LastError { get; set; }

    public DateTimeOffset? SucceededAt { get; set; }
}
