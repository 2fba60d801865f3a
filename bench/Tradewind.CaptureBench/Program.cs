using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Tradewind.Bench;
using Tradewind.Contracts.Analytics;
using Tradewind.Primitives.Ids;
using Tradewind.Web.Hosting;

namespace Tradewind.CaptureBench;

/// <summary>
/// The listing-view capture benchmark (issue 12, "Performance": capture ≥ 20,000 events/s). Tradewind is hosted
/// in-process on a fresh database; PRODUCERS tasks call <see cref="IListingTrafficCapture.CaptureView"/> for SECONDS, as
/// fast as they can or paced to RATE views per second in total, with varied visits (20 products, 5,000 visitors, real browser user agents and a few crawlers, UTM
/// tags and referrers), then the writer is flushed. Printed as one JSON line: views captured per second by the page
/// side, views stored per second by the writer (the durable rate, until the last view is stored), the seconds the
/// writer still needed after the producers stopped, views dropped because the queue was full, and the page-side cost
/// of one call (p50 / p99 in µs, every 64th call).
/// </summary>
internal static class Program
{
    private static readonly string[] Agents =
    [
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36",
        "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_6) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15",
        "Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0",
        "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1",
        "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
    ];

    private static readonly Dictionary<string, string?>[] Queries =
    [
        new() { ["utm_source"] = "newsletter", ["utm_medium"] = "email", ["utm_campaign"] = "spring" },
        new() { ["utm_source"] = "linkedin", ["utm_medium"] = "social" },
        new(),
        new() { ["ref"] = "partner-blog" },
    ];

    private static readonly string?[] Referrers = ["https://www.google.com/", null, "https://news.ycombinator.com/item?id=1", "https://tradewind.test/search?q=crm"];

    public static async Task<int> Main(string[] args)
    {
        var options = Options.Parse(args);
        var provider = options.Required("provider");
        var connection = options.Required("connection");
        var dataDirectory = Path.GetFullPath(options.Required("data-dir"));
        var seconds = options.Int("seconds", 20);
        var producers = options.Int("producers", Environment.ProcessorCount);
        var rate = options.Int("rate", 0);
        Directory.CreateDirectory(dataDirectory);

        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production", ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration.AddInMemoryCollection(QuietHost.Settings(provider, connection, dataDirectory));
        builder.AddTradewind();
        builder.Logging.ClearProviders();
        await using var app = builder.Build();
        await app.InitializeTradewindAsync(CancellationToken.None);
        await app.StartAsync();

        long stored = 0, dropped = 0;
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == "Tradewind" && instrument.Name.StartsWith("tradewind.analytics.capture.", StringComparison.Ordinal))
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, _, _) =>
        {
            if (instrument.Name == "tradewind.analytics.capture.stored")
            {
                Interlocked.Add(ref stored, value);
            }
            else if (instrument.Name == "tradewind.analytics.capture.dropped")
            {
                Interlocked.Add(ref dropped, value);
            }
        });
        listener.Start();

        var capture = app.Services.GetRequiredService<IListingTrafficCapture>();
        var seller = OrganisationId.From(Guid.CreateVersion7());
        var products = Enumerable.Range(0, 20).Select(_ => ProductId.From(Guid.CreateVersion7())).ToArray();
        var visits = Enumerable.Range(0, 5_000).Select(i => new ListingVisit(products[i % products.Length], seller, i % 3 == 0 ? "de" : "en", i % 3 == 0 ? "machine" : "original", "tradewind.test")
        {
            Query = Queries[i % Queries.Length],
            Referrer = Referrers[i % Referrers.Length],
            UserAgent = Agents[i % Agents.Length],
            AcceptLanguage = "en-GB,en;q=0.9,de;q=0.8",
            RemoteIp = new IPAddress([(byte)(11 + (i % 200)), (byte)(i / 200), (byte)(i % 251), 7]),
        }).ToArray();

        // Warm-up: JIT and the writer's prepared statements.
        for (var i = 0; i < 10_000; i++)
        {
            capture.CaptureView(visits[i % visits.Length]);
        }

        await capture.FlushAsync(CancellationToken.None);
        Interlocked.Exchange(ref stored, 0);
        Interlocked.Exchange(ref dropped, 0);

        var costs = new ConcurrentBag<long[]>();
        var deadline = Stopwatch.GetTimestamp() + (long)(seconds * Stopwatch.Frequency);
        var started = Stopwatch.GetTimestamp();
        var produced = await Task.WhenAll(Enumerable.Range(0, producers).Select(p => Task.Run(() =>
        {
            long count = 0;
            var sample = new List<long>(100_000);
            while (Stopwatch.GetTimestamp() < deadline)
            {
                var before = Stopwatch.GetTimestamp();
                capture.CaptureView(visits[(int)((count * producers + p) % visits.Length)]);
                if (count % 64 == 0 && sample.Count < 100_000)
                {
                    sample.Add(Stopwatch.GetTimestamp() - before);
                }

                count++;
                if (rate > 0 && count % 256 == 0)
                {
                    // Paced: hold this producer's share of RATE views per second.
                    while ((double)count * producers / rate > Stopwatch.GetElapsedTime(started).TotalSeconds && Stopwatch.GetTimestamp() < deadline)
                    {
                        Thread.Sleep(1);
                    }
                }
            }

            costs.Add([.. sample]);
            return count;
        })));
        var produceSeconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        await capture.FlushAsync(CancellationToken.None);
        var storeSeconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        await app.StopAsync();

        var total = produced.Sum();
        var micros = costs.SelectMany(c => c).Select(t => t * 1_000_000.0 / Stopwatch.Frequency).Order().ToArray();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $$"""{"provider":"{{provider}}","seconds":{{seconds}},"producers":{{producers}},"rate":"{{(rate > 0 ? rate.ToString(CultureInfo.InvariantCulture) : "max")}}","captured":{{total}},"capturedPerSecond":{{total / produceSeconds:F0}},"stored":{{stored}},"storedPerSecond":{{stored / storeSeconds:F0}},"drainSeconds":{{storeSeconds - produceSeconds:F2}},"dropped":{{dropped}},"callP50Us":{{micros[micros.Length / 2]:F1}},"callP99Us":{{micros[(int)(micros.Length * 0.99)]:F1}}}"""));
        return 0;
    }
}

/// <summary><c>--name value</c> pairs.</summary>
internal sealed class Options
{
    private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);

    public static Options Parse(string[] args)
    {
        var options = new Options();
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            options._values[args[i].TrimStart('-')] = args[i + 1];
        }

        return options;
    }

    public string Required(string name) => _values.TryGetValue(name, out var v) ? v : throw new ArgumentException($"--{name} is required.");

    public int Int(string name, int fallback) => _values.TryGetValue(name, out var v) ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;
}
