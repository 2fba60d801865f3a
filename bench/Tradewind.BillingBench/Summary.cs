using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Tradewind.BillingBench;

/// <summary>
/// Reads the result lines of a bench/billing/run.sh session and prints, per provider, the median raw aggregate, the median
/// billing run, the median of each run's ratio to its own aggregate, agreements per second and the highest peak RSS.
/// </summary>
internal static class Summary
{
    public static async Task<int> RunAsync(Options options, CancellationToken cancellationToken)
    {
        var lines = await File.ReadAllLinesAsync(options.Required("results"), cancellationToken);
        var runs = lines.Where(l => l.StartsWith('{')).Select(l => JsonDocument.Parse(l).RootElement)
            .Where(d => d.TryGetProperty("command", out var command) && command.GetString() == "run").ToList();
        var invariant = CultureInfo.InvariantCulture;
        var output = new StringBuilder();
        output.AppendLine(invariant, $"{"provider",-9} {"runs",4} {"aggregate s",12} {"billing run s",14} {"ratio",6} {"agreements/s",13} {"CPU s",6} {"peak RSS MB",12}  targets: ratio ≤ 3, run ≤ 30 s");
        var ok = true;
        foreach (var provider in runs.Select(r => r.GetProperty("provider").GetString()!).Distinct(StringComparer.Ordinal))
        {
            var mine = runs.Where(r => r.GetProperty("provider").GetString() == provider).ToList();
            var failed = mine.Where(r => !r.GetProperty("ok").GetBoolean()).ToList();
            ok &= failed.Count == 0;
            output.AppendLine(invariant,
                $"{provider,-9} {mine.Count,4} {Median(mine, "aggregateSeconds"),12:F2} {Median(mine, "billingSeconds"),14:F2} {Median(mine, "ratio"),6:F1} {Median(mine, "agreementsPerSecond"),13:N0} {Median(mine, "billingCpuSeconds"),6:F1} {mine.Max(r => r.GetProperty("peakRssMb").GetDouble()),12:F0}");
            foreach (var run in failed)
            {
                output.AppendLine(invariant, $"{provider,-9} run {run.GetProperty("run").GetInt32()} FAILED: {run.GetProperty("problem").GetString()}");
            }
        }

        Console.Write(output.ToString());
        return ok ? 0 : 1;
    }

    private static double Median(List<JsonElement> runs, string property)
    {
        var values = runs.Select(r => r.GetProperty(property).GetDouble()).Order().ToList();
        if (values.Count == 0)
        {
            return double.NaN;
        }

        return values.Count % 2 == 1 ? values[values.Count / 2] : (values[(values.Count / 2) - 1] + values[values.Count / 2]) / 2;
    }
}
