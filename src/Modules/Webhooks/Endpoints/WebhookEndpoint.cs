using Tradewind.Primitives.Ids;

namespace Tradewind.Webhooks.Endpoints;

/// <summary>
/// A URL a seller receives signed notifications at. The signing secret is stored encrypted with ASP.NET Core Data
/// Protection (whose keys live in the database), because Tradewind must read it back to sign; it is shown to the
/// seller only when created or rotated. After a rotation the previous secret keeps signing until
/// <see cref="PreviousSecretExpiresAt"/>.
/// </summary>
internal sealed class WebhookEndpoint
{
    public const int MaxPerSeller = 10;
    public const int MaxDescriptionLength = 500;

    public WebhookEndpointId Id { get; init; }

    public OrganisationId SellerId { get; init; }

    public required string Url { get; set; }

    public string Description { get; set; } = "";

    /// <summary>The subscribed message types, comma-separated, in <c>WebhookMessageTypes.All</c> order.</summary>
    public required string MessageTypes { get; set; }

    public bool Enabled { get; set; }

    /// <summary>The current signing secret, protected.</summary>
    public required string Secret { get; set; }

    public DateTimeOffset SecretCreatedAt { get; set; }

    /// <summary>The secret replaced by the last rotation, protected; null when there was none or no overlap was asked for.</summary>
    public string? PreviousSecret { get; set; }

    public DateTimeOffset? PreviousSecretExpiresAt { get; set; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; set; }

    public IReadOnlyList<string> MessageTypeList => MessageTypes.Split(',', StringSplitOptions.RemoveEmptyEntries);

    public bool Subscribes(string messageType) => MessageTypeList.Contains(messageType, StringComparer.Ordinal);

    /// <summary>The previous secret while it still signs at <paramref name="now"/>.</summary>
    public string? PreviousSecretAt(DateTimeOffset now) => PreviousSecretExpiresAt is { } until && until > now ? PreviousSecret : null;
}
