using Tradewind.Primitives.Ids;

namespace Tradewind.Contracts.Webhooks;

/// <summary>
/// Reads webhook endpoints and the delivery log. <c>sellerScope</c> is the caller's seller organisation, or null for
/// the operator (every seller); another seller's endpoint or delivery answers <c>webhook-endpoint-not-found</c> /
/// <c>webhook-delivery-not-found</c>.
/// </summary>
public interface IWebhookQueries
{
    Task<Page<WebhookEndpointDto>> ListEndpointsAsync(OrganisationId? sellerScope, PageRequest page, CancellationToken cancellationToken);

    Task<WebhookEndpointDto> GetEndpointAsync(OrganisationId? sellerScope, WebhookEndpointId id, CancellationToken cancellationToken);

    /// <summary>Newest first.</summary>
    Task<Page<WebhookDeliveryDto>> ListDeliveriesAsync(OrganisationId? sellerScope, WebhookDeliveryFilter filter, PageRequest page, CancellationToken cancellationToken);

    Task<WebhookDeliveryDetail> GetDeliveryAsync(OrganisationId? sellerScope, WebhookDeliveryId id, CancellationToken cancellationToken);
}

/// <summary>
/// Runs one delivery pass now: every pending delivery that is due, on an enabled endpoint, and not leased by another
/// node is attempted once. The background dispatcher calls it in a loop; tests and tools call it directly.
/// </summary>
public interface IWebhookDispatcher
{
    /// <summary>Returns how many attempts were made.</summary>
    Task<int> DispatchDueAsync(CancellationToken cancellationToken);
}
