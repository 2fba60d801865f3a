using System.Globalization;
using Tradewind.Contracts.Metering;

namespace Tradewind.Web.Pages.Seller.Usage;

/// <summary>
/// The time range a usage report covers, half-open <c>[From, To)</c> in UTC, and how finely its chart is bucketed.
/// <c>7d</c> is the last 168 whole hours plus the current one, bucketed by hour; <c>30d</c> and <c>90d</c> are that many
/// UTC days ending with today, by day; <c>yyyy-MM</c> is one calendar month (UTC), by day. Anything else is <c>30d</c>.
/// </summary>
internal sealed record UsagePeriod(string Key, DateTimeOffset From, DateTimeOffset To, UsageGranularity Granularity)
{
    public const string DefaultKey = "30d";

    /// <summary>The rolling periods the filter offers, longest last.</summary>
    public static readonly IReadOnlyList<string> RollingKeys = ["7d", "30d", "90d"];

    public bool Hourly => Granularity == UsageGranularity.Hour;

    public TimeSpan BucketLength => Hourly ? TimeSpan.FromHours(1) : TimeSpan.FromDays(1);

    /// <summary>The start of every bucket in the period, in order.</summary>
    public IEnumerable<DateTimeOffset> Buckets()
    {
        for (var start = From; start < To; start += BucketLength)
        {
            yield return start;
        }
    }

    public static UsagePeriod Parse(string? key, DateTimeOffset now)
    {
        var hour = new DateTimeOffset(now.UtcDateTime.Year, now.UtcDateTime.Month, now.UtcDateTime.Day, now.UtcDateTime.Hour, 0, 0, TimeSpan.Zero);
        var tomorrow = new DateTimeOffset(now.UtcDateTime.Date, TimeSpan.Zero).AddDays(1);
        switch (key)
        {
            case "7d":
                return new("7d", hour.AddHours(-167), hour.AddHours(1), UsageGranularity.Hour);
            case "90d":
                return new("90d", tomorrow.AddDays(-90), tomorrow, UsageGranularity.Day);
            default:
                if (key is { Length: 7 }
                    && DateTime.TryParseExact(key, "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var month))
                {
                    var start = new DateTimeOffset(month.Year, month.Month, 1, 0, 0, 0, TimeSpan.Zero);
                    return new(key, start, start.AddMonths(1), UsageGranularity.Day);
                }

                return new(DefaultKey, tomorrow.AddDays(-30), tomorrow, UsageGranularity.Day);
        }
    }

    /// <summary>The current calendar month and the <paramref name="count"/> − 1 before it, newest first, as <c>yyyy-MM</c>.</summary>
    public static IReadOnlyList<DateTimeOffset> RecentMonths(DateTimeOffset now, int count)
    {
        var first = new DateTimeOffset(now.UtcDateTime.Year, now.UtcDateTime.Month, 1, 0, 0, 0, TimeSpan.Zero);
        return Enumerable.Range(0, count).Select(i => first.AddMonths(-i)).ToList();
    }

    public static string MonthKey(DateTimeOffset month) => month.ToString("yyyy-MM", CultureInfo.InvariantCulture);
}
