using System.Globalization;

namespace Tradewind.IngestBench;

/// <summary>
/// The usage-ingest benchmark: prepares a database through the modules' own commands, measures a raw ADO.NET baseline,
/// drives the REST and BatchMeterUsage endpoints of a running server with fresh records, samples the server's memory,
/// and checks that every acknowledged record is stored. See bench/README.md.
/// </summary>
internal static class Program
{
    private const string Usage = """
        usage: Tradewind.IngestBench <command> [options]
          prepare    --provider sqlite|postgres [--connection CS] --data-dir DIR [--customers N] --out manifest.json
          baseline   --manifest FILE [--records M] [--loops 1,64] [--batch 1000]
          rest       --manifest FILE --url URL [--clients 64] [--batch 1000] [--duration 20s] [--warmup 3s] [--server-pid PID]
          batchmeter --manifest FILE --url URL [--clients 64] [--duration 20s] [--warmup 3s] [--server-pid PID]
          verify     --manifest FILE
          summarize  --results results.jsonl   (the medians table of bench/ingest/run.sh)
        Every command prints one JSON line of results on stdout (progress goes to stderr).
        """;

    public static async Task<int> Main(string[] args)
    {
        if (args.Length == 0 || args[0] is "-h" or "--help")
        {
            await Console.Error.WriteLineAsync(Usage);
            return args.Length == 0 ? 2 : 0;
        }

        var options = Options.Parse(args.AsSpan(1));
        using var cancel = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            cancel.Cancel();
        };

        try
        {
            return args[0] switch
            {
                "prepare" => await Prepare.RunAsync(options, cancel.Token),
                "baseline" => await Baseline.RunAsync(options, cancel.Token),
                "rest" => await RestDriver.RunAsync(options, cancel.Token),
                "batchmeter" => await BatchMeterDriver.RunAsync(options, cancel.Token),
                "verify" => await Verify.RunAsync(options, cancel.Token),
                "summarize" => await Summary.RunAsync(options, cancel.Token),
                _ => await UnknownAsync(args[0]),
            };
        }
        catch (ArgumentException e)
        {
            await Console.Error.WriteLineAsync(e.Message);
            await Console.Error.WriteLineAsync(Usage);
            return 2;
        }
    }

    private static async Task<int> UnknownAsync(string command)
    {
        await Console.Error.WriteLineAsync($"Unknown command '{command}'.");
        await Console.Error.WriteLineAsync(Usage);
        return 2;
    }
}

/// <summary><c>--name value</c> pairs.</summary>
internal sealed class Options
{
    private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);

    public static Options Parse(ReadOnlySpan<string> args)
    {
        var options = new Options();
        for (var i = 0; i < args.Length; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Length)
            {
                throw new ArgumentException($"Expected '--name value', got '{args[i]}'.");
            }

            options._values[args[i][2..]] = args[++i];
        }

        return options;
    }

    public string Required(string name) =>
        _values.TryGetValue(name, out var value) ? value : throw new ArgumentException($"--{name} is required.");

    public string? Optional(string name) => _values.GetValueOrDefault(name);

    public int Int(string name, int fallback) =>
        _values.TryGetValue(name, out var value) ? int.Parse(value, NumberStyles.Integer, CultureInfo.InvariantCulture) : fallback;

    public long Long(string name, long fallback) =>
        _values.TryGetValue(name, out var value) ? long.Parse(value.Replace("_", "", StringComparison.Ordinal), NumberStyles.Integer, CultureInfo.InvariantCulture) : fallback;

    /// <summary>"20s", "500ms", "2m" or a number of seconds.</summary>
    public TimeSpan Duration(string name, TimeSpan fallback)
    {
        if (!_values.TryGetValue(name, out var value))
        {
            return fallback;
        }

        if (value.EndsWith("ms", StringComparison.Ordinal))
        {
            return TimeSpan.FromMilliseconds(double.Parse(value[..^2], CultureInfo.InvariantCulture));
        }

        if (value.EndsWith('s'))
        {
            return TimeSpan.FromSeconds(double.Parse(value[..^1], CultureInfo.InvariantCulture));
        }

        if (value.EndsWith('m'))
        {
            return TimeSpan.FromMinutes(double.Parse(value[..^1], CultureInfo.InvariantCulture));
        }

        return TimeSpan.FromSeconds(double.Parse(value, CultureInfo.InvariantCulture));
    }
}
