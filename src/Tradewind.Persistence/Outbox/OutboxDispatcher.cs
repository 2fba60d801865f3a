using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Tradewind.Persistence.Outbox;

public sealed class OutboxOptions
{
    /// <summary>How long to wait between polls when nothing was pending.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Off in tests that drive <see cref="OutboxProcessor"/> themselves.</summary>
    public bool Enabled { get; set; } = true;
}

/// <summary>Runs <see cref="OutboxProcessor"/> in the background for the life of the host.</summary>
public sealed partial class OutboxDispatcher(OutboxProcessor processor, IOptions<OutboxOptions> options, TimeProvider clock, ILogger<OutboxDispatcher> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            var delivered = 0;
            try
            {
                delivered = await processor.DispatchPendingAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogPollFailed(logger, ex);
            }

            if (delivered == 0)
            {
                try
                {
                    await Task.Delay(options.Value.PollInterval, clock, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Polling the outbox failed")]
    private static partial void LogPollFailed(ILogger logger, Exception exception);
}
