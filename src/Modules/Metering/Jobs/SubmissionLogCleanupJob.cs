using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Tradewind.Metering.Submissions;
using Tradewind.Persistence;

namespace Tradewind.Metering.Jobs;

/// <summary>
/// Keeps the submission log small: entries older than <see cref="MeteringOptions.SubmissionLogRetention"/> go, and
/// each seller keeps at most <see cref="MeteringOptions.SubmissionLogMaxPerSeller"/>. Every node may run it; deleting
/// twice is harmless.
/// </summary>
internal sealed partial class SubmissionLogCleanupJob(
    IServiceScopeFactory scopes,
    IOptions<MeteringOptions> options,
    TimeProvider clock,
    ILogger<SubmissionLogCleanupJob> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = options.Value.SubmissionLogCleanupInterval;
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
                await TrimAsync(scope.ServiceProvider.GetRequiredService<TradewindDbContext>(), options.Value, clock.GetUtcNow(), stoppingToken);
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

    /// <summary>Deletes expired entries and each seller's entries beyond the limit; returns how many went.</summary>
    public static async Task<int> TrimAsync(TradewindDbContext db, MeteringOptions options, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var cutoff = now - options.SubmissionLogRetention;
        var deleted = await db.Set<SubmissionLog>().Where(s => s.ReceivedAt < cutoff).ExecuteDeleteAsync(cancellationToken);
        var crowded = await db.Set<SubmissionLog>()
            .GroupBy(s => s.SellerId)
            .Where(g => g.Count() > options.SubmissionLogMaxPerSeller)
            .Select(g => g.Key)
            .ToListAsync(cancellationToken);
        foreach (var sellerId in crowded)
        {
            // The newest kept entry's time; everything older than it goes.
            var oldestKept = await db.Set<SubmissionLog>()
                .Where(s => s.SellerId == sellerId)
                .OrderByDescending(s => s.ReceivedAt)
                .Skip(options.SubmissionLogMaxPerSeller - 1)
                .Select(s => s.ReceivedAt)
                .FirstAsync(cancellationToken);
            deleted += await db.Set<SubmissionLog>().Where(s => s.SellerId == sellerId && s.ReceivedAt < oldestKept).ExecuteDeleteAsync(cancellationToken);
        }

        return deleted;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Trimming the usage submission log failed")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
