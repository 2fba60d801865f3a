namespace Tradewind.Analytics.Traffic.Capture;

/// <summary>
/// Referrer hosts that name a channel, matched on the registrable part (<c>google.de</c>, <c>news.ycombinator.com</c>
/// is a referral). A host matches an entry when it equals it or ends with "." + it; entries ending in "." match any
/// top-level domain (<c>google.</c> matches <c>google.co.jp</c>).
/// </summary>
internal static class KnownHosts
{
    private static readonly string[] SearchEngines =
    [
        "google.", "bing.com", "duckduckgo.com", "yahoo.", "yandex.", "baidu.com", "naver.com", "daum.net", "ecosia.org",
        "qwant.com", "startpage.com", "search.brave.com", "seznam.cz", "sogou.com", "so.com", "ask.com", "aol.com",
        "kagi.com", "perplexity.ai", "you.com",
    ];

    private static readonly string[] SocialNetworks =
    [
        "facebook.com", "fb.com", "m.facebook.com", "l.facebook.com", "instagram.com", "linkedin.com", "lnkd.in", "t.co",
        "twitter.com", "x.com", "reddit.com", "youtube.com", "youtu.be", "tiktok.com", "pinterest.", "mastodon.social",
        "bsky.app", "threads.net", "xing.com", "vk.com", "weibo.com", "line.me", "kakao.com", "qiita.com", "zenn.dev",
        "news.ycombinator.com", "discord.com", "slack.com", "telegram.org", "t.me", "whatsapp.com",
    ];

    /// <summary>Known referrer-spam hosts (from the Matomo referrer-spam blocklist's most frequent entries).</summary>
    private static readonly string[] ReferrerSpam =
    [
        "semalt.com", "buttons-for-website.com", "darodar.com", "ilovevitaly.com", "priceg.com", "blackhatworth.com",
        "hulfingtonpost.com", "best-seo-offer.com", "best-seo-solution.com", "buy-cheap-online.info", "social-buttons.com",
        "free-share-buttons.com", "event-tracking.com", "get-free-traffic-now.com", "trafficmonetize.org", "4webmasters.org",
        "floating-share-buttons.com", "traffic2money.com", "webmonetizer.net", "site-auditor.online", "seo-platform.com",
        "free-social-buttons.com", "googlsucks.com", "o-o-6-o-o.com", "7makemoneyonline.com", "ranksonic.info",
        "100dollars-seo.com", "success-seo.com", "video--production.com", "rank-checker.online", "kambasoft.com",
    ];

    public static bool IsSearchEngine(string host) => Matches(host, SearchEngines);

    public static bool IsSocial(string host) => Matches(host, SocialNetworks);

    public static bool IsReferrerSpam(string host) => Matches(host, ReferrerSpam);

    private static bool Matches(string host, string[] entries)
    {
        foreach (var entry in entries)
        {
            if (entry.EndsWith('.'))
            {
                // "google." matches google.com, www.google.co.jp, but not googleusercontent.com.
                var name = entry[..^1];
                if (host.StartsWith(entry, StringComparison.Ordinal) || host.Contains("." + entry, StringComparison.Ordinal)
                    || string.Equals(host, name, StringComparison.Ordinal))
                {
                    return true;
                }
            }
            else if (string.Equals(host, entry, StringComparison.Ordinal) || host.EndsWith("." + entry, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
