using Tradewind.Analytics.Events;
using Tradewind.Analytics.Traffic.Capture;

namespace Tradewind.Analytics.Tests.Traffic.Capture;

public sealed class TrafficSourceTests
{
    private const string Site = "market.example:8443";

    private static TrafficSource From(string? referrer = null, params (string Name, string? Value)[] query) =>
        TrafficSource.From(query.ToDictionary(q => q.Name, q => q.Value), referrer, Site);

    [Fact]
    public void Utm_source_wins_over_source_and_ref()
    {
        Assert.Equal("newsletter", From(null, ("ref", "partner"), ("source", "blog"), ("utm_source", "Newsletter")).Source);
        Assert.Equal("blog", From(null, ("ref", "partner"), ("source", "blog")).Source);
        Assert.Equal("partner", From(null, ("ref", "partner")).Source);
        Assert.Equal("partner", From(null, ("utm_source", "  "), ("ref", "partner")).Source);
    }

    [Fact]
    public void Values_are_trimmed_lower_cased_and_cut_to_100_characters()
    {
        var source = From(null, ("utm_source", "  Google Ads "), ("utm_medium", "CPC"), ("utm_campaign", new string('X', 150)), ("utm_content", "Hero"), ("utm_term", " Log Search "));

        Assert.Equal(("google ads", "cpc", "hero", "log search"), (source.Source, source.Medium, source.Content, source.Term));
        Assert.Equal(new string('x', 100), source.Campaign);
    }

    [Theory]
    [InlineData("https://www.google.co.jp/search?q=logs", "google.co.jp")]
    [InlineData("https://News.YCombinator.com/item?id=1", "news.ycombinator.com")]
    [InlineData("http://blog.example.org/post/1#x", "blog.example.org")]
    [InlineData("https://market.example/search?q=x", null)]
    [InlineData("https://localhost:5001/", null)]
    [InlineData("http://127.0.0.1/", null)]
    [InlineData("not a url", null)]
    [InlineData("ftp://files.example.com/", null)]
    [InlineData("", null)]
    public void The_referrer_is_kept_as_its_host_only_and_our_own_host_and_localhost_count_as_none(string referrer, string? host) =>
        Assert.Equal(host, TrafficSource.ReferrerHostOf(referrer, Site));

    [Theory]
    [InlineData("https://www.google.com/", null, null, AnalyticsChannels.Search)]
    [InlineData("https://duckduckgo.com/", null, null, AnalyticsChannels.Search)]
    [InlineData("https://www.linkedin.com/feed/", null, null, AnalyticsChannels.Social)]
    [InlineData("https://t.co/abc", null, null, AnalyticsChannels.Social)]
    [InlineData("https://blog.example.org/", null, null, AnalyticsChannels.Referral)]
    [InlineData("https://market.example/search?q=logs", null, null, AnalyticsChannels.MarketplaceSearch)]
    [InlineData("https://market.example/ja/categories/observability", null, null, AnalyticsChannels.MarketplaceSearch)]
    [InlineData("https://market.example/products/other", null, null, AnalyticsChannels.Direct)]
    [InlineData(null, null, null, AnalyticsChannels.Direct)]
    [InlineData("https://www.google.com/", "cpc", "spring", AnalyticsChannels.Campaign)]
    [InlineData(null, null, "spring", AnalyticsChannels.Campaign)]
    [InlineData(null, "email", "spring", AnalyticsChannels.Email)]
    [InlineData("https://www.google.com/", "organic", null, AnalyticsChannels.Search)]
    public void The_channel_is_derived_from_the_tags_and_the_referrer(string? referrer, string? medium, string? campaign, string channel) =>
        Assert.Equal(channel, From(referrer, ("utm_medium", medium), ("utm_campaign", campaign)).Channel);

    [Fact]
    public void A_tagged_source_without_a_referrer_names_its_channel()
    {
        Assert.Equal(AnalyticsChannels.Social, From(null, ("utm_source", "linkedin.com")).Channel);
        Assert.Equal(AnalyticsChannels.Referral, From(null, ("ref", "partner-portal")).Channel);
    }

    [Fact]
    public void A_search_engine_lookalike_is_not_a_search_engine()
    {
        Assert.Equal(AnalyticsChannels.Referral, From("https://googleusercontent.com/x").Channel);
        Assert.Equal(AnalyticsChannels.Referral, From("https://notgoogle.com/").Channel);
    }
}
