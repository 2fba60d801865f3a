namespace Tradewind.Contracts.Analytics;

/// <summary>
/// Rebuilds every analytics rollup (traffic, lifecycle, usage, revenue) for a range of UTC days from the event store and
/// the other modules' records. Idempotent: a rebuild replaces the range's rows. The background jobs refresh today and
/// yesterday on their own; the demo seed, the benchmark and the operator call this for history.
/// </summary>
public interface IAnalyticsRollups
{
    Task RebuildAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken);
}
