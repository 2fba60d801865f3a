using System.Globalization;

namespace Tradewind.BillingBench;

/// <summary>
/// The billing-run benchmark: prepares a database of agreements and a month of usage through the modules' own commands
/// (usage in bulk, as Metering stores it), then per run times a raw SQL aggregate over the month's records and the billing
/// run over the same records, on a fresh copy of the prepared database. See bench/README.md.
/// </summary>
internal static class Program
{
    private const string Usage = """
        usage: Tradewind.BillingBench <command> [options]
          prepare    --provider sqlite|postgres --connection CS --data-dir DIR [--agreements 10000] [--records 1000000] --out manifest.json
          run        --manifest FILE --run N   (a fresh copy of the prepared database: raw aggregate, then the billing run)
          summarize  --results results.jsonl   (the medians table of bench/billing/run.sh)
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
                "run" => await BenchRun.RunAsync(options, cancel.Token),
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
        _values.TryGetValue(name, out var value) ? int.Parse(value.Replace("_", "", StringComparison.Ordinal), NumberStyles.Integer, CultureInfo.InvariantCulture) : fallback;
}
