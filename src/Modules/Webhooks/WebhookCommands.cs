using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Tradewind.Contracts;
using Tradewind.Contracts.Webhooks;
using Tradewind.Persistence;
using Tradewind.Persistence.Auditing;
using Tradewind.Primitives.Ids;
using Tradewind.Webhooks.Deliveries;
using Tradewind.Webhooks.Endpoints;

namespace Tradewind.Webhooks;

internal sealed class WebhookCommands(
    TradewindDbContext db,
    AuditTrail audit,
    SigningSecrets secrets,
    WebhookSender sender,
    IWebhookQueries queries,
    IOptions<WebhookOptions> options,
    TimeProvider clock) : IWebhookCommands
{
    /// <summary>The longest overlap a rotation may ask for: long enough for a weekly deploy, short enough to retire a leaked secret.</summary>
    public static readonly TimeSpan MaxRotationOverlap = TimeSpan.FromDays(7);

    public async Task<CreatedWebhookEndpoint> CreateEndpointAsync(OrganisationId seller, NewWebhookEndpoint endpoint, string actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        var (url, description, types) = Validate(endpoint.Url, endpoint.Description, endpoint.MessageTypes);
        var secret = SigningSecrets.Create();
        var now = clock.GetUtcNow();
        var row = new WebhookEndpoint
        {
            Id = WebhookEndpointId.New(clock),
            SellerId = seller,
            Url = url,
            Description = description,
            MessageTypes = types,
            Enabled = endpoint.Enabled,
            Secret = secrets.Protect(secret),
            SecretCreatedAt = now,
            CreatedAt = now,
            UpdatedAt = now,
        };

        return await db.InTransactionAsync(
            async ct =>
            {
                // Counted inside the transaction; two concurrent creations can still both pass on SQLite's default
                // isolation, which at worst lets a seller reach eleven. The limit is a guard rail, not an invariant.
                var count = await db.Set<WebhookEndpoint>().CountAsync(e => e.SellerId == seller, ct);
                if (count >= WebhookEndpoint.MaxPerSeller)
                {
                    throw new DomainException(
                        "webhook-endpoint-limit",
                        $"A seller can have at most {WebhookEndpoint.MaxPerSeller} webhook endpoints; delete one you no longer use first.",
                        DomainErrorKind.Conflict);
                }

                db.Add(row);
                audit.Record(actor, seller.Value, "webhook-endpoint.created", Subject(row.Id), $"{row.Url} ({row.MessageTypes}){(row.Enabled ? "" : ", disabled")}");
                await db.SaveChangesAsync(ct);
                return new CreatedWebhookEndpoint(WebhookQueries.ToDto(row), secret);
            },
            cancellationToken);
    }

    public async Task<WebhookEndpointDto> UpdateEndpointAsync(OrganisationId seller, WebhookEndpointId id, WebhookEndpointChange change, string actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        var (url, description, types) = Validate(change.Url, change.Description, change.MessageTypes);
        var row = await FindAsync(seller, id, cancellationToken);
        var changes = new List<string>();
        if (!string.Equals(row.Url, url, StringComparison.Ordinal))
        {
            changes.Add($"url {row.Url} → {url}");
        }

        if (!string.Equals(row.Description, description, StringComparison.Ordinal))
        {
            changes.Add("description");
        }

        if (!string.Equals(row.MessageTypes, types, StringComparison.Ordinal))
        {
            changes.Add($"types {row.MessageTypes} → {types}");
        }

        if (row.Enabled != change.Enabled)
        {
            changes.Add(change.Enabled ? "enabled" : "disabled");
        }

        if (changes.Count == 0)
        {
            return WebhookQueries.ToDto(row);
        }

        row.Url = url;
        row.Description = description;
        row.MessageTypes = types;
        row.Enabled = change.Enabled;
        row.UpdatedAt = clock.GetUtcNow();
        audit.Record(actor, seller.Value, "webhook-endpoint.updated", Subject(row.Id), string.Join("; ", changes));
        await db.SaveChangesAsync(cancellationToken);
        return WebhookQueries.ToDto(row);
    }

    public async Task DeleteEndpointAsync(OrganisationId seller, WebhookEndpointId id, string actor, CancellationToken cancellationToken)
    {
        var row = await FindAsync(seller, id, cancellationToken);
        db.Remove(row);
        audit.Record(actor, seller.Value, "webhook-endpoint.deleted", Subject(row.Id), row.Url);
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task<RotatedWebhookSecret> RotateSecretAsync(OrganisationId seller, WebhookEndpointId id, TimeSpan overlap, string actor, CancellationToken cancellationToken)
    {
        new Validation()
            .Require(overlap >= TimeSpan.Zero && overlap <= MaxRotationOverlap, "overlapHours",
                $"The overlap is between 0 and {MaxRotationOverlap.TotalHours.ToString(CultureInfo.InvariantCulture)} hours.")
            .ThrowIfInvalid();
        var row = await FindAsync(seller, id, cancellationToken);
        var now = clock.GetUtcNow();
        var secret = SigningSecrets.Create();
        row.PreviousSecret = overlap > TimeSpan.Zero ? row.Secret : null;
        row.PreviousSecretExpiresAt = overlap > TimeSpan.Zero ? now + overlap : null;
        row.Secret = secrets.Protect(secret);
        row.SecretCreatedAt = now;
        row.UpdatedAt = now;
        audit.Record(actor, seller.Value, "webhook-endpoint.secret-rotated", Subject(row.Id),
            overlap > TimeSpan.Zero
                ? string.Create(CultureInfo.InvariantCulture, $"old secret also signs until {row.PreviousSecretExpiresAt:O}")
                : "old secret retired at once");
        await db.SaveChangesAsync(cancellationToken);
        return new RotatedWebhookSecret(WebhookQueries.ToDto(row), secret);
    }

    public async Task<WebhookDeliveryDetail> RedeliverAsync(OrganisationId seller, WebhookDeliveryId id, string actor, CancellationToken cancellationToken)
    {
        var delivery = await db.Set<WebhookDelivery>().AsNoTracking().SingleOrDefaultAsync(d => d.Id == id && d.SellerId == seller, cancellationToken)
            ?? throw WebhookQueries.DeliveryNotFound(id);
        var lease = await sender.ClaimAsync(delivery.Id, dueOnly: false, cancellationToken)
            ?? throw new DomainException("webhook-delivery-in-progress", "This delivery is being sent right now; look at its attempts again in a few seconds.", DomainErrorKind.Conflict);
        audit.Record(actor, seller.Value, "webhook-delivery.redelivered", $"webhook-delivery:{id}", delivery.MessageType);
        await db.SaveChangesAsync(cancellationToken);
        await sender.AttemptAsync(delivery.Id, lease, actor, cancellationToken);
        return await queries.GetDeliveryAsync(seller, id, cancellationToken);
    }

    public async Task<WebhookDeliveryDetail> SendTestEventAsync(OrganisationId seller, WebhookEndpointId id, string actor, CancellationToken cancellationToken)
    {
        var endpoint = await FindAsync(seller, id, cancellationToken);
        var now = clock.GetUtcNow();
        var payload = new JsonObject
        {
            ["message"] = "A test event from Tradewind. Answer with any 2xx status to confirm that your endpoint verifies signatures and accepts notifications.",
            ["endpointId"] = endpoint.Id.ToString(),
        };
        var delivery = WebhookPublisher.NewDelivery(endpoint, WebhookTestEvent.MessageType, payload, now, clock);
        // Leased from the start, so the dispatcher does not pick it up while this request sends it.
        delivery.LockedUntil = now + TimeSpan.FromMinutes(1);
        var lease = Guid.NewGuid();
        delivery.LeaseToken = lease;
        db.Add(delivery);
        audit.Record(actor, seller.Value, "webhook-endpoint.test-sent", Subject(endpoint.Id), $"delivery {delivery.Id}");
        await db.SaveChangesAsync(cancellationToken);
        await sender.AttemptAsync(delivery.Id, lease, actor, cancellationToken);
        return await queries.GetDeliveryAsync(seller, delivery.Id, cancellationToken);
    }

    private async Task<WebhookEndpoint> FindAsync(OrganisationId seller, WebhookEndpointId id, CancellationToken cancellationToken) =>
        await db.Set<WebhookEndpoint>().SingleOrDefaultAsync(e => e.Id == id && e.SellerId == seller, cancellationToken)
        ?? throw WebhookQueries.EndpointNotFound(id);

    private (string Url, string Description, string Types) Validate(string? url, string? description, IReadOnlyList<string>? messageTypes)
    {
        var validation = new Validation();
        var (checkedUrl, urlError) = WebhookUrl.Check(url, options.Value);
        if (urlError is not null)
        {
            validation.Add("url", urlError);
        }

        description = description?.Trim() ?? "";
        validation.Require(description.Length <= WebhookEndpoint.MaxDescriptionLength, "description",
            $"The description is at most {WebhookEndpoint.MaxDescriptionLength} characters.");

        var requested = (messageTypes ?? []).Select(t => t?.Trim() ?? "").ToList();
        var unknown = requested.Where(t => !WebhookMessageTypes.All.Contains(t, StringComparer.Ordinal)).ToList();
        if (unknown.Count > 0)
        {
            validation.Add("messageTypes", $"Unknown message type(s): {string.Join(", ", unknown)}. Known types: {string.Join(", ", WebhookMessageTypes.All)}.");
        }

        validation.ThrowIfInvalid();
        // Stored in the canonical order, so the same subscription always reads the same.
        var types = requested.Count == 0 ? WebhookMessageTypes.All : WebhookMessageTypes.All.Where(t => requested.Contains(t, StringComparer.Ordinal));
        return (checkedUrl!.ToString(), description, string.Join(',', types));
    }

    private static string Subject(WebhookEndpointId id) => $"webhook-endpoint:{id}";
}
