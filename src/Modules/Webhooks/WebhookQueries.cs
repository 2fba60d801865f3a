using Microsoft.EntityFrameworkCore;
using Tradewind.Contracts;
using Tradewind.Contracts.Webhooks;
using Tradewind.Persistence;
using Tradewind.Primitives.Ids;
using Tradewind.Webhooks.Deliveries;
using Tradewind.Webhooks.Endpoints;

namespace Tradewind.Webhooks;

internal sealed class WebhookQueries(TradewindDbContext db) : IWebhookQueries
{
    public async Task<Page<WebhookEndpointDto>> ListEndpointsAsync(OrganisationId? sellerScope, PageRequest page, CancellationToken cancellationToken)
    {
        var query = Endpoints(sellerScope);
        var total = await query.CountAsync(cancellationToken);
        var rows = await query.OrderBy(e => e.CreatedAt).ThenBy(e => e.Id).Skip(page.Skip).Take(page.Size).ToListAsync(cancellationToken);
        return new Page<WebhookEndpointDto>(rows.Select(ToDto).ToList(), page.Number, page.Size, total);
    }

    public async Task<WebhookEndpointDto> GetEndpointAsync(OrganisationId? sellerScope, WebhookEndpointId id, CancellationToken cancellationToken) =>
        ToDto(await Endpoints(sellerScope).SingleOrDefaultAsync(e => e.Id == id, cancellationToken) ?? throw EndpointNotFound(id));

    public async Task<Page<WebhookDeliveryDto>> ListDeliveriesAsync(
        OrganisationId? sellerScope, WebhookDeliveryFilter filter, PageRequest page, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var query = Deliveries(sellerScope);
        if (filter.EndpointId is { } endpointId)
        {
            query = query.Where(x => x.Delivery.EndpointId == endpointId);
        }

        if (!string.IsNullOrWhiteSpace(filter.MessageType))
        {
            query = query.Where(x => x.Delivery.MessageType == filter.MessageType);
        }

        if (filter.Status is { } status)
        {
            query = query.Where(x => x.Delivery.Status == status);
        }

        var total = await query.CountAsync(cancellationToken);
        var rows = await query.OrderByDescending(x => x.Delivery.CreatedAt).ThenByDescending(x => x.Delivery.Id)
            .Skip(page.Skip).Take(page.Size).ToListAsync(cancellationToken);
        return new Page<WebhookDeliveryDto>(rows.Select(x => ToDto(x.Delivery, x.Url)).ToList(), page.Number, page.Size, total);
    }

    public async Task<WebhookDeliveryDetail> GetDeliveryAsync(OrganisationId? sellerScope, WebhookDeliveryId id, CancellationToken cancellationToken)
    {
        var row = await Deliveries(sellerScope).SingleOrDefaultAsync(x => x.Delivery.Id == id, cancellationToken) ?? throw DeliveryNotFound(id);
        var attempts = await db.Set<WebhookAttempt>().AsNoTracking().Where(a => a.DeliveryId == id).OrderByDescending(a => a.Number).ToListAsync(cancellationToken);
        return new WebhookDeliveryDetail(
            ToDto(row.Delivery, row.Url),
            row.Delivery.Body,
            attempts.Select(a => new WebhookAttemptDto(a.Number, a.StartedAt, a.DurationMilliseconds, a.StatusCode, a.Error, a.ResponseExcerpt, a.Succeeded, a.TriggeredBy)).ToList());
    }

    internal static WebhookEndpointDto ToDto(WebhookEndpoint e) =>
        new(e.Id, e.SellerId, e.Url, e.Description, e.MessageTypeList, e.Enabled, e.CreatedAt, e.UpdatedAt, e.SecretCreatedAt, e.PreviousSecretExpiresAt);

    internal static DomainException EndpointNotFound(WebhookEndpointId id) =>
        new("webhook-endpoint-not-found", $"There is no webhook endpoint {id} for you.", DomainErrorKind.NotFound);

    internal static DomainException DeliveryNotFound(WebhookDeliveryId id) =>
        new("webhook-delivery-not-found", $"There is no webhook delivery {id} for you.", DomainErrorKind.NotFound);

    private static WebhookDeliveryDto ToDto(WebhookDelivery d, string url) =>
        new(d.Id, d.EndpointId, d.SellerId, url, d.MessageType, d.Status, d.AttemptCount, d.CreatedAt, d.NextAttemptAt, d.LastAttemptAt, d.LastStatusCode, d.LastError, d.SucceededAt);

    private IQueryable<WebhookEndpoint> Endpoints(OrganisationId? sellerScope)
    {
        var query = db.Set<WebhookEndpoint>().AsNoTracking();
        return sellerScope is { } seller ? query.Where(e => e.SellerId == seller) : query;
    }

    private IQueryable<DeliveryRow> Deliveries(OrganisationId? sellerScope)
    {
        var deliveries = db.Set<WebhookDelivery>().AsNoTracking();
        if (sellerScope is { } seller)
        {
            deliveries = deliveries.Where(d => d.SellerId == seller);
        }

        return deliveries.Join(db.Set<WebhookEndpoint>(), d => d.EndpointId, e => e.Id, (d, e) => new DeliveryRow { Delivery = d, Url = e.Url });
    }

    private sealed class DeliveryRow
    {
        public required WebhookDelivery Delivery { get; init; }

        public required string Url { get; init; }
    }
}
