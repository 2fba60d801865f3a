using Tradewind.Persistence;
using Tradewind.Primitives.Ids;

namespace Tradewind.Analytics.Events;

/// <summary>
/// One row of the append-only analytics event store (<c>analytics_events</c>): a listing view or CTA click captured on
/// the storefront, or a lifecycle step consumed from another module's outbox. The envelope follows
/// <c>docs/analytics.md</c>; columns a kind of event does not use stay null. Reports never read this table directly:
/// they read the daily rollups, which are rebuilt from it.
/// </summary>
internal sealed class AnalyticsEvent : IAppendOnly
{
    public const int SchemaVersionCurrent = 1;

    /// <summary>Time-ordered; for a listing view it is also the attribution view id carried by the page's CTA links.</summary>
    public Guid Id { get; init; }

    /// <summary>One of <see cref="AnalyticsEventNames"/>.</summary>
    public required string Name { get; init; }

    public int SchemaVersion { get; init; } = SchemaVersionCurrent;

    public DateTimeOffset OccurredAt { get; init; }

    public DateTimeOffset ReceivedAt { get; init; }

    /// <summary>
    /// The natural key of a lifecycle event (<c>trial_started:{agreementId}</c>, …), unique, so a redelivered outbox
    /// message is stored once. Null for storefront traffic, whose <see cref="Id"/> is the key.
    /// </summary>
    public string? DedupeKey { get; init; }

    public OrganisationId? SellerId { get; init; }

    public ProductId? ProductId { get; init; }

    public OrganisationId? BuyerId { get; init; }

    public AgreementId? AgreementId { get; init; }

    public PrivateOfferId? OfferId { get; init; }

    /// <summary><c>public_free_trial</c>, <c>free_tier</c>, <c>public_payg</c>, <c>public_contract</c>, <c>private_contract</c>, <c>private_payg</c>.</summary>
    public string? OfferType { get; init; }

    /// <summary>16 hex characters: the day-salted visitor hash of anonymous traffic. Never joined to a buyer.</summary>
    public string? VisitorDayHash { get; init; }

    public string? Source { get; init; }

    public string? Medium { get; init; }

    public string? Campaign { get; init; }

    public string? Content { get; init; }

    public string? Term { get; init; }

    /// <summary>Host only, never the full referrer.</summary>
    public string? ReferrerHost { get; init; }

    /// <summary>One of <see cref="AnalyticsChannels"/>.</summary>
    public string? Channel { get; init; }

    /// <summary>ISO 3166-1 alpha-2 (of the visitor for traffic, of the buyer for lifecycle events).</summary>
    public string? Country { get; init; }

    /// <summary>The language served (BCP 47).</summary>
    public string? Locale { get; init; }

    /// <summary><c>original</c>, <c>machine</c> or <c>human_reviewed</c>.</summary>
    public string? TranslationKind { get; init; }

    public string? Currency { get; init; }

    public long? AmountMinor { get; init; }

    public string? Dimension { get; init; }

    public decimal? Quantity { get; init; }

    public bool IsBot { get; init; }

    public string? BotReason { get; init; }

    /// <summary>A listing view whose page beacon called back (set by the capture writer before the row is stored, or later by a confirmation).</summary>
    public bool Confirmed { get; init; }

    /// <summary>On <c>cta_clicked</c> and <c>trial_started</c>/<c>subscribed</c>: the listing view the visitor came from.</summary>
    public Guid? AttributionViewId { get; init; }

    /// <summary>Small JSON object with the event's extra properties (<c>{"cta":"trial"}</c>, <c>{"trialDays":14}</c>, …).</summary>
    public string? Detail { get; init; }
}

/// <summary>The event names of the store (spec: plg-and-localization §1.3).</summary>
internal static class AnalyticsEventNames
{
    public const string ListingView = "listing_view";
    public const string CtaClicked = "cta_clicked";
    public const string TrialStarted = "trial_started";
    public const string Subscribed = "subscribed";
    public const string FirstUsage = "first_usage";
    public const string UsageReported = "usage_reported";
    public const string ConvertedToPaid = "converted_to_paid";
    public const string PrivateOfferSent = "private_offer_sent";
    public const string PrivateOfferViewed = "private_offer_viewed";
    public const string PrivateOfferAccepted = "private_offer_accepted";
    public const string PrivateOfferDeclined = "private_offer_declined";
    public const string PrivateOfferExpired = "private_offer_expired";
    public const string PrivateOfferWithdrawn = "private_offer_withdrawn";
    public const string SupportTicketOpened = "support_ticket_opened";
    public const string Unsubscribed = "unsubscribed";
    public const string MrrChanged = "mrr_changed";
}

/// <summary>Derived acquisition channels of a listing view.</summary>
internal static class AnalyticsChannels
{
    public const string Search = "search";
    public const string Social = "social";
    public const string Campaign = "campaign";
    public const string Email = "email";
    public const string MarketplaceSearch = "marketplace_search";
    public const string Referral = "referral";
    public const string Direct = "direct";
}
