namespace Tradewind.Analytics.Traffic.Capture;

/// <summary>
/// Lower-case user-agent substrings that mark a crawler, monitor or automated browser. Seeded from PostHog's
/// <c>DEFAULT_BLOCKED_UA_STRS</c> (posthog-js, <c>src/utils/blocked-uas.ts</c>, spec: plg-and-localization §2.1); the
/// headless markers are kept apart so a view says which rule caught it. Add entries here, nowhere else.
/// </summary>
internal static class BotUserAgents
{
    public static readonly string[] Crawlers =
    [
        // Search engines and their previewers.
        "googlebot", "googleother", "google-inspectiontool", "google-cloudvertexbot", "google favicon", "google web preview",
        "google-read-aloud", "googleweblight", "google-hoteladsverifier", "adsbot-google", "apis-google", "duplexweb-google",
        "feedfetcher-google", "mediapartners-google", "storebot-google", "bingbot", "bingpreview", "msnbot", "slurp",
        "yahoo! slurp", "duckduckbot", "baiduspider", "yandexbot", "http://yandex.com/bots", "applebot", "petalbot",
        "sogou", "seznambot", "naverbot", "yeti/", "daum",
        // AI crawlers and agents.
        "gptbot", "oai-searchbot", "chatgpt-user", "perplexitybot", "claudebot", "claude-web", "anthropic-ai",
        "ccbot", "bytespider", "amazonbot", "amazonproductbot", "meta-externalagent", "meta-externalfetcher", "cohere-ai",
        // SEO and marketing tools.
        "ahrefsbot", "ahrefssiteaudit", "semrushbot", "siteauditbot", "splitsignalbot", "mj12bot", "dotbot", "rogerbot",
        "dataforseobot", "backlinksextendedbot", "screaming frog", "sitebulb", "serpstatbot", "barkrowler", "blexbot",
        "awariobot", "trendictionbot", "leikibot", "app.hypefactors.com", "sebot-wa", "turnitin", "hubspot", "deepscan",
        // Link previews.
        "facebookexternal", "facebookcatalog", "twitterbot", "linkedinbot", "slackbot", "discordbot", "telegrambot",
        "whatsapp", "pinterest", "skypeuripreview", "vercelbot", "vercel-screenshot", "zoombot",
        // Archivers, monitors, scanners.
        "ia_archiver", "archive.org_bot", "uptimerobot", "better uptime bot", "sentryuptimebot", "pingdom", "statuscake",
        "site24x7", "nessus", "chrome-lighthouse", "prerender",
        // Generic markers.
        "bot.htm", "bot.php", "(bot;", "bot/", "crawler", "spider", "scraper",
        // Libraries rather than browsers.
        "curl/", "wget/", "python-requests", "python-urllib", "aiohttp", "go-http-client", "okhttp", "java/",
        "apache-httpclient", "libwww-perl", "node-fetch", "axios/", "undici", "httpie", "postmanruntime", "insomnia",
    ];

    public static readonly string[] Headless =
    [
        "headlesschrome", "headless", "phantomjs", "slimerjs", "htmlunit", "puppeteer", "playwright", "selenium",
        "webdriver", "cypress", "electron/", "jsdom",
    ];
}
