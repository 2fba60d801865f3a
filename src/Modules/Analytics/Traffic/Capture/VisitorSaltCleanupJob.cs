using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Tradewind.Persistence;

namespace Tradewind.Analytics.Traffic.Capture;

/// <summary>
/// Deletes visitor salts older than 48 hours (today's and yesterday's stay), so no hash can be recomputed from an IP
/// and user agent after that. Every node may run it; deleting twice is harmless. An interval of zero turns it off.
/// </summary>
internal sealed partial class VisitorSaltCleanupJob(
    IServiceScopeFactory scopes,
    VisitorSalts salts,
    IOptions<CaptureOptions> options,
    TimeProvider clock,
    ILogger<VisitorSaltCleanupJob> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = options.Value.SaltCleanupInterval;
        if (interval <= TimeSpan.Zero)
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await salts.DeleteExpiredAsync(scope.ServiceProvider.GetRequiredService<TradewindDbContext>(), clock.GetUtcNow(), stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            catch (Exception exception)
            {
                LogFailed(logger, exception);
            }

            try
            {
                await Task.Delay(interval, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Deleting expired visitor salts failed")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
