using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Tradewind.Analytics.Traffic.Capture;

/// <summary>
/// The one background writer of captured traffic: drains the queue every <see cref="CaptureOptions.FlushInterval"/>
/// (at most that much is lost if the process dies) and once more on shutdown.
/// </summary>
internal sealed partial class CaptureWriter(CaptureQueue queue, IOptions<CaptureOptions> options, TimeProvider clock, ILogger<CaptureWriter> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = options.Value.FlushInterval > TimeSpan.Zero ? options.Value.FlushInterval : TimeSpan.FromSeconds(1);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(interval, clock, stoppingToken);
                await queue.DrainAsync(stoppingToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
            catch (Exception exception)
            {
                LogFailed(logger, exception);
            }
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        try
        {
            await queue.DrainAsync(cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            LogFailed(logger, exception);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The listing traffic writer failed")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
