using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Tradewind.Bench;
using Tradewind.Contracts.Accounts;
using Tradewind.Contracts.Analytics;
using Tradewind.Web.Hosting;

namespace Tradewind.ReportsBench;

/// <summary>
/// The analytics-report benchmark (issue 12, "Performance"): a fresh database gets EVENTS listing events of one seller
/// (20 products, a year of days, the shapes capture stores) and that year's lifecycle events, written with one set-based
/// INSERT; every rollup is rebuilt for the year (timed); then each seller report is requested REQUESTS times over HTTP
/// for the last 30 days and for the whole year, and the p50 / p95 / max latencies are printed as JSON lines.
/// </summary>
internal static class Program
{
    private const string Usage = """
        usage: Tradewind.ReportsBench --provider sqlite|postgres --connection CS --data-dir DIR [--events 10000000] [--requests 200]
        Prints one JSON line per report and range on stdout; progress goes to stderr.
        """;

    public static async Task<int> Main(string[] args)
    {
        var options = Options.Parse(args);
        if (options.Flag("help"))
        {
            await Console.Error.WriteLineAsync(Usage);
            return 0;
        }

        var provider = options.Required("provider");
        var connection = options.Required("connection");
        var dataDirectory = Path.GetFullPath(options.Required("data-dir"));
        var events = options.Int("events", 10_000_000);
        var requests = options.Int("requests", 200);
        Directory.CreateDirectory(dataDirectory);

        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production", ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration.AddInMemoryCollection(QuietHost.Settings(provider, connection, dataDirectory));
        builder.AddTradewind();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        await using var app = builder.Build();
        app.UseTradewind();
        var ct = CancellationToken.None;
        await app.InitializeTradewindAsync(ct);

        var accounts = app.Services.GetRequiredService<IAccountsCommands>();
        var seller = await accounts.CreateOrganisationAsync(new NewOrganisation("Bench Seller", OrganisationKind.Seller, "US", "US-NY"), "bench", ct);
        var key = await accounts.IssueApiKeyAsync(seller.Id, "bench", "bench", ct);
        var today = DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime);
        var first = today.AddDays(-364);

        var started = Stopwatch.GetTimestamp();
        await EventLoader.LoadAsync(provider, connection, seller.Id.Value, first, events, ct);
        var loadSeconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        await Console.Error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"loaded {events:N0} listing events in {loadSeconds:F1} s"));

        started = Stopwatch.GetTimestamp();
        using (var scope = app.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<IAnalyticsRollups>().RebuildAsync(first, today, ct);
        }

        var rebuildSeconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $$"""{"provider":"{{provider}}","events":{{events}},"loadSeconds":{{loadSeconds:F1}},"rebuildSeconds":{{rebuildSeconds:F1}}}"""));

        await app.StartAsync(ct);
        var address = app.Urls.First();
        using var client = new HttpClient { BaseAddress = new Uri(address) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key.Secret);
        var ranges = new[] { ("30d", today.AddDays(-29), today), ("365d", first, today) };

        // Baseline: the traffic report's headline figures (views, confirmed views, visitor-days) computed straight from
        // the raw events, as a report without rollups would have to.
        foreach (var (label, from, to) in ranges)
        {
            var timings = await RawBaseline.TimeAsync(provider, connection, seller.Id.Value, from, to, Math.Max(5, requests / 10), ct);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $$"""{"provider":"{{provider}}","report":"baseline: raw events, traffic totals","range":"{{label}}","requests":{{timings.Count}},"p50Ms":{{Percentile(timings, 0.50):F1}},"p95Ms":{{Percentile(timings, 0.95):F1}},"maxMs":{{timings.Max():F1}}}"""));
        }

        foreach (var report in Reports)
        {
            foreach (var (label, from, to) in ranges)
            {
                var url = report.Replace("{from}", from.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), StringComparison.Ordinal)
                    .Replace("{to}", to.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), StringComparison.Ordinal)
                    .Replace("{fromMonth}", from.ToString("yyyy-MM", CultureInfo.InvariantCulture), StringComparison.Ordinal)
                    .Replace("{toMonth}", to.ToString("yyyy-MM", CultureInfo.InvariantCulture), StringComparison.Ordinal);
                var timings = await TimeAsync(client, url, requests, ct);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $$"""{"provider":"{{provider}}","report":"{{Label(report)}}","range":"{{label}}","requests":{{timings.Count}},"p50Ms":{{Percentile(timings, 0.50):F1}},"p95Ms":{{Percentile(timings, 0.95):F1}},"maxMs":{{timings.Max():F1}}}"""));
            }
        }

        await app.StopAsync(ct);
        return 0;
    }

    /// <summary>The seller reports, each with the range placeholders it takes.</summary>
    private static readonly string[] Reports =
    [
        "/api/v1/analytics/traffic?from={from}&to={to}",
        "/api/v1/analytics/traffic?from={from}&to={to}&breakdown=source",
        "/api/v1/analytics/traffic?from={from}&to={to}&breakdown=country",
        "/api/v1/analytics/languages?from={from}&to={to}",
        "/api/v1/analytics/funnel?from={from}&to={to}",
        "/api/v1/analytics/trials?from={from}&to={to}",
        "/api/v1/analytics/usage?from={from}&to={to}",
        "/api/v1/analytics/retention?from={from}&to={to}",
        "/api/v1/analytics/private-offers?from={from}&to={to}",
        "/api/v1/analytics/revenue?from={fromMonth}&to={toMonth}",
        "/api/v1/analytics/upgrade-candidates",
    ];

    /// <summary>The report's path, with the breakdown when it asks for one.</summary>
    private static string Label(string report)
    {
        var path = report.Split('?')[0];
        var breakdown = report.Split('&').FirstOrDefault(p => p.StartsWith("breakdown=", StringComparison.Ordinal));
        return breakdown is null ? path : $"{path} ({breakdown})";
    }

    private static async Task<List<double>> TimeAsync(HttpClient client, string url, int requests, CancellationToken ct)
    {
        for (var i = 0; i < 5; i++)
        {
            using var warm = await client.GetAsync(url, ct);
            if (!warm.IsSuccessStatusCode)
            {
                throw new InvalidOperationException($"{url} answered {(int)warm.StatusCode}: {await warm.Content.ReadAsStringAsync(ct)}");
            }
        }

        var timings = new List<double>(requests);
        for (var i = 0; i < requests; i++)
        {
            var started = Stopwatch.GetTimestamp();
            using var response = await client.GetAsync(url, ct);
            _ = await response.Content.ReadAsByteArrayAsync(ct);
            timings.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            response.EnsureSuccessStatusCode();
        }

        return timings;
    }

    private static double Percentile(List<double> values, double p)
    {
        var sorted = values.Order().ToList();
        var index = (int)Math.Ceiling(p * sorted.Count) - 1;
        return sorted[Math.Clamp(index, 0, sorted.Count - 1)];
    }
}

/// <summary><c>--name value</c> pairs and <c>--flag</c>s.</summary>
internal sealed class Options
{
    private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);

    public static Options Parse(string[] args)
    {
        var options = new Options();
        for (var i = 0; i < args.Length; i++)
        {
            var name = args[i].TrimStart('-');
            options._values[name] = i + 1 < args.Length && !args[i + 1].StartsWith("--", StringComparison.Ordinal) ? args[++i] : "true";
        }

        return options;
    }

    public bool Flag(string name) => _values.ContainsKey(name);

    public string Required(string name) => _values.TryGetValue(name, out var v) ? v : throw new ArgumentException($"--{name} is required.");

    public int Int(string name, int fallback) => _values.TryGetValue(name, out var v) ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;
}
