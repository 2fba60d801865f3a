using System.Net;
using Tradewind.Primitives.Ids;

namespace Tradewind.Contracts.Analytics;

/// <summary>
/// Records storefront traffic: listing views (enqueued, never awaited by the page), beacon confirmations, CTA clicks and
/// the listing view a subscription came from. The IP address a visit carries is used for the visitor-day hash and the
/// country lookup only and is never stored or logged (docs/analytics.md, "Listing traffic capture and privacy").
/// </summary>
public interface IListingTrafficCapture
{
    /// <summary>False when <c>Analytics:Capture:Enabled</c> is off: pages then leave their CTA links untouched.</summary>
    bool Enabled { get; }

    /// <summary>
    /// Classifies and enqueues one listing view and returns its signed attribution token (the <c>att</c> value of the
    /// page's CTA links and the beacon's token). Never blocks: a full queue drops the view and counts it.
    /// </summary>
    string CaptureView(ListingVisit visit);

    /// <summary>Marks the view the token names as confirmed by the page's beacon (or a bot, when the browser is automated). False for an invalid or expired token.</summary>
    bool Confirm(string? token, bool webdriver);

    /// <summary>The request header a trusted proxy puts the visitor's country in (<c>Analytics:GeoIp:CountryHeader</c>); null when none is trusted.</summary>
    string? CountryHeaderName { get; }

    /// <summary>Records <c>cta_clicked</c> on a listing for one of <see cref="ListingCtas"/>; the token, when valid, links it to its listing view.</summary>
    void RecordCtaClick(string cta, ProductId productId, OrganisationId sellerId, string? token, OrganisationId? buyerId);

    /// <summary>Stores which listing view <paramref name="agreementId"/> came from; ignores an invalid or expired token and a second call.</summary>
    Task RecordAttributionAsync(AgreementId agreementId, string? token, CancellationToken cancellationToken);

    /// <summary>Writes everything queued so far (views, clicks, confirmations) before returning.</summary>
    Task FlushAsync(CancellationToken cancellationToken);
}

/// <summary>The call-to-action links of a listing page that carry the attribution token.</summary>
public static class ListingCtas
{
    public const string Trial = "trial";
    public const string Subscribe = "subscribe";
    public const string RequestPrivateOffer = "request_private_offer";
    public const string Contact = "contact";

    public static bool IsKnown(string? cta) => cta is Trial or Subscribe or RequestPrivateOffer or Contact;
}

/// <summary>
/// What one request for a listing page tells: the listing shown and how, and the request traits the capture derives its
/// columns from. <see cref="RemoteIp"/> is read for the visitor hash and the country and then dropped.
/// </summary>
public sealed record ListingVisit(
    ProductId ProductId,
    OrganisationId SellerId,
    string Locale,
    string TranslationKind,
    string SiteHost)
{
    /// <summary>The query string parameters the source is read from (<c>utm_*</c>, <c>source</c>, <c>ref</c>).</summary>
    public IReadOnlyDictionary<string, string?> Query { get; init; } = new Dictionary<string, string?>();

    public string? Referrer { get; init; }

    public string? UserAgent { get; init; }

    public string? AcceptLanguage { get; init; }

    /// <summary><c>DNT: 1</c> or <c>Sec-GPC: 1</c>: no visitor hash.</summary>
    public bool DoNotTrack { get; init; }

    public IPAddress? RemoteIp { get; init; }

    /// <summary>The value of the configured trusted country header, when the request carried it.</summary>
    public string? CountryHeader { get; init; }

    public OrganisationId? BuyerId { get; init; }
}
