using Tradewind.Contracts.Analytics;

namespace Tradewind.Analytics.Rollups;

/// <inheritdoc />
/// <remarks>
/// Traffic and lifecycle rollups are rebuilt for the days, revenue snapshots for every month start the days touch. Each
/// part rebuilds in its own transaction, so a report may briefly read one part rebuilt and another not yet.
/// </remarks>
internal sealed class AnalyticsRollups(ITrafficRollups traffic, ILifecycleAnalytics lifecycle, IRevenueRollups revenue) : IAnalyticsRollups
{
    public async Task RebuildAsync(DateOnly firstDay, DateOnly lastDay, CancellationToken cancellationToken)
    {
        var range = new AnalyticsRange(firstDay, lastDay);
        await traffic.RebuildAsync(range, cancellationToken);
        await lifecycle.RebuildAsync(range, cancellationToken);
        await revenue.RebuildAsync(new DateOnly(firstDay.Year, firstDay.Month, 1), new DateOnly(lastDay.Year, lastDay.Month, 1), cancellationToken);
    }
}
