namespace Tradewind.Agreements.Agreements;

/// <summary>
/// Monthly billing periods anchored at the instant paid use began. Period <c>n</c> (from 0) is the half-open interval
/// <c>[anchor + n months, anchor + (n+1) months)</c>, each end computed from the anchor, never from the previous end, so a
/// period anchored on the 31st ends on the last day of shorter months and returns to the 31st afterwards (no drift).
/// Periods are contiguous: each starts where the previous ends. No proration: a period is whole or not at all.
/// </summary>
internal static class MonthlyPeriods
{
    /// <summary>The period containing <paramref name="instant"/>; instants before the anchor fall in period 0.</summary>
    public static (DateTimeOffset Start, DateTimeOffset End) Containing(DateTimeOffset anchor, DateTimeOffset instant)
    {
        if (instant < anchor)
        {
            return (anchor, anchor.AddMonths(1));
        }

        // An estimate from the calendar, corrected by at most a step either way.
        var n = Math.Max(0, ((instant.Year - anchor.Year) * 12) + instant.Month - anchor.Month - 1);
        while (anchor.AddMonths(n + 1) <= instant)
        {
            n++;
        }

        while (n > 0 && anchor.AddMonths(n) > instant)
        {
            n--;
        }

        return (anchor.AddMonths(n), anchor.AddMonths(n + 1));
    }
}
