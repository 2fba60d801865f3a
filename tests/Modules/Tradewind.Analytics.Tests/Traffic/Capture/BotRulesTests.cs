using Tradewind.Analytics.Traffic.Capture;

namespace Tradewind.Analytics.Tests.Traffic.Capture;

public sealed class BotRulesTests
{
    private const string Chrome = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";
    private const string Languages = "de-DE,de;q=0.9,en;q=0.8";

    [Fact]
    public void A_browser_with_languages_and_an_ordinary_referrer_is_no_bot() =>
        Assert.Null(BotRules.Classify(Chrome, Languages, "blog.example.org"));

    [Theory]
    [InlineData("Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)")]
    [InlineData("Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)")]
    [InlineData("Mozilla/5.0 AppleWebKit/537.36 (KHTML, like Gecko; compatible; GPTBot/1.2; +https://openai.com/gptbot)")]
    [InlineData("Mozilla/5.0 (compatible; AhrefsBot/7.0; +http://ahrefs.com/robot/)")]
    [InlineData("facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)")]
    [InlineData("curl/8.5.0")]
    [InlineData("python-requests/2.32.3")]
    public void A_crawler_user_agent_is_a_bot(string userAgent) =>
        Assert.Equal(BotReasons.UserAgent, BotRules.Classify(userAgent, Languages, null));

    [Theory]
    [InlineData("Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/131.0.0.0 Safari/537.36")]
    [InlineData("Mozilla/5.0 (Unknown; Linux x86_64) AppleWebKit/534.34 (KHTML, like Gecko) PhantomJS/1.9.8 Safari/534.34")]
    public void A_headless_browser_is_a_bot(string userAgent) =>
        Assert.Equal(BotReasons.Headless, BotRules.Classify(userAgent, Languages, null));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void An_empty_user_agent_is_a_bot(string? userAgent) =>
        Assert.Equal(BotReasons.EmptyUserAgent, BotRules.Classify(userAgent, Languages, null));

    [Fact]
    public void A_request_without_accept_language_is_a_bot() =>
        Assert.Equal(BotReasons.NoAcceptLanguage, BotRules.Classify(Chrome, null, null));

    [Fact]
    public void A_referrer_spam_host_is_a_bot_whatever_the_user_agent()
    {
        Assert.Equal(BotReasons.ReferrerSpam, BotRules.Classify(Chrome, Languages, "semalt.com"));
        Assert.Equal(BotReasons.ReferrerSpam, BotRules.Classify(Chrome, Languages, "forum.buttons-for-website.com"));
    }
}
