using Tradewind.Primitives.Ids;

namespace Tradewind.Analytics.Traffic.Rollups;

/// <summary>
/// One group of listing views on one UTC day (<c>analytics_daily_traffic</c>): seller × product × source × medium ×
/// campaign × referrer host × channel × country × locale × translation kind. A dimension the view did not have is
/// stored as the empty string. <see cref="VisitorDays"/> is the number of distinct visitor-day hashes of confirmed
/// human views within the group, so it does not add up across groups. <see cref="Trials"/> and <see cref="Subscriptions"/>
/// count the day's sign-ups whose attributed view belongs to the group (the view may be from an earlier day).
/// </summary>
internal sealed class DailyTraffic
{
    public long Id { get; init; }

    public DateOnly Day { get; init; }

    public OrganisationId SellerId { get; init; }

    public ProductId ProductId { get; init; }

    public string Source { get; init; } = "";

    public string Medium { get; init; } = "";

    public string Campaign { get; init; } = "";

    public string ReferrerHost { get; init; } = "";

    public string Channel { get; init; } = "";

    public string Country { get; init; } = "";

    public string Locale { get; init; } = "";

    public string TranslationKind { get; init; } = "";

    public int Views { get; init; }

    public int ConfirmedViews { get; init; }

    public int BotViews { get; init; }

    public int VisitorDays { get; init; }

    /// <summary>The day's <c>trial_started</c> events attributed to a view of this group.</summary>
    public int Trials { get; init; }

    /// <summary>The day's <c>subscribed</c> events (without trial) attributed to a view of this group.</summary>
    public int Subscriptions { get; init; }
}

/// <summary>
/// Listing traffic and attributed sign-ups by served language × translation kind per product and UTC day
/// (<c>analytics_daily_language_conversion</c>). Traffic counts come from the day's views; <see cref="Trials"/> and
/// <see cref="Subscriptions"/> are the day's <c>trial_started</c> / <c>subscribed</c> events whose attributed view was
/// served in that language.
/// </summary>
internal sealed class DailyLanguageConversion
{
    public DateOnly Day { get; init; }

    public OrganisationId SellerId { get; init; }

    public ProductId ProductId { get; init; }

    public string Locale { get; init; } = "";

    public string TranslationKind { get; init; } = "";

    public int VisitorDays { get; init; }

    public int ConfirmedViews { get; init; }

    public int Trials { get; init; }

    public int Subscriptions { get; init; }
}
