using System.Globalization;
using Tradewind.Analytics.Events;

namespace Tradewind.Analytics.Traffic.Capture;

/// <summary>
/// Where a listing view came from (spec: plg-and-localization §1.2.2): the source is <c>utm_source</c>, else
/// <c>source</c>, else <c>ref</c>; medium, campaign, content and term come from their <c>utm_</c> parameters. Every
/// value is trimmed, lower-cased and cut to 100 characters. The referrer is kept as its host only, and a referrer on
/// the site's own host or on <c>localhost</c> counts as none.
/// </summary>
internal sealed record TrafficSource(
    string? Source,
    string? Medium,
    string? Campaign,
    string? Content,
    string? Term,
    string? ReferrerHost,
    string Channel)
{
    public const int MaxLength = 100;

    /// <summary>Media that mean "not a campaign" even when tagged (<c>utm_medium=organic</c>).</summary>
    private static readonly HashSet<string> OrganicMedia = new(StringComparer.Ordinal) { "organic", "none", "(none)", "referral" };

    public static TrafficSource From(IReadOnlyDictionary<string, string?> query, string? referrer, string siteHost)
    {
        ArgumentNullException.ThrowIfNull(query);
        string? Param(string name) => Normalize(query.TryGetValue(name, out var value) ? value : null);
        var source = Param("utm_source") ?? Param("source") ?? Param("ref");
        var medium = Param("utm_medium");
        var campaign = Param("utm_campaign");
        var referrerUri = ParseReferrer(referrer);
        var referrerHost = ReferrerHostOf(referrerUri, siteHost);
        var ownReferrer = referrerUri is not null && string.Equals(referrerUri.IdnHost, HostWithoutPort(siteHost), StringComparison.OrdinalIgnoreCase) ? referrerUri : null;
        return new TrafficSource(
            source,
            medium,
            campaign,
            Param("utm_content"),
            Param("utm_term"),
            referrerHost,
            ChannelOf(source, medium, campaign, referrerHost, ownReferrer));
    }

    /// <summary>Trimmed, lower case (invariant), at most <see cref="MaxLength"/> characters; null when empty.</summary>
    public static string? Normalize(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var text = value.Trim().ToLowerInvariant();
        return text.Length > MaxLength ? text[..MaxLength].TrimEnd() : text;
    }

    /// <summary>The referrer's host, lower case and without <c>www.</c>; null for none, an unparsable value, the site's own host or <c>localhost</c>.</summary>
    public static string? ReferrerHostOf(string? referrer, string siteHost) => ReferrerHostOf(ParseReferrer(referrer), siteHost);

    private static string? ReferrerHostOf(Uri? referrer, string siteHost)
    {
        if (referrer is null || string.IsNullOrEmpty(referrer.Host))
        {
            return null;
        }

        var host = referrer.IdnHost.ToLowerInvariant();
        if (IsLocalhost(host) || string.Equals(host, HostWithoutPort(siteHost), StringComparison.Ordinal))
        {
            return null;
        }

        host = host.StartsWith("www.", StringComparison.Ordinal) ? host[4..] : host;
        return host.Length > 255 ? host[..255] : host;
    }

    private static Uri? ParseReferrer(string? referrer) =>
        Uri.TryCreate(referrer?.Trim(), UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            ? uri
            : null;

    private static bool IsLocalhost(string host) =>
        host is "localhost" or "127.0.0.1" or "[::1]" or "::1" || host.EndsWith(".localhost", StringComparison.Ordinal);

    private static string HostWithoutPort(string siteHost)
    {
        var host = siteHost.Trim().ToLowerInvariant();
        if (host.StartsWith('['))
        {
            var end = host.IndexOf(']', StringComparison.Ordinal);
            return end > 0 ? host[1..end] : host;
        }

        var colon = host.LastIndexOf(':');
        return colon > 0 ? host[..colon] : host;
    }

    /// <summary>
    /// Campaign when a medium or campaign is tagged and the medium is not organic (email when the medium says so);
    /// search engines and social networks by host (or by a tagged source naming one); marketplace search when the
    /// referrer is our own search or a category page; referral for any other host; direct otherwise.
    /// </summary>
    public static string ChannelOf(string? source, string? medium, string? campaign, string? referrerHost, Uri? ownReferrer)
    {
        if ((medium is not null || campaign is not null) && (medium is null || !OrganicMedia.Contains(medium)))
        {
            return medium is "email" or "e-mail" or "newsletter" ? AnalyticsChannels.Email : AnalyticsChannels.Campaign;
        }

        var host = referrerHost ?? source;
        if (host is not null)
        {
            if (KnownHosts.IsSearchEngine(host))
            {
                return AnalyticsChannels.Search;
            }

            if (KnownHosts.IsSocial(host))
            {
                return AnalyticsChannels.Social;
            }
        }

        if (ownReferrer is not null)
        {
            var path = ownReferrer.AbsolutePath;
            return IsMarketplaceBrowse(path) ? AnalyticsChannels.MarketplaceSearch : AnalyticsChannels.Direct;
        }

        return referrerHost is not null || source is not null ? AnalyticsChannels.Referral : AnalyticsChannels.Direct;
    }

    /// <summary>Our search page or a category page, with or without a language prefix (<c>/ja/search</c>).</summary>
    private static bool IsMarketplaceBrowse(string path)
    {
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (segments.Length > 1 && segments[0].Length is 2 or 5 && segments[1] is "search" or "categories")
        {
            segments = segments[1..];
        }

        return segments.Length > 0 && (string.Equals(segments[0], "search", StringComparison.OrdinalIgnoreCase)
            || string.Equals(segments[0], "categories", StringComparison.OrdinalIgnoreCase));
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Channel}:{Source}/{Medium}/{ReferrerHost}");
}
