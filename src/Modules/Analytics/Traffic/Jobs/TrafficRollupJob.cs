using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Tradewind.Contracts.Analytics;

namespace Tradewind.Analytics.Traffic.Jobs;

/// <summary>
/// Every <see cref="TrafficOptions.RollupInterval"/>, rebuilds the traffic rollups of yesterday and today (UTC), so
/// late beacons and the day boundary are covered. A rebuild is idempotent, so running it on several nodes is harmless.
/// </summary>
internal sealed partial class TrafficRollupJob(
    IServiceScopeFactory scopes,
    IOptions<TrafficOptions> options,
    TimeProvider clock,
    ILogger<TrafficRollupJob> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = options.Value.RollupInterval;
        if (interval <= TimeSpan.Zero)
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(interval, clock, stoppingToken);
                await using var scope = scopes.CreateAsyncScope();
                await RunOnceAsync(scope.ServiceProvider.GetRequiredService<ITrafficRollups>(), clock.GetUtcNow(), stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            catch (Exception exception)
            {
                LogFailed(logger, exception);
            }
        }
    }

    /// <summary>One run: rebuild the day before <paramref name="now"/>'s UTC day and that day.</summary>
    public static Task RunOnceAsync(ITrafficRollups rollups, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        return rollups.RebuildAsync(new AnalyticsRange(today.AddDays(-1), today), cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Rebuilding the listing-traffic rollups failed")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
