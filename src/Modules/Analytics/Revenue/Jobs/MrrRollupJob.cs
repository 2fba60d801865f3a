using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Tradewind.Contracts.Analytics;

namespace Tradewind.Analytics.Revenue.Jobs;

/// <summary>
/// Rebuilds the MRR rollups of the previous and the current month every <see cref="RevenueOptions.RollupInterval"/>
/// (the current month's closing snapshot is measured at each run), the first one interval after start-up. A rebuild deletes and recomputes its months in one
/// transaction, so two nodes running it at once leave the same rows. Tests set the interval to 0 and call
/// <see cref="IRevenueRollups.RebuildAsync"/> themselves.
/// </summary>
internal sealed partial class MrrRollupJob(IServiceScopeFactory scopes, IOptions<RevenueOptions> options, TimeProvider clock, ILogger<MrrRollupJob> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = options.Value.RollupInterval;
        if (interval <= TimeSpan.Zero)
        {
            return;
        }

        using var timer = new PeriodicTimer(interval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
                var month = new DateOnly(today.Year, today.Month, 1);
                var result = await scope.ServiceProvider.GetRequiredService<IRevenueRollups>().RebuildAsync(month.AddMonths(-1), month, stoppingToken);
                LogRebuilt(logger, result.Snapshots, result.Movements);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                LogFailed(logger, exception);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "MRR rollups rebuilt: {Snapshots} snapshots, {Movements} movements")]
    private static partial void LogRebuilt(ILogger logger, int snapshots, int movements);

    [LoggerMessage(Level = LogLevel.Error, Message = "MRR rollup rebuild failed")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
