using Tradewind.Primitives.Ids;

namespace Tradewind.Analytics.Traffic.Rollups;

/// <summary>
/// One product's listing traffic on one UTC day (<c>analytics_daily_visitors</c>), rebuilt from the events: the exact
/// count of distinct visitor-day hashes of confirmed human views, raw and confirmed views, views filtered as bots, and
/// CTA clicks. The funnel's first two steps read it.
/// </summary>
internal sealed class DailyVisitors
{
    public DateOnly Day { get; init; }

    public OrganisationId SellerId { get; init; }

    public ProductId ProductId { get; init; }

    public int VisitorDays { get; init; }

    public int Views { get; init; }

    public int ConfirmedViews { get; init; }

    public int BotViews { get; init; }

    public int CtaClicks { get; init; }
}
