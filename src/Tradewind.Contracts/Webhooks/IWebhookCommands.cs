using Tradewind.Primitives.Ids;

namespace Tradewind.Contracts.Webhooks;

/// <summary>A seller's changes to its own webhook endpoints and deliveries. Every change is written to the audit trail.</summary>
public interface IWebhookCommands
{
    /// <summary>Creates an endpoint with a fresh signing secret (returned here only). At most ten endpoints per seller.</summary>
    Task<CreatedWebhookEndpoint> CreateEndpointAsync(OrganisationId seller, NewWebhookEndpoint endpoint, string actor, CancellationToken cancellationToken);

    Task<WebhookEndpointDto> UpdateEndpointAsync(OrganisationId seller, WebhookEndpointId id, WebhookEndpointChange change, string actor, CancellationToken cancellationToken);

    /// <summary>Deletes the endpoint and its delivery log.</summary>
    Task DeleteEndpointAsync(OrganisationId seller, WebhookEndpointId id, string actor, CancellationToken cancellationToken);

    /// <summary>
    /// Replaces the signing secret. For <paramref name="overlap"/> (0 to 7 days) requests carry a signature under the old
    /// secret too, so the receiver can switch without losing a message.
    /// </summary>
    Task<RotatedWebhookSecret> RotateSecretAsync(OrganisationId seller, WebhookEndpointId id, TimeSpan overlap, string actor, CancellationToken cancellationToken);

    /// <summary>Sends the delivery again now, with the same id and body, and returns it with the new attempt.</summary>
    Task<WebhookDeliveryDetail> RedeliverAsync(OrganisationId seller, WebhookDeliveryId id, string actor, CancellationToken cancellationToken);

    /// <summary>Sends a <see cref="WebhookTestEvent"/> to the endpoint now (even when disabled or not subscribed) and returns the delivery.</summary>
    Task<WebhookDeliveryDetail> SendTestEventAsync(OrganisationId seller, WebhookEndpointId id, string actor, CancellationToken cancellationToken);
}
