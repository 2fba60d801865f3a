using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Tradewind.Contracts;
using Tradewind.Contracts.Accounts;
using Tradewind.Contracts.Webhooks;
using Tradewind.Primitives.Ids;
using Tradewind.Web.Security;

namespace Tradewind.Web.Api;

/// <summary>
/// Sellers' webhook endpoints and the delivery log. Sellers manage their own; the operator may read every seller's,
/// but not change them. A signing secret is in the response that creates or rotates it, and never again.
/// </summary>
internal static class WebhooksApi
{
    public static RouteGroupBuilder MapWebhooksApi(this RouteGroupBuilder api)
    {
        var endpoints = api.MapGroup("/webhook-endpoints").WithTags("Webhooks").RequireAuthorization(ProductsApi.SellerOrOperator);
        endpoints.MapGet("/", ListEndpoints).WithSummary("Webhook endpoints: your own, or every seller's for the operator");
        endpoints.MapPost("/", CreateEndpoint).RequireAuthorization(Policies.Seller)
            .WithSummary("Add an endpoint (https only); its signing secret is in this response only");
        endpoints.MapGet("/{id:guid}", GetEndpoint).WithSummary("One endpoint (never its secret)");
        endpoints.MapPut("/{id:guid}", UpdateEndpoint).RequireAuthorization(Policies.Seller)
            .WithSummary("Replace an endpoint's URL, description, message types and enabled flag");
        endpoints.MapDelete("/{id:guid}", DeleteEndpoint).RequireAuthorization(Policies.Seller)
            .WithSummary("Delete an endpoint and its delivery log");
        endpoints.MapPost("/{id:guid}/rotate-secret", RotateSecret).RequireAuthorization(Policies.Seller)
            .WithSummary("Issue a new signing secret; the old one also signs for overlapHours (default 24, at most 168)");
        endpoints.MapPost("/{id:guid}/test", SendTest).RequireAuthorization(Policies.Seller)
            .WithSummary("Send a ping event to the endpoint now and return the delivery with its attempt");

        var deliveries = api.MapGroup("/webhook-deliveries").WithTags("Webhooks").RequireAuthorization(ProductsApi.SellerOrOperator);
        deliveries.MapGet("/", ListDeliveries).WithSummary("The delivery log, newest first; filter by endpointId, type and status (pending, succeeded, failed)");
        deliveries.MapGet("/{id:guid}", GetDelivery).WithSummary("One delivery with its body and every attempt");
        deliveries.MapPost("/{id:guid}/redeliver", Redeliver).RequireAuthorization(Policies.Seller)
            .WithSummary("Send the delivery again now, with the same id and body");
        return api;
    }

    public sealed record EndpointResponse(
        Guid Id, Guid SellerId, string Url, string Description, IReadOnlyList<string> MessageTypes, bool Enabled,
        DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, DateTimeOffset SecretCreatedAt, DateTimeOffset? PreviousSecretExpiresAt);

    public sealed record EndpointWithSecretResponse(
        Guid Id, Guid SellerId, string Url, string Description, IReadOnlyList<string> MessageTypes, bool Enabled,
        DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, DateTimeOffset SecretCreatedAt, DateTimeOffset? PreviousSecretExpiresAt, string Secret);

    public sealed record EndpointRequest(string? Url, string? Description, IReadOnlyList<string>? MessageTypes, bool? Enabled);

    public sealed record RotateSecretRequest(double? OverlapHours);

    public sealed record DeliveryResponse(
        Guid Id, Guid EndpointId, Guid SellerId, string EndpointUrl, string Type, WebhookDeliveryStatus Status, int AttemptCount,
        DateTimeOffset CreatedAt, DateTimeOffset? NextAttemptAt, DateTimeOffset? LastAttemptAt, int? LastStatusCode, string? LastError, DateTimeOffset? SucceededAt);

    public sealed record AttemptResponse(
        int Number, DateTimeOffset StartedAt, long DurationMs, int? StatusCode, string? Error, string ResponseExcerpt, bool Succeeded, string? TriggeredBy);

    public sealed record DeliveryDetailResponse(DeliveryResponse Delivery, string Body, IReadOnlyList<AttemptResponse> Attempts);

    private static async Task<Ok<ApiPage<EndpointResponse>>> ListEndpoints(
        IWebhookQueries webhooks, ClaimsPrincipal user, int? page, int? pageSize, CancellationToken cancellationToken) =>
        TypedResults.Ok(ApiPage<EndpointResponse>.From(
            await webhooks.ListEndpointsAsync(user.SellerScope(), PageRequest.From(page, pageSize), cancellationToken), ToResponse));

    private static async Task<Created<EndpointWithSecretResponse>> CreateEndpoint(
        EndpointRequest request, IWebhookCommands webhooks, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var created = await webhooks.CreateEndpointAsync(
            user.OrganisationId(), new NewWebhookEndpoint(request.Url, request.Description, request.MessageTypes, request.Enabled ?? true), user.Actor(), cancellationToken);
        return TypedResults.Created($"/api/v1/webhook-endpoints/{created.Endpoint.Id}", WithSecret(created.Endpoint, created.Secret));
    }

