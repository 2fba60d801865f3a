using System.Diagnostics;
using System.Net;
using System.Text.Json;

namespace Tradewind.IngestBench;

/// <summary>What one request did: records the server acknowledged as stored, and the rest.</summary>
internal readonly record struct RequestOutcome(int Acknowledged, int Duplicates, int Rejected, bool Error);

/// <summary>
/// Runs N concurrent clients against the server for a warm-up and then a measured duration. Each request takes a block of
/// fresh keys from one shared counter, so no two requests (of this run, of another client, or of an earlier run: the
/// counter starts where the last run stopped) ever carry the same natural key. Only requests started in the measured
/// window count toward the rate; every acknowledged record counts toward what <c>verify</c> expects to find.
/// </summary>
internal sealed class LoadRun(int clients, int recordsPerRequest, TimeSpan warmup, TimeSpan duration, long firstKey, long keyLimit)
{
    private long _nextKey = firstKey;
    private long _acknowledgedTotal;
    private long _measuredAcknowledged;
    private long _measuredDuplicates;
    private long _measuredRejected;
    private long _measuredErrors;
    private long _measuredRequests;
    private long _lastCompletion;
    private int _exhausted;
    private int _reportedProblems;

    public long NextKey => Interlocked.Read(ref _nextKey);

    public long AcknowledgedTotal => Interlocked.Read(ref _acknowledgedTotal);

    public static HttpClient Client(string url, int clients) => new(new SocketsHttpHandler
    {
        MaxConnectionsPerServer = clients,
        PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
        PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
        UseCookies = false,
        UseProxy = false,
        AutomaticDecompression = DecompressionMethods.None,
    })
    {
        BaseAddress = new Uri(url),
        Timeout = TimeSpan.FromMinutes(2),
        DefaultRequestVersion = HttpVersion.Version11,
        DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact,
    };

    /// <summary>Runs the clients; <paramref name="send"/> sends one request for keys [start, start + recordsPerRequest).</summary>
    public async Task<LoadResult> RunAsync(Func<int, long, CancellationToken, Task<RequestOutcome>> send, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var measureFrom = started + (long)(warmup.TotalSeconds * Stopwatch.Frequency);
        var stopAt = measureFrom + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var latencies = new List<double>[clients];
        var tasks = new Task[clients];
        for (var c = 0; c < clients; c++)
        {
            var client = c;
            latencies[client] = new List<double>(4096);
            tasks[client] = Task.Run(
                async () =>
                {
                    while (!cancellationToken.IsCancellationRequested)
                    {
                        var begin = Stopwatch.GetTimestamp();
                        if (begin >= stopAt)
                        {
                            return;
                        }

                        var start = Interlocked.Add(ref _nextKey, recordsPerRequest) - recordsPerRequest;
                        if (start + recordsPerRequest > keyLimit)
                        {
                            Interlocked.Exchange(ref _exhausted, 1);
                            return;
                        }

                        RequestOutcome outcome;
                        try
                        {
                            outcome = await send(client, start, cancellationToken);
                        }
                        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException or JsonException)
                        {
                            Problem($"request failed: {e.GetType().Name}: {e.Message}");
                            outcome = new RequestOutcome(0, 0, 0, Error: true);
                        }

                        var end = Stopwatch.GetTimestamp();
                        Interlocked.Add(ref _acknowledgedTotal, outcome.Acknowledged);
                        if (begin >= measureFrom)
                        {
                            latencies[client].Add((end - begin) * 1000.0 / Stopwatch.Frequency);
                            Interlocked.Increment(ref _measuredRequests);
                            Interlocked.Add(ref _measuredAcknowledged, outcome.Acknowledged);
                            Interlocked.Add(ref _measuredDuplicates, outcome.Duplicates);
                            Interlocked.Add(ref _measuredRejected, outcome.Rejected);
                            Interlocked.Add(ref _measuredErrors, outcome.Error ? 1 : 0);
                            InterlockedMax(ref _lastCompletion, end);
                        }
                    }
                },
                cancellationToken);
        }

        await Task.WhenAll(tasks);
        var measuredSeconds = Math.Max(0, (Interlocked.Read(ref _lastCompletion) - measureFrom) / (double)Stopwatch.Frequency);
        var all = latencies.SelectMany(l => l).Order().ToList();
        return new LoadResult(
            Records: _measuredAcknowledged,
            Seconds: measuredSeconds,
            RecordsPerSecond: measuredSeconds > 0 ? _measuredAcknowledged / measuredSeconds : 0,
            Requests: _measuredRequests,
            P50Ms: Report.Percentile(all, 0.50),
            P99Ms: Report.Percentile(all, 0.99),
            Errors: _measuredErrors,
            Duplicates: _measuredDuplicates,
            Rejected: _measuredRejected,
            AcknowledgedIncludingWarmup: _acknowledgedTotal,
            KeysExhausted: _exhausted == 1);
    }

    /// <summary>Prints the first few problems (an error response, a rejected record) so a broken run explains itself.</summary>
    public void Problem(string message)
    {
        if (Interlocked.Increment(ref _reportedProblems) <= 5)
        {
            Console.Error.WriteLine(message.Length > 600 ? message[..600] + "…" : message);
        }
    }

    private static void InterlockedMax(ref long target, long value)
    {
        var current = Interlocked.Read(ref target);
        while (value > current)
        {
            var seen = Interlocked.CompareExchange(ref target, value, current);
            if (seen == current)
            {
                return;
            }

            current = seen;
        }
    }
}

internal sealed record LoadResult(
    long Records,
    double Seconds,
    double RecordsPerSecond,
    long Requests,
    double P50Ms,
    double P99Ms,
    long Errors,
    long Duplicates,
    long Rejected,
    long AcknowledgedIncludingWarmup,
    bool KeysExhausted);
