using System.Collections.Concurrent;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Tradewind.Analytics.Events;

namespace Tradewind.Analytics.Traffic.Capture;

/// <summary>
/// Between the page and the event store: a bounded queue of captured views and clicks (a full queue drops and counts,
/// never waits) and a queue of beacon confirmations. <see cref="DrainAsync"/> writes everything queued, in batches:
/// confirmations of views still queued are applied before their insert, the rest by one set-based update after it.
/// One drain runs at a time (the writer's tick or a <see cref="FlushAsync"/>).
/// </summary>
internal sealed partial class CaptureQueue : IDisposable
{
    private readonly Channel<CapturedEvent> _events;
    private readonly ConcurrentQueue<(Guid ViewId, bool Webdriver)> _confirmations = new();
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly CaptureStore _store;
    private readonly VisitorSalts _salts;
    private readonly VisitorRateLimit _rateLimit;
    private readonly TimeProvider _clock;
    private readonly CaptureOptions _options;
    private readonly ILogger<CaptureQueue> _logger;

    public CaptureQueue(CaptureStore store, VisitorSalts salts, TimeProvider clock, IOptions<CaptureOptions> options, ILogger<CaptureQueue> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
        _events = Channel.CreateBounded<CapturedEvent>(new BoundedChannelOptions(Math.Max(1, _options.QueueCapacity))
        {
            FullMode = BoundedChannelFullMode.Wait,
            SingleReader = false,
            SingleWriter = false,
        });
        _store = store;
        _salts = salts;
        _clock = clock;
        _logger = logger;
        _rateLimit = new VisitorRateLimit(_options.RateLimitViews, _options.RateLimitWindow);
    }

    /// <summary>Queues the event; false (and counted as dropped) when the queue is full.</summary>
    public bool TryEnqueue(CapturedEvent captured)
    {
        if (_events.Writer.TryWrite(captured))
        {
            return true;
        }

        CaptureTelemetry.Dropped.Add(1);
        return false;
    }

    public void EnqueueConfirmation(Guid viewId, bool webdriver) => _confirmations.Enqueue((viewId, webdriver));

    public Task FlushAsync(CancellationToken cancellationToken) => DrainAsync(cancellationToken);

    /// <summary>Writes every queued event and confirmation; returns how many events were stored.</summary>
    public async Task<int> DrainAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var stored = 0;
            var batchSize = Math.Max(1, _options.BatchSize);
            while (true)
            {
                var batch = new List<CapturedEvent>(Math.Min(batchSize, 1024));
                while (batch.Count < batchSize && _events.Reader.TryRead(out var captured))
                {
                    batch.Add(captured);
                }

                // A full batch may leave views queued whose confirmation already arrived: confirm after the last batch.
                var last = batch.Count < batchSize;
                var human = new List<Guid>();
                var automated = new List<Guid>();
                if (last)
                {
                    var queued = batch.Where(e => e.Name == AnalyticsEventNames.ListingView).ToDictionary(e => e.Id);
                    while (_confirmations.TryDequeue(out var confirmation))
                    {
                        if (queued.TryGetValue(confirmation.ViewId, out var view))
                        {
                            Apply(view, confirmation.Webdriver);
                        }
                        else
                        {
                            (confirmation.Webdriver ? automated : human).Add(confirmation.ViewId);
                        }
                    }
                }

                stored += await WriteAsync(batch, cancellationToken);
                if (human.Count > 0 || automated.Count > 0)
                {
                    try
                    {
                        await _store.ConfirmAsync(human, automated, cancellationToken);
                    }
                    catch (Exception exception) when (exception is not OperationCanceledException)
                    {
                        LogConfirmFailed(_logger, human.Count + automated.Count, exception);
                    }
                }

                if (last)
                {
                    return stored;
                }
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    private static void Apply(CapturedEvent view, bool webdriver)
    {
        if (webdriver)
        {
            view.IsBot = true;
            view.BotReason = BotReasons.Webdriver;
        }
        else
        {
            view.Confirmed = true;
        }
    }

    private async Task<int> WriteAsync(List<CapturedEvent> batch, CancellationToken cancellationToken)
    {
        if (batch.Count == 0)
        {
            return 0;
        }

        try
        {
            await HashAsync(batch, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // Without a salt the views are still counted, only not as visitor-days.
            LogHashFailed(_logger, exception);
        }
        finally
        {
            foreach (var captured in batch)
            {
                captured.ForgetTraits();
            }
        }

        try
        {
            await _store.InsertAsync(batch, _clock.GetUtcNow(), cancellationToken);
            CaptureTelemetry.Stored.Add(batch.Count);
            CaptureTelemetry.BatchRows.Record(batch.Count);
            return batch.Count;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            CaptureTelemetry.Failed.Add(batch.Count);
            LogWriteFailed(_logger, batch.Count, exception);
            return 0;
        }
    }

    /// <summary>Visitor-day hashes and the per-visitor rate limit; the coarse IP and user agent are dropped afterwards.</summary>
    private async Task HashAsync(List<CapturedEvent> batch, CancellationToken cancellationToken)
    {
        foreach (var view in batch)
        {
            if (view.CoarseIp is null || view.SiteHost is null)
            {
                continue;
            }

            var day = DateOnly.FromDateTime(view.OccurredAt.UtcDateTime);
            if (await _salts.ForDayAsync(day, cancellationToken) is not { } salt)
            {
                continue;
            }

            view.VisitorDayHash = VisitorHash.Compute(salt, view.SiteHost, view.CoarseIp, view.UserAgent);
            string? previous = null;
            var sinceMidnight = view.OccurredAt - new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            if (sinceMidnight < _options.RateLimitWindow && await _salts.ForDayAsync(day.AddDays(-1), cancellationToken) is { } previousSalt)
            {
                previous = VisitorHash.Compute(previousSalt, view.SiteHost, view.CoarseIp, view.UserAgent);
            }

            if (_rateLimit.Exceeded(view.VisitorDayHash, previous, view.OccurredAt) && !view.IsBot)
            {
                view.IsBot = true;
                view.BotReason = BotReasons.RateLimit;
            }
        }
    }

    public void Dispose() => _gate.Dispose();

    [LoggerMessage(Level = LogLevel.Error, Message = "Writing {Count} captured listing events failed; they are lost")]
    private static partial void LogWriteFailed(ILogger logger, int count, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Applying {Count} beacon confirmations failed")]
    private static partial void LogConfirmFailed(ILogger logger, int count, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Computing visitor-day hashes failed; the batch is stored without them")]
    private static partial void LogHashFailed(ILogger logger, Exception exception);
}
