using System.Text.Json;

namespace Tradewind.IngestBench;

/// <summary>
/// Counts the stored usage records of the server's database and compares them with every record the drivers were told
/// was accepted: the benchmark must not count a record that is not stored. More rows than acknowledgements is possible
/// only when a request failed after its commit (its records are stored but were not counted).
/// </summary>
internal static class Verify
{
    public static async Task<int> RunAsync(Options options, CancellationToken cancellationToken)
    {
        var manifestPath = options.Required("manifest");
        var manifest = Manifest.Load(manifestPath);
        var state = BenchState.Load(manifestPath);
        var stored = await Sql.CountRowsAsync(manifest, manifest.ConnectionString, cancellationToken);
        var ok = stored >= state.Acknowledged;
        await Console.Error.WriteLineAsync(
            $"verify {manifest.Provider}: {stored} rows stored, {state.Acknowledged} acknowledged{(stored == state.Acknowledged ? " (equal)" : ok ? $" ({stored - state.Acknowledged} stored but not acknowledged)" : $" — {state.Acknowledged - stored} ACKNOWLEDGED RECORDS MISSING")}");
        Console.WriteLine(JsonSerializer.Serialize(new { command = "verify", provider = manifest.Provider, stored, acknowledged = state.Acknowledged, ok }, Report.Json));
        return ok ? 0 : 1;
    }
}
