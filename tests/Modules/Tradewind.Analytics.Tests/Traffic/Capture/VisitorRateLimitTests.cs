using Tradewind.Analytics.Traffic.Capture;

namespace Tradewind.Analytics.Tests.Traffic.Capture;

public sealed class VisitorRateLimitTests
{
    private static readonly DateTimeOffset Noon = new(2026, 11, 27, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Sixty_views_in_ten_minutes_pass_and_the_sixty_first_is_over_the_limit()
    {
        var limit = new VisitorRateLimit(60, TimeSpan.FromMinutes(10));

        var results = Enumerable.Range(0, 61).Select(i => limit.Exceeded("a", null, Noon.AddSeconds(i * 5))).ToList();

        Assert.All(results.Take(60), Assert.False);
        Assert.True(results[60]);
    }

    [Fact]
    public void Views_older_than_the_window_no_longer_count()
    {
        var limit = new VisitorRateLimit(60, TimeSpan.FromMinutes(10));
        for (var i = 0; i < 60; i++)
        {
            limit.Exceeded("a", null, Noon.AddSeconds(i));
        }

        Assert.False(limit.Exceeded("a", null, Noon.AddMinutes(10).AddSeconds(30)));
    }

    [Fact]
    public void Other_visitors_are_counted_apart()
    {
        var limit = new VisitorRateLimit(2, TimeSpan.FromMinutes(10));
        limit.Exceeded("a", null, Noon);
        limit.Exceeded("a", null, Noon);

        Assert.False(limit.Exceeded("b", null, Noon));
        Assert.True(limit.Exceeded("a", null, Noon));
    }

    [Fact]
    public void Right_after_midnight_the_previous_day_hash_still_counts()
    {
        var limit = new VisitorRateLimit(3, TimeSpan.FromMinutes(10));
        var midnight = new DateTimeOffset(2026, 11, 28, 0, 0, 0, TimeSpan.Zero);
        limit.Exceeded("yesterday", null, midnight.AddMinutes(-2));
        limit.Exceeded("yesterday", null, midnight.AddMinutes(-1));
        limit.Exceeded("yesterday", null, midnight.AddSeconds(-1));

        Assert.True(limit.Exceeded("today", "yesterday", midnight.AddMinutes(1)));
    }
}
