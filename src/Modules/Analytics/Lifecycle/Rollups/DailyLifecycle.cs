using Tradewind.Primitives.Ids;

namespace Tradewind.Analytics.Lifecycle.Rollups;

/// <summary>
/// Lifecycle events of one UTC day (<c>analytics_daily_lifecycle</c>), rebuilt from the event store: how many of one
/// event name per seller × product × buyer country × offer type × currency, and the sum of their amounts. Empty strings
/// stand for "not known" so the key has no nulls.
/// </summary>
internal sealed class DailyLifecycle
{
    public DateOnly Day { get; init; }

    public OrganisationId SellerId { get; init; }

    public ProductId ProductId { get; init; }

    public required string Name { get; init; }

    public required string Country { get; init; }

    public required string OfferType { get; init; }

    public required string Currency { get; init; }

    public int Count { get; init; }

    public long AmountMinor { get; init; }
}
