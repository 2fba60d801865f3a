using Tradewind.Contracts.Metering;

namespace Tradewind.Metering.Usage;

/// <summary>UTC time buckets for usage totals: half-open <c>[Start, End)</c>.</summary>
internal static class UsageBuckets
{
    /// <summary>The bucket holding <paramref name="hour"/>; for <see cref="UsageGranularity.Total"/>, the whole range.</summary>
    public static (DateTimeOffset Start, DateTimeOffset End) Of(DateTimeOffset hour, UsageGranularity granularity, DateTimeOffset from, DateTimeOffset to)
    {
        var utc = hour.ToUniversalTime();
        switch (granularity)
        {
            case UsageGranularity.Hour:
                var start = UsageRules.HourOf(utc);
                return (start, start.AddHours(1));
            case UsageGranularity.Day:
                var day = new DateTimeOffset(utc.Year, utc.Month, utc.Day, 0, 0, 0, TimeSpan.Zero);
                return (day, day.AddDays(1));
            case UsageGranularity.Month:
                var month = new DateTimeOffset(utc.Year, utc.Month, 1, 0, 0, 0, TimeSpan.Zero);
                return (month, month.AddMonths(1));
            default:
                return (from.ToUniversalTime(), to.ToUniversalTime());
        }
    }
}
