using System.Collections.Concurrent;
using System.Threading.Channels;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Tradewind.Contracts.Agreements;
using Tradewind.Primitives.Ids;

namespace Tradewind.Metering.Usage;

/// <summary>
/// Tells Agreements about an agreement's first stored usage, off the ingest path: the writer notices agreements whose
/// first usage was unknown when their customer was looked up, and this service calls
/// <see cref="IAgreementsCommands.RecordFirstUsageAsync"/> once per agreement per process (the command is idempotent and
/// keeps the earliest instant, so another node doing the same is harmless).
/// </summary>
internal sealed partial class FirstUsageRecorder(IServiceScopeFactory scopes, ILogger<FirstUsageRecorder> logger) : BackgroundService
{
    private readonly Channel<(AgreementId Agreement, DateTimeOffset At)> _queue = Channel.CreateUnbounded<(AgreementId, DateTimeOffset)>();
    private readonly ConcurrentDictionary<AgreementId, bool> _noticed = new();

    public void Notice(AgreementId agreement, DateTimeOffset at)
    {
        if (_noticed.TryAdd(agreement, true))
        {
            _queue.Writer.TryWrite((agreement, at));
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var (agreement, at) in _queue.Reader.ReadAllAsync(stoppingToken))
            {
                try
                {
                    await using var scope = scopes.CreateAsyncScope();
                    await scope.ServiceProvider.GetRequiredService<IAgreementsCommands>().RecordFirstUsageAsync(agreement, at, stoppingToken);
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    // Forget it so a later record tries again.
                    _noticed.TryRemove(agreement, out _);
                    LogFailed(logger, exception, agreement.Value);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Shutting down.
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Recording the first usage of agreement {AgreementId} failed")]
    private static partial void LogFailed(ILogger logger, Exception exception, Guid agreementId);
}