    private static async Task<Ok<EndpointResponse>> GetEndpoint(Guid id, IWebhookQueries webhooks, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        TypedResults.Ok(ToResponse(await webhooks.GetEndpointAsync(user.SellerScope(), WebhookEndpointId.From(id), cancellationToken)));

    private static async Task<Ok<EndpointResponse>> UpdateEndpoint(
        Guid id, EndpointRequest request, IWebhookCommands webhooks, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        TypedResults.Ok(ToResponse(await webhooks.UpdateEndpointAsync(
            user.OrganisationId(),
            WebhookEndpointId.From(id),
            new WebhookEndpointChange(request.Url, request.Description, request.MessageTypes, request.Enabled ?? true),
            user.Actor(),
            cancellationToken)));

    private static async Task<NoContent> DeleteEndpoint(Guid id, IWebhookCommands webhooks, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        await webhooks.DeleteEndpointAsync(user.OrganisationId(), WebhookEndpointId.From(id), user.Actor(), cancellationToken);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<EndpointWithSecretResponse>> RotateSecret(
        Guid id, RotateSecretRequest? request, IWebhookCommands webhooks, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var hours = request?.OverlapHours ?? 24;
        if (!double.IsFinite(hours) || hours < 0 || hours > 168)
        {
            throw new ValidationFailedException("overlapHours", "The overlap is between 0 and 168 hours.");
        }

        var rotated = await webhooks.RotateSecretAsync(user.OrganisationId(), WebhookEndpointId.From(id), TimeSpan.FromHours(hours), user.Actor(), cancellationToken);
        return TypedResults.Ok(WithSecret(rotated.Endpoint, rotated.Secret));
    }

    private static async Task<Ok<DeliveryDetailResponse>> SendTest(Guid id, IWebhookCommands webhooks, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        TypedResults.Ok(ToResponse(await webhooks.SendTestEventAsync(user.OrganisationId(), WebhookEndpointId.From(id), user.Actor(), cancellationToken)));

    private static async Task<Ok<ApiPage<DeliveryResponse>>> ListDeliveries(
        IWebhookQueries webhooks, ClaimsPrincipal user, Guid? endpointId, string? type, string? status, int? page, int? pageSize, CancellationToken cancellationToken)
    {
        WebhookDeliveryStatus? statusFilter = null;
        if (!string.IsNullOrWhiteSpace(status))
        {
            statusFilter = Enum.TryParse<WebhookDeliveryStatus>(status, ignoreCase: true, out var parsed) && !int.TryParse(status, out _)
                ? parsed
                : throw new ValidationFailedException("status", "The status is pending, succeeded or failed.");
        }

        var filter = new WebhookDeliveryFilter(
            endpointId is { } e && e != Guid.Empty ? WebhookEndpointId.From(e) : null,
            string.IsNullOrWhiteSpace(type) ? null : type.Trim(),
            statusFilter);
        return TypedResults.Ok(ApiPage<DeliveryResponse>.From(
            await webhooks.ListDeliveriesAsync(user.SellerScope(), filter, PageRequest.From(page, pageSize), cancellationToken), ToResponse));
    }

    private static async Task<Ok<DeliveryDetailResponse>> GetDelivery(Guid id, IWebhookQueries webhooks, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        TypedResults.Ok(ToResponse(await webhooks.GetDeliveryAsync(user.SellerScope(), WebhookDeliveryId.From(id), cancellationToken)));

    private static async Task<Ok<DeliveryDetailResponse>> Redeliver(Guid id, IWebhookCommands webhooks, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        TypedResults.Ok(ToResponse(await webhooks.RedeliverAsync(user.OrganisationId(), WebhookDeliveryId.From(id), user.Actor(), cancellationToken)));

    private static EndpointResponse ToResponse(WebhookEndpointDto e) =>
        new(e.Id.Value, e.SellerId.Value, e.Url, e.Description, e.MessageTypes, e.Enabled, e.CreatedAt, e.UpdatedAt, e.SecretCreatedAt, e.PreviousSecretExpiresAt);

    private static EndpointWithSecretResponse WithSecret(WebhookEndpointDto e, string secret) =>
        new(e.Id.Value, e.SellerId.Value, e.Url, e.Description, e.MessageTypes, e.Enabled, e.CreatedAt, e.UpdatedAt, e.SecretCreatedAt, e.PreviousSecretExpiresAt, secret);

    private static DeliveryResponse ToResponse(WebhookDeliveryDto d) =>
        new(d.Id.Value, d.EndpointId.Value, d.SellerId.Value, d.EndpointUrl, d.MessageType, d.Status, d.AttemptCount, d.CreatedAt, d.NextAttemptAt,
            d.LastAttemptAt, d.LastStatusCode, d.LastError, d.SucceededAt);

    private static DeliveryDetailResponse ToResponse(WebhookDeliveryDetail d) =>
        new(ToResponse(d.Delivery), d.Body, d.Attempts.Select(a => new AttemptResponse(
            a.Number, a.StartedAt, a.DurationMilliseconds, a.StatusCode, a.Error, a.ResponseExcerpt, a.Succeeded, a.TriggeredBy)).ToList());
}
