using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Tradewind.Contracts.Catalog;
using Tradewind.Contracts.Events;
using Tradewind.Contracts.Localization;
using Tradewind.Localization.Engines;

namespace Tradewind.Localization.Jobs;

/// <summary>
/// Runs due translation jobs in the background. Several nodes may run it on one database: each job is claimed with a
/// lease (a conditional update), so one node translates it, and a crashed node's lease expires.
/// </summary>
internal sealed partial class TranslationWorker(IServiceScopeFactory scopes, IOptions<TranslationSettings> settings, TimeProvider clock, ILogger<TranslationWorker> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!settings.Value.WorkerEnabled)
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            var ran = 0;
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                ran = await scope.ServiceProvider.GetRequiredService<IListingTranslationCommands>().RunPendingJobsAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogRunFailed(logger, ex);
            }

            if (ran == 0)
            {
                try
                {
                    await Task.Delay(settings.Value.PollInterval, clock, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Running translation jobs failed")]
    private static partial void LogRunFailed(ILogger logger, Exception exception);
}

/// <summary>A published revision is queued for translation into every target language.</summary>
internal sealed class ProductPublishedTranslationConsumer(ListingTranslationService translations) : IIntegrationEventConsumer<ProductPublished>
{
    public Task ConsumeAsync(ProductPublished integrationEvent, CancellationToken cancellationToken) => translations.OnPublishedAsync(integrationEvent, cancellationToken);
}
