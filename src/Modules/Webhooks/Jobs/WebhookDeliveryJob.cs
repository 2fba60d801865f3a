using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Tradewind.Webhooks.Deliveries;

namespace Tradewind.Webhooks.Jobs;

/// <summary>
/// Runs delivery passes for the life of the host: immediately again while there was work, after the poll interval
/// when there was none. Every node runs it; the leases keep them from sending the same attempt twice at once.
/// </summary>
internal sealed partial class WebhookDeliveryJob(
    WebhookDeliveryProcessor processor,
    IOptions<WebhookOptions> options,
    TimeProvider clock,
    ILogger<WebhookDeliveryJob> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Delivery.Enabled)
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            var attempted = 0;
            try
            {
                attempted = await processor.DispatchDueAsync(stoppingToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                LogPassFailed(logger, exception);
            }

            if (attempted == 0)
            {
                try
                {
                    await Task.Delay(options.Value.Delivery.PollInterval, clock, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "A webhook delivery pass failed")]
    private static partial void LogPassFailed(ILogger logger, Exception exception);
}
