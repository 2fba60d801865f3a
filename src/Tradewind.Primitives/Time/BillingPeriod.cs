using System.Globalization;

namespace Tradewind.Primitives.Time;

/// <summary>
/// A billing period: the interval of time between two UTC instants, <see cref="Start"/> and <see cref="End"/>.
/// </summary>
/// <remarks>
/// <para>
/// The period includes the start instant and excludes the end instant: [Start, End). Consecutive periods
/// therefore share a boundary without overlapping, and an event at exactly midnight on the 1st belongs to
/// the month that begins then, never to the one that ends then.
/// </para>
/// <para>
/// The end is always strictly later than the start: a billing period is never empty.
/// </para>
/// <para>
/// Both instants are <see cref="DateTimeOffset"/> values with an offset of zero. The constructor refuses any
/// other offset rather than normalising it: an offset of +02:00 reaching this type means someone is holding
/// local time, and silently converting would hide the mistake. Use <see cref="MonthContaining"/> to turn a
/// local calendar month into UTC instants. Instants passed to <see cref="Contains"/> may have any offset;
/// they are compared as instants.
/// </para>
/// <para>
/// A calendar month in a time zone is not a fixed duration: March 2026 in America/New_York starts at
/// 05:00Z and ends at 04:00Z because daylight saving time starts in between, so its
/// <see cref="Duration"/> is 30 days and 23 hours.
/// </para>
/// <para>
/// Equality is by start and end instant. <c>default(BillingPeriod)</c> is not a valid period (its start
/// equals its end); every member except equality, hashing and <see cref="ToString"/> throws
/// <see cref="InvalidOperationException"/> for it.
/// </para>
/// </remarks>
/// <threadsafety>This type is an immutable value type.</threadsafety>
public readonly struct BillingPeriod : IEquatable<BillingPeriod>
{
    private const string InstantFormat = "yyyy'-'MM'-'dd'T'HH':'mm':'ss.FFFFFFF'Z'";

    private readonly DateTimeOffset _start;
    private readonly DateTimeOffset _end;

    /// <summary>
    /// A period from <paramref name="start"/> (inclusive) to <paramref name="end"/> (exclusive).
    /// </summary>
    /// <exception cref="ArgumentException">An instant has a non-zero offset.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="end"/> is not later than <paramref name="start"/>.</exception>
    public BillingPeriod(DateTimeOffset start, DateTimeOffset end)
    {
        RequireUtc(start, nameof(start));
        RequireUtc(end, nameof(end));
        if (end <= start)
        {
            throw new ArgumentOutOfRangeException(nameof(end), end, "A billing period must end strictly after it starts.");
        }

        _start = start;
        _end = end;
    }

    /// <summary>The inclusive lower bound, a UTC instant (offset zero).</summary>
    public DateTimeOffset Start
    {
        get
        {
            RequireValid();
            return _start;
        }
    }

    /// <summary>The exclusive upper bound, a UTC instant (offset zero), always later than <see cref="Start"/>.</summary>
    public DateTimeOffset End
    {
        get
        {
            RequireValid();
            return _end;
        }
    }

    /// <summary>The elapsed time from start to end; always positive.</summary>
    public TimeSpan Duration => End - Start;

    /// <summary>The calendar month <paramref name="month"/> of <paramref name="year"/> in UTC.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The month is out of range, or December 9999 (no representable end).</exception>
    public static BillingPeriod Month(int year, int month)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(month, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(month, 12);
        ArgumentOutOfRangeException.ThrowIfLessThan(year, 1);
        if (year > 9999 || (year == 9999 && month == 12))
        {
            throw new ArgumentOutOfRangeException(nameof(year), year, "The month must end on or before the end of year 9999.");
        }

        var start = new DateTimeOffset(year, month, 1, 0, 0, 0, TimeSpan.Zero);
        return new BillingPeriod(start, start.AddMonths(1));
    }

    /// <summary>
    /// The calendar month, as observed in <paramref name="zone"/>, that contains <paramref name="instant"/>,
    /// as UTC instants: from the first instant of the 1st of that month in the zone to the first instant of
    /// the 1st of the next month.
    /// </summary>
    /// <remarks>
    /// Daylight saving time is respected on both ends. Where local midnight does not exist (a zone that
    /// springs forward at 00:00) the month starts when the day starts, at the end of the gap; where local
    /// midnight happens twice (falling back to 00:00) the month starts at the first of the two.
    /// </remarks>
    public static BillingPeriod MonthContaining(DateTimeOffset instant, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var local = TimeZoneInfo.ConvertTime(instant, zone);
        var firstOfMonth = new DateTime(local.Year, local.Month, 1, 0, 0, 0, DateTimeKind.Unspecified);
        if (firstOfMonth.Year == 9999 && firstOfMonth.Month == 12)
        {
            throw new ArgumentOutOfRangeException(nameof(instant), instant, "The month must end on or before the end of year 9999.");
        }

        return new BillingPeriod(StartOfLocalDay(firstOfMonth, zone), StartOfLocalDay(firstOfMonth.AddMonths(1), zone));
    }

    /// <summary>Whether <paramref name="instant"/> is in the period: Start &lt;= instant &lt; End.</summary>
    public bool Contains(DateTimeOffset instant) => instant >= Start && instant < End;

    /// <summary>
    /// Whether the two periods share at least one instant. Periods that merely touch (one's end is the
    /// other's start) do not overlap, because the end is exclusive.
    /// </summary>
    public bool Overlaps(BillingPeriod other) => Start < other.End && other.Start < End;

    /// <summary>The calendar month after this one in UTC; see <see cref="Next(TimeZoneInfo)"/>.</summary>
    public BillingPeriod Next() => Next(TimeZoneInfo.Utc);

    /// <summary>
    /// The calendar month in <paramref name="zone"/> that follows this one; it starts at this period's end.
    /// </summary>
    /// <exception cref="InvalidOperationException">This period is not a calendar month in <paramref name="zone"/>,
    /// so "the next one" has no single meaning.</exception>
    public BillingPeriod Next(TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        if (MonthContaining(Start, zone) != this)
        {
            throw new InvalidOperationException(
                $"{this} is not a calendar month in time zone '{zone.Id}', so it has no next month.");
        }

        return MonthContaining(End, zone);
    }

    public bool Equals(BillingPeriod other) => _start == other._start && _end == other._end;

    public override bool Equals(object? obj) => obj is BillingPeriod other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(_start, _end);

    /// <summary>
    /// ISO 8601 "start/end" in UTC, for example "2026-03-01T00:00:00Z/2026-04-01T00:00:00Z";
    /// fractional seconds appear only when present.
    /// </summary>
    public override string ToString() =>
        string.Concat(
            _start.UtcDateTime.ToString(InstantFormat, CultureInfo.InvariantCulture),
            "/",
            _end.UtcDateTime.ToString(InstantFormat, CultureInfo.InvariantCulture));

    public static bool operator ==(BillingPeriod left, BillingPeriod right) => left.Equals(right);

    public static bool operator !=(BillingPeriod left, BillingPeriod right) => !left.Equals(right);

    private static void RequireUtc(DateTimeOffset instant, string parameterName)
    {
        if (instant.Offset != TimeSpan.Zero)
        {
            throw new ArgumentException(
                $"Billing period bounds must be UTC instants (offset zero), but {instant.ToString("O", CultureInfo.InvariantCulture)} has offset {instant.Offset.ToString("c", CultureInfo.InvariantCulture)}. Convert explicitly with ToUniversalTime().",
                parameterName);
        }
    }

    private static DateTimeOffset StartOfLocalDay(DateTime localMidnight, TimeZoneInfo zone)
    {
        var local = localMidnight;

        // Transitions happen on whole minutes in every zone in use, so stepping a minute at a time finds
        // the end of a gap; the loop runs at most the length of the gap.
        while (zone.IsInvalidTime(local))
        {
            local = local.AddMinutes(1);
        }

        // An ambiguous local time happens twice; the larger offset is the earlier instant.
        var offset = zone.IsAmbiguousTime(local) ? zone.GetAmbiguousTimeOffsets(local).Max() : zone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset).ToUniversalTime();
    }

    private void RequireValid()
    {
        if (_end <= _start)
        {
            throw new InvalidOperationException(
                "This BillingPeriod is default(BillingPeriod), which is not a valid period; create periods with the constructor, Month or MonthContaining.");
        }
    }
}
