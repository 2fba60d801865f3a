using Tradewind.Billing.Rating;

namespace Tradewind.Billing.Runs;

/// <summary>Calendar months in UTC, the default billing period: <c>[1st 00:00Z, next 1st 00:00Z)</c>.</summary>
internal static class CalendarMonths
{
    public static DateTimeOffset StartOf(DateTimeOffset instant)
    {
        var utc = instant.ToUniversalTime();
        return new DateTimeOffset(utc.Year, utc.Month, 1, 0, 0, 0, TimeSpan.Zero);
    }

    public static BillingPeriod Starting(DateTimeOffset start) => new(start, start.AddMonths(1));

    /// <summary>
    /// The months an agreement is billed for up to <paramref name="lastEnd"/> (a month start): from the month it was
    /// accepted in, each ending at or before <paramref name="lastEnd"/>, and starting before it ended.
    /// </summary>
    public static IEnumerable<BillingPeriod> Billable(DateTimeOffset acceptedAt, DateTimeOffset? endedAt, DateTimeOffset lastEnd)
    {
        for (var start = StartOf(acceptedAt); start.AddMonths(1) <= lastEnd && (endedAt is null || start < endedAt); start = start.AddMonths(1))
        {
            yield return Starting(start);
        }
    }
}
