using Tradewind.Primitives.Money;

namespace Tradewind.Billing.Rating;

/// <summary>
/// Proration by day: a fixed charge for a service interval, served only in part, costs amount × served days / days in the
/// interval (the caller rounds once per line).
/// </summary>
/// <remarks>
/// Days are UTC calendar days over half-open ranges: <c>[from, to)</c> counts the dates from <c>from</c>'s date up to, not
/// including, <c>to</c>'s date. A service starting at any time on the 17th serves the 17th; one ending at any time on the
/// 2nd serves up to the 1st. So a start on 17 September in the interval [1 September, 1 October) serves 14 of 30 days.
/// The quotient rarely terminates (100 × 15 / 31), so it is kept to <see cref="Decimals"/> decimal places, as unit prices
/// are: 10⁻¹⁰ of a cent, far below the caller's one rounding, and short enough that the full charge minus the prorated
/// one is exact, so a line's steps still add up to its amount.
/// </remarks>
internal static class Proration
{
    public const int Decimals = UnitPrice.MaxDecimalPlaces;

    /// <summary>The UTC calendar days in <c>[from, to)</c>; 0 when <paramref name="to"/> is not after <paramref name="from"/>.</summary>
    public static int Days(DateTimeOffset from, DateTimeOffset to) =>
        Math.Max(0, DateOnly.FromDateTime(to.UtcDateTime).DayNumber - DateOnly.FromDateTime(from.UtcDateTime).DayNumber);

    /// <summary>The part of <paramref name="interval"/> served by a service that runs from <paramref name="serviceStart"/> until <paramref name="serviceEnd"/> (null: on).</summary>
    public static BillingPeriod Served(BillingPeriod interval, DateTimeOffset serviceStart, DateTimeOffset? serviceEnd)
    {
        var start = serviceStart > interval.Start ? serviceStart : interval.Start;
        var end = serviceEnd is { } ended && ended < interval.End ? ended : interval.End;
        return new BillingPeriod(start, end < start ? start : end);
    }

    /// <summary><paramref name="amount"/> × served days / days in the interval; the whole amount when every day is served.</summary>
    public static decimal Prorate(decimal amount, int servedDays, int intervalDays)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(servedDays);
        return intervalDays <= 0 || servedDays >= intervalDays ? amount : decimal.Round(amount * servedDays / intervalDays, Decimals, MidpointRounding.ToEven);
    }

    /// <summary>
    /// The part of a charge of <paramref name="amountMinor"/> for <c>[serviceStart, serviceEnd)</c> that a service ending at
    /// <paramref name="endedAt"/> did not use, by day, rounded once (half away from zero): the whole charge when it ended
    /// before the interval's first day, nothing when it ended on or after the interval's end. The day it ended counts as
    /// unused, as it counts as not served when rating (see <see cref="Served"/>).
    /// </summary>
    public static long Unused(long amountMinor, DateTimeOffset serviceStart, DateTimeOffset serviceEnd, DateTimeOffset endedAt)
    {
        if (endedAt >= serviceEnd || amountMinor == 0)
        {
            return 0;
        }

        var intervalDays = Days(serviceStart, serviceEnd);
        var unusedDays = Days(endedAt > serviceStart ? endedAt : serviceStart, serviceEnd);
        if (intervalDays <= 0 || unusedDays >= intervalDays)
        {
            return amountMinor;
        }

        return (long)decimal.Round((decimal)amountMinor * unusedDays / intervalDays, 0, MidpointRounding.AwayFromZero);
    }
}
