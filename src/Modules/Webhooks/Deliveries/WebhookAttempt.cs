using Tradewind.Primitives.Ids;

namespace Tradewind.Webhooks.Deliveries;

/// <summary>One HTTP request made for a delivery: when, how long, and what came back (status or error, first kilobyte).</summary>
internal sealed class WebhookAttempt
{
    public const int MaxExcerptBytes = 1024;
    public const int MaxErrorLength = 500;

    public Guid Id { get; init; }

    public WebhookDeliveryId DeliveryId { get; init; }

    public int Number { get; init; }

    public DateTimeOffset StartedAt { get; init; }

    public long DurationMilliseconds { get; init; }

    public int? StatusCode { get; init; }

    public string? Error { get; init; }

    public string ResponseExcerpt { get; init; } = "";

    public bool Succeeded { get; init; }

    /// <summary>Who asked for a manual attempt (redelivery, test event); null when the schedule made it.</summary>
    public string? TriggeredBy { get; init; }
}
