namespace Tradewind.Billing.Documents;

/// <summary>Calendar dates printed for a half-open period <c>[start, end)</c> of UTC instants.</summary>
internal static class DocumentDates
{
    public static DateOnly FirstDay(DateTimeOffset start) => DateOnly.FromDateTime(start.UtcDateTime);

    /// <summary>The last day the period covers: an end at midnight UTC belongs to the day before (the end is exclusive).</summary>
    public static DateOnly LastDay(DateTimeOffset start, DateTimeOffset end)
    {
        var endUtc = end.UtcDateTime;
        var last = DateOnly.FromDateTime(endUtc);
        if (endUtc.TimeOfDay == TimeSpan.Zero && end > start)
        {
            last = last.AddDays(-1);
        }

        var first = FirstDay(start);
        return last < first ? first : last;
    }
}
