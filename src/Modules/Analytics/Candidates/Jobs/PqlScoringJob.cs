using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Tradewind.Analytics.Candidates.Jobs;

/// <summary>
/// Scores yesterday (UTC) every <see cref="CandidatesOptions.JobInterval"/>; each run replaces that day's scores, so
/// repeating it, or running it on several nodes, is harmless. Off when <see cref="CandidatesOptions.JobEnabled"/> is false.
/// </summary>
internal sealed partial class PqlScoringJob(
    IServiceScopeFactory scopes,
    IOptions<CandidatesOptions> options,
    TimeProvider clock,
    ILogger<PqlScoringJob> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = options.Value.JobInterval;
        if (!options.Value.JobEnabled || interval <= TimeSpan.Zero)
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(interval, clock, stoppingToken);
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

    /// <summary>Scores yesterday; returns how many accounts were scored.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var yesterday = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime).AddDays(-1);
        return await scope.ServiceProvider.GetRequiredService<CandidateEvaluator>().EvaluateDayAsync(yesterday, cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Scoring upgrade candidates failed")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
