namespace Tradewind.Analytics.Traffic.Capture;

/// <summary>Why a view counts as a bot (<c>analytics_events.bot_reason</c>).</summary>
internal static class BotReasons
{
    public const string ReferrerSpam = "referrer_spam";
    public const string EmptyUserAgent = "empty_user_agent";
    public const string UserAgent = "user_agent";
    public const string Headless = "headless";
    public const string NoAcceptLanguage = "no_accept_language";
    public const string RateLimit = "rate_limit";
    public const string Webdriver = "webdriver";
}

/// <summary>
/// The request-time bot rules of spec §2.1, cheapest first; the first that matches names the reason. The rate limit
/// (<see cref="VisitorRateLimit"/>) and the beacon's <c>navigator.webdriver</c> come after these.
/// </summary>
internal static class BotRules
{
    public static string? Classify(string? userAgent, string? acceptLanguage, string? referrerHost)
    {
        if (referrerHost is not null && KnownHosts.IsReferrerSpam(referrerHost))
        {
            return BotReasons.ReferrerSpam;
        }

        if (string.IsNullOrWhiteSpace(userAgent))
        {
            return BotReasons.EmptyUserAgent;
        }

        var agent = userAgent.ToLowerInvariant();
        if (ContainsAny(agent, BotUserAgents.Headless))
        {
            return BotReasons.Headless;
        }

        if (ContainsAny(agent, BotUserAgents.Crawlers))
        {
            return BotReasons.UserAgent;
        }

        // Every browser sends Accept-Language; scripts and most crawlers do not.
        return string.IsNullOrWhiteSpace(acceptLanguage) ? BotReasons.NoAcceptLanguage : null;
    }

    private static bool ContainsAny(string agent, string[] needles)
    {
        foreach (var needle in needles)
        {
            if (agent.Contains(needle, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
