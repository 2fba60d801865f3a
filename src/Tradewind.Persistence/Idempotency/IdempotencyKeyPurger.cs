using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Tradewind.Persistence.Idempotency;

/// <summary>
/// Forgets idempotency keys after their retention (24 hours, the window clients are told to retry within).
/// Safe on several nodes: deleting the same old rows twice deletes nothing the second time.
/// </summary>
public sealed partial class IdempotencyKeyPurger(IServiceScopeFactory scopes, TimeProvider clock, ILogger<IdempotencyKeyPurger> logger) : BackgroundService
{
    public static readonly TimeSpan Retention = TimeSpan.FromHours(24);
    private static readonly TimeSpan Interval = TimeSpan.FromHours(1);

    /// <summary>Deletes keys older than <see cref="Retention"/>; returns how many.</summary>
    public async Task<int> PurgeAsync(CancellationToken cancellationToken)
    {
        using var scope = scopes.CreateScope();
        var cutoff = clock.GetUtcNow() - Retention;
        return await scope.ServiceProvider.GetRequiredService<TradewindDbContext>().IdempotencyRecords
            .Where(r => r.CreatedAt < cutoff)
            .ExecuteDeleteAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(Interval, clock, stoppingToken);
                await PurgeAsync(stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            catch (Exception ex)
            {
                LogPurgeFailed(logger, ex);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Purging expired idempotency keys failed")]
    private static partial void LogPurgeFailed(ILogger logger, Exception exception);
}
