namespace Tradewind.Analytics.Traffic.Capture;

/// <summary>
/// A listing view or CTA click on its way from the page to <c>analytics_events</c>. <see cref="CoarseIp"/> and
/// <see cref="UserAgent"/> exist only while it is queued: the writer turns them into the visitor-day hash and drops
/// them; neither is ever stored.
/// </summary>
internal sealed class CapturedEvent
{
    public required Guid Id { get; init; }

    public required string Name { get; init; }

    public DateTimeOffset OccurredAt { get; init; }

    public Guid? SellerId { get; init; }

    public Guid? ProductId { get; init; }

    public Guid? BuyerId { get; init; }

    public string? Source { get; init; }

    public string? Medium { get; init; }

    public string? Campaign { get; init; }

    public string? Content { get; init; }

    public string? Term { get; init; }

    public string? ReferrerHost { get; init; }

    public string? Channel { get; init; }

    public string? Country { get; init; }

    public string? Locale { get; init; }

    public string? TranslationKind { get; init; }

    public Guid? AttributionViewId { get; init; }

    public string? Detail { get; init; }

    public string? VisitorDayHash { get; set; }

    public bool IsBot { get; set; }

    public string? BotReason { get; set; }

    public bool Confirmed { get; set; }

    /// <summary>The site host the hash is computed for (hash input only).</summary>
    public string? SiteHost { get; set; }

    /// <summary>The IPv4 /24 or IPv6 /48 of the visitor (hash input only).</summary>
    public string? CoarseIp { get; set; }

    /// <summary>The visitor's user agent (hash input only).</summary>
    public string? UserAgent { get; set; }

    /// <summary>Drops the hash inputs once the hash is made (or refused).</summary>
    public void ForgetTraits()
    {
        SiteHost = null;
        CoarseIp = null;
        UserAgent = null;
    }
}
