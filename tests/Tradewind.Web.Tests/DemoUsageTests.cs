using Tradewind.Web.Demo;

namespace Tradewind.Web.Tests;

public sealed class DemoUsageTests
{
    private static readonly DateTimeOffset To = new(2026, 11, 27, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset From = To - DemoSeeder.UsageHistory;

    [Fact]
    public void The_same_seed_and_period_give_the_same_records()
    {
        foreach (var pattern in DemoSeeder.UsagePatterns)
        {
            var first = DemoUsage.Generate("CUST", pattern, From, To, DemoSeeder.UsageSeed).ToList();
            var second = DemoUsage.Generate("CUST", pattern, From, To, DemoSeeder.UsageSeed).ToList();

            Assert.NotEmpty(first);
            Assert.Equal(first.Select(r => (r.Timestamp, r.Quantity)), second.Select(r => (r.Timestamp, r.Quantity)));
        }
    }

    [Fact]
    public void Fast_growers_end_several_times_higher_and_the_declining_customer_lower_than_they_start()
    {
        double Ratio(DemoUsageTrend trend)
        {
            var records = DemoUsage.Generate("CUST", DemoSeeder.UsagePatterns.First(p => p.Trend == trend), From, To, DemoSeeder.UsageSeed).ToList();
            var firstMonth = records.Where(r => r.Timestamp < From.AddDays(30)).Sum(r => r.Quantity);
            var lastMonth = records.Where(r => r.Timestamp >= To.AddDays(-30)).Sum(r => r.Quantity);
            return (double)lastMonth / firstMonth;
        }

        Assert.True(Ratio(DemoUsageTrend.FastGrowth) > 3, $"fast growth {Ratio(DemoUsageTrend.FastGrowth)}");
        Assert.InRange(Ratio(DemoUsageTrend.Flat), 0.85, 1.15);
        Assert.True(Ratio(DemoUsageTrend.Declining) < 0.6, $"declining {Ratio(DemoUsageTrend.Declining)}");
    }

    [Fact]
    public void Records_fall_in_business_hours_are_quieter_at_weekends_and_allocations_add_up()
    {
        var pattern = DemoSeeder.UsagePatterns[0];
        var records = DemoUsage.Generate("CUST", pattern, From, To, DemoSeeder.UsageSeed).ToList();

        Assert.All(records, r =>
        {
            var local = r.Timestamp.UtcDateTime.AddHours(pattern.UtcOffsetHours);
            Assert.InRange(local.Hour, 7, 21);
            Assert.InRange(r.Timestamp, From, To);
            Assert.True(r.Quantity > 0);
        });
        Assert.Equal(records.Count, records.Select(r => new DateTimeOffset(r.Timestamp.Year, r.Timestamp.Month, r.Timestamp.Day, r.Timestamp.Hour, 0, 0, TimeSpan.Zero)).Distinct().Count());
        var weekday = records.Where(r => r.Timestamp.AddHours(pattern.UtcOffsetHours).DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday)).Average(r => r.Quantity);
        var weekend = records.Where(r => r.Timestamp.AddHours(pattern.UtcOffsetHours).DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday).Average(r => r.Quantity);
        Assert.True(weekend < weekday / 2, $"weekend {weekend}, weekday {weekday}");
        Assert.All(records.Where(r => r.Allocations is not null), r =>
        {
            Assert.Equal(r.Quantity, r.Allocations!.Sum(a => a.Quantity));
            Assert.All(r.Allocations!, a => Assert.Equal("team", Assert.Single(a.Tags).Key));
        });
        Assert.Contains(records, r => r.Allocations is { Count: 2 });
    }

    [Fact]
    public void The_small_customer_reports_only_in_office_hours_on_weekdays()
    {
        var pattern = DemoSeeder.UsagePatterns.Single(p => p.Small);

        var records = DemoUsage.Generate("CUST", pattern, From, To, DemoSeeder.UsageSeed).ToList();

        Assert.NotEmpty(records);
        Assert.All(records, r =>
        {
            var local = r.Timestamp.UtcDateTime.AddHours(pattern.UtcOffsetHours);
            Assert.InRange(local.Hour, 9, 17);
            Assert.NotEqual(DayOfWeek.Saturday, local.DayOfWeek);
            Assert.NotEqual(DayOfWeek.Sunday, local.DayOfWeek);
        });
    }
}
