using Tradewind.Primitives.Ids;

namespace Tradewind.Contracts.Webhooks;

/// <summary>Where a delivery stands. Pending deliveries are retried on a back-off schedule until they succeed or run out of attempts.</summary>
public enum WebhookDeliveryStatus
{
    Pending,
    Succeeded,
    Failed,
}

/// <summary>The test event a seller sends from the portal or the API to check an endpoint; it is tried once, never retried.</summary>
public static class WebhookTestEvent
{
    public const string MessageType = "ping";
}

/// <summary>
/// A seller's webhook endpoint and the <see cref="WebhookMessageTypes"/> it subscribes to. The signing secret is never
/// part of it: it is shown once, on creation or rotation. While <c>PreviousSecretExpiresAt</c> is in the future, requests
/// are also signed with the secret the last rotation replaced.
/// </summary>
public sealed record WebhookEndpointDto(
    WebhookEndpointId Id,
    OrganisationId SellerId,
    string Url,
    string Description,
    IReadOnlyList<string> MessageTypes,
    bool Enabled,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset SecretCreatedAt,
    DateTimeOffset? PreviousSecretExpiresAt);

/// <summary>A new endpoint. Null or empty message types subscribe it to every type in <see cref="WebhookMessageTypes.All"/>.</summary>
public sealed record NewWebhookEndpoint(string? Url, string? Description, IReadOnlyList<string>? MessageTypes, bool Enabled = true);

/// <summary>The editable fields of an endpoint, replaced as a whole.</summary>
public sealed record WebhookEndpointChange(string? Url, string? Description, IReadOnlyList<string>? MessageTypes, bool Enabled);

/// <summary>A new endpoint and its signing secret, which is never shown again.</summary>
public sealed record CreatedWebhookEndpoint(WebhookEndpointDto Endpoint, string Secret);

/// <summary>The endpoint after rotation and its new secret, which is never shown again.</summary>
public sealed record RotatedWebhookSecret(WebhookEndpointDto Endpoint, string Secret);

public sealed record WebhookDeliveryDto(
    WebhookDeliveryId Id,
    WebhookEndpointId EndpointId,
    OrganisationId SellerId,
    string EndpointUrl,
    string MessageType,
    WebhookDeliveryStatus Status,
    int AttemptCount,
    DateTimeOffset CreatedAt,
    DateTimeOffset? NextAttemptAt,
    DateTimeOffset? LastAttemptAt,
    int? LastStatusCode,
    string? LastError,
    DateTimeOffset? SucceededAt);

/// <summary>
/// One HTTP request made for a delivery: the receiver's status, or null and an error when no response came; the first
/// kilobyte of the response body as text; and who asked for it when it was a manual attempt (null for scheduled ones).
/// </summary>
public sealed record WebhookAttemptDto(
    int Number,
    DateTimeOffset StartedAt,
    long DurationMilliseconds,
    int? StatusCode,
    string? Error,
    string ResponseExcerpt,
    bool Succeeded,
    string? TriggeredBy);

/// <summary>A delivery with the exact body it sends and every attempt, newest first.</summary>
public sealed record WebhookDeliveryDetail(WebhookDeliveryDto Delivery, string Body, IReadOnlyList<WebhookAttemptDto> Attempts);

/// <summary>Narrows a delivery list; null fields do not filter.</summary>
public sealed record WebhookDeliveryFilter(WebhookEndpointId? EndpointId = null, string? MessageType = null, WebhookDeliveryStatus? Status = null);
