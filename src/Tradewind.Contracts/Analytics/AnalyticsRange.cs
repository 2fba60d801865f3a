using Tradewind.Primitives.Ids;

namespace Tradewind.Contracts.Analytics;

/// <summary>
/// The days a report covers, <see cref="From"/> to <see cref="To"/> inclusive, in UTC (the label every report prints).
/// At most <see cref="MaxDays"/> days, so a trailing-12-month view with its comparison year fits.
/// </summary>
public sealed record AnalyticsRange
{
    public const int MaxDays = 800;

    public AnalyticsRange(DateOnly from, DateOnly to)
    {
        if (to < from)
        {
            throw new ValidationFailedException("to", "The end of the range must not be before its start.");
        }

        if (to.DayNumber - from.DayNumber + 1 > MaxDays)
        {
            throw new ValidationFailedException("from", $"A report covers at most {MaxDays} days.");
        }

        From = from;
        To = to;
    }

    public DateOnly From { get; }

    public DateOnly To { get; }

    public int Days => To.DayNumber - From.DayNumber + 1;

    public DateTimeOffset Start => new(From.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    /// <summary>The instant after the last day (half-open end).</summary>
    public DateTimeOffset End => new(To.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    /// <summary>The range given, or the <paramref name="defaultDays"/> days ending <paramref name="today"/>.</summary>
    public static AnalyticsRange Resolve(DateOnly? from, DateOnly? to, DateOnly today, int defaultDays = 30)
    {
        var end = to ?? today;
        return new AnalyticsRange(from ?? end.AddDays(1 - defaultDays), end);
    }
}

/// <summary>
/// Whose data a report reads: one seller's (optionally one product of it), or every seller's for the operator
/// (<see cref="SellerId"/> null). The web layer builds it from the caller, never from the query string alone.
/// <see cref="ReadByOperator"/>: the operator is reading, so no small bucket is suppressed for privacy.
/// </summary>
public sealed record AnalyticsScope(OrganisationId? SellerId, ProductId? ProductId = null, bool ReadByOperator = false)
{
    public static AnalyticsScope Marketplace { get; } = new(null, null, ReadByOperator: true);

    public bool IsMarketplace => SellerId is null;
}

/// <summary>How a metric is computed, printed next to it on every report (spec: plg-and-localization §1.2).</summary>
public sealed record MetricDefinition(string Code, string Name, string Formula);
