using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Tradewind.Catalog.Search;

namespace Tradewind.Catalog.Jobs;

/// <summary>
/// Builds this node's search index when the host starts and then applies the catalog's changes every
/// <see cref="CatalogSearchOptions.RefreshInterval"/>. A failed poll is logged and retried at the next one; the
/// index keeps answering from what it had.
/// </summary>
internal sealed partial class SearchIndexRefreshJob(CatalogSearch search, IOptions<CatalogSearchOptions> options, TimeProvider clock, ILogger<SearchIndexRefreshJob> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await search.RefreshAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogRefreshFailed(logger, ex);
            }

            try
            {
                await Task.Delay(options.Value.RefreshInterval, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Refreshing the catalog search index failed")]
    private static partial void LogRefreshFailed(ILogger logger, Exception exception);
}
