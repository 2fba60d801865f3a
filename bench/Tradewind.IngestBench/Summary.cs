using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Tradewind.IngestBench;

/// <summary>
/// Reads the result lines of a bench/ingest/run.sh session and prints, per provider, the median of the runs for the
/// baseline, REST and BatchMeterUsage, REST as a share of the baseline (the median of each run's ratio to the baseline
/// measured in that run), the highest server RSS sampled, and the verification.
/// </summary>
internal static class Summary
{
    public static async Task<int> RunAsync(Options options, CancellationToken cancellationToken)
    {
        var lines = await File.ReadAllLinesAsync(options.Required("results"), cancellationToken);
        var documents = lines.Where(l => l.StartsWith("{\"command\"", StringComparison.Ordinal)).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        var output = new StringBuilder();
        var invariant = CultureInfo.InvariantCulture;
        output.AppendLine(invariant, $"{"provider",-9} {"what",-34} {"runs",4} {"median rec/s",13} {"p50 ms",8} {"p99 ms",8} {"of baseline",11} {"peak RSS MB",11}");
        var ok = true;
        foreach (var provider in documents.Select(d => d.GetProperty("provider").GetString()!).Distinct(StringComparer.Ordinal))
        {
            var mine = documents.Where(d => d.GetProperty("provider").GetString() == provider).ToList();
            var baselines = mine.Where(d => Is(d, "baseline")).ToList();
            var rests = mine.Where(d => Is(d, "rest")).ToList();
            var batches = mine.Where(d => Is(d, "batchmeter")).ToList();

            foreach (var shape in baselines.SelectMany(b => b.GetProperty("results").EnumerateArray())
                         .Select(r => (Mode: r.GetProperty("mode").GetString()!, Loops: r.GetProperty("loops").GetInt32())).Distinct())
            {
                var rates = baselines.SelectMany(b => b.GetProperty("results").EnumerateArray())
                    .Where(r => r.GetProperty("mode").GetString() == shape.Mode && r.GetProperty("loops").GetInt32() == shape.Loops)
                    .Select(r => r.GetProperty("recordsPerSecond").GetDouble()).ToList();
                output.AppendLine(invariant, $"{provider,-9} {$"baseline ADO.NET {shape.Mode} ×{shape.Loops}",-34} {rates.Count,4} {Median(rates),13:N0}");
            }

            var best = baselines.Select(b => b.GetProperty("best").GetProperty("recordsPerSecond").GetDouble()).ToList();
            output.AppendLine(invariant, $"{provider,-9} {"baseline (best shape of each run)",-34} {best.Count,4} {Median(best),13:N0}");

            var restRates = rests.Select(Rate).ToList();
            var ratios = rests.Select((r, i) => i < best.Count && best[i] > 0 ? Rate(r) / best[i] : double.NaN).Where(r => !double.IsNaN(r)).ToList();
            output.AppendLine(invariant,
                $"{provider,-9} {"REST POST /api/v1/usage, 1,000/req",-34} {rests.Count,4} {Median(restRates),13:N0} {Median(rests.Select(P50).ToList()),8:F1} {Median(rests.Select(P99).ToList()),8:F1} {Median(ratios),10:P0} {Peak(rests),11:F0}");
            output.AppendLine(invariant,
                $"{provider,-9} {"BatchMeterUsage, 25/signed req",-34} {batches.Count,4} {Median(batches.Select(Rate).ToList()),13:N0} {Median(batches.Select(P50).ToList()),8:F1} {Median(batches.Select(P99).ToList()),8:F1} {"",11} {Peak(batches),11:F0}");
            var errors = rests.Concat(batches).Sum(d => d.GetProperty("result").GetProperty("errors").GetInt64());
            var refused = rests.Concat(batches).Sum(d => d.GetProperty("result").GetProperty("duplicates").GetInt64() + d.GetProperty("result").GetProperty("rejected").GetInt64());
            var hwm = rests.Concat(batches).Select(d => d.TryGetProperty("highWaterMb", out var h) && h.ValueKind == JsonValueKind.Number ? h.GetDouble() : 0).DefaultIfEmpty(0).Max();
            output.AppendLine(invariant, $"{provider,-9} server VmHWM {hwm:F0} MB; {errors} failed requests; {refused} records not accepted (duplicate or rejected)");
            foreach (var verify in mine.Where(d => Is(d, "verify")))
            {
                var verified = verify.GetProperty("ok").GetBoolean();
                ok &= verified;
                output.AppendLine(invariant,
                    $"{provider,-9} verify: {verify.GetProperty("stored").GetInt64():N0} rows stored, {verify.GetProperty("acknowledged").GetInt64():N0} acknowledged: {(verified ? "ok" : "ACKNOWLEDGED RECORDS MISSING")}");
            }
        }

        Console.Write(output.ToString());
        return ok ? 0 : 1;
    }

    private static bool Is(JsonElement document, string command) => document.GetProperty("command").GetString() == command;

    private static double Rate(JsonElement run) => run.GetProperty("result").GetProperty("recordsPerSecond").GetDouble();

    private static double P50(JsonElement run) => run.GetProperty("result").GetProperty("p50Ms").GetDouble();

    private static double P99(JsonElement run) => run.GetProperty("result").GetProperty("p99Ms").GetDouble();

    private static double Peak(IEnumerable<JsonElement> runs) =>
        runs.Select(r => r.TryGetProperty("peakRssMb", out var p) && p.ValueKind == JsonValueKind.Number ? p.GetDouble() : 0).DefaultIfEmpty(0).Max();

    private static double Median(List<double> values)
    {
        if (values.Count == 0)
        {
            return double.NaN;
        }

        // A sorted copy: callers pair the lists by run afterwards (REST's share of the same run's baseline).
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
