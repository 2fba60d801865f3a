using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Tradewind.Contracts.Analytics;

namespace Tradewind.Analytics.Lifecycle;

/// <summary>
/// Every <see cref="LifecycleAnalyticsOptions.RollupInterval"/>: reports the usage of the UTC days since the last report
/// (yesterday, and on start the missed days up to <see cref="LifecycleAnalyticsOptions.UsageCatchUpDays"/> back), then
/// rebuilds today's and yesterday's lifecycle rollups (the
/// first pass after a start: the last 120 days). Every node may run it: both steps are idempotent.
/// </summary>
internal sealed partial class LifecycleAnalyticsJob(
    IServiceScopeFactory scopes,
    IOptions<LifecycleAnalyticsOptions> options,
    TimeProvider clock,
    ILogger<LifecycleAnalyticsJob> logger) : BackgroundService
{
    private const int FirstRebuildDays = 120;

    private DateOnly? _usageReportedThrough;
    private bool _rebuiltOnce;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (!settings.JobEnabled || settings.RollupInterval <= TimeSpan.Zero)
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(settings.RollupInterval, clock, stoppingToken);
                await RunOnceAsync(stoppingToken);
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

    /// <summary>One pass of the job.</summary>
    public async Task RunOnceAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var lifecycle = scope.ServiceProvider.GetRequiredService<ILifecycleAnalytics>();
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var yesterday = today.AddDays(-1);
        var first = _usageReportedThrough?.AddDays(1) ?? yesterday.AddDays(1 - Math.Max(1, options.Value.UsageCatchUpDays));
        for (var day = first; day <= yesterday; day = day.AddDays(1))
        {
            await lifecycle.ReportUsageAsync(day, cancellationToken);
            _usageReportedThrough = day;
        }

        // The first pass after a start rebuilds the last quarter (events delivered while no node ran, a fresh demo seed).
        var from = _rebuiltOnce ? yesterday : today.AddDays(1 - FirstRebuildDays);
        await lifecycle.RebuildAsync(new AnalyticsRange(from, today), cancellationToken);
        _rebuiltOnce = true;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refreshing the lifecycle analytics failed")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
