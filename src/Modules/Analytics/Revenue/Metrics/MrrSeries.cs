namespace Tradewind.Analytics.Revenue.Metrics;

/// <summary>
/// One customer's MRR (one stream, one currency) at the start of each month, from its first snapshot on; a month
/// without a point is MRR 0. Gives the customer's <see cref="CustomerMrrChange"/> over any period of whole months.
/// </summary>
internal sealed class MrrSeries
{
    private readonly SortedDictionary<DateOnly, long> _points = [];

    public void Add(DateOnly month, long amount)
    {
        if (amount != 0)
        {
            _points[month] = checked(_points.GetValueOrDefault(month) + amount);
        }
    }

    /// <summary>MRR at the start of <paramref name="month"/>.</summary>
    public long At(DateOnly month) => Math.Max(0, _points.GetValueOrDefault(month));

    /// <summary>The first month whose start shows MRR &gt; 0, if any.</summary>
    public DateOnly? FirstPaying => _points.Where(p => p.Value > 0).Select(p => (DateOnly?)p.Key).FirstOrDefault();

    /// <summary>The change from the start of <paramref name="t0"/> to the start of <paramref name="t1"/>.</summary>
    public CustomerMrrChange Change(DateOnly t0, DateOnly t1) => new(
        At(t0),
        At(t1),
        PaidBefore: _points.Any(p => p.Key < t0 && p.Value > 0),
        PaidInBetween: _points.Any(p => p.Key > t0 && p.Key < t1 && p.Value > 0));
}
