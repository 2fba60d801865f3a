using System.Buffers;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Tradewind.IngestBench;

/// <summary>
/// <c>POST /api/v1/usage</c> with batches of fresh records from concurrent clients (HTTP/1.1 keep-alive, one pooled
/// connection per client). Bodies are written with <see cref="Utf8JsonWriter"/> into a buffer each client reuses; only
/// records the server answered <c>accepted</c> in a 200 response count.
/// </summary>
internal static class RestDriver
{
    public static async Task<int> RunAsync(Options options, CancellationToken cancellationToken)
    {
        var manifestPath = options.Required("manifest");
        var manifest = Manifest.Load(manifestPath);
        var clients = options.Int("clients", 64);
        var batch = options.Int("batch", 1000);
        var keys = KeySpace.Rest(manifest);
        var state = BenchState.Load(manifestPath);
        var limit = (long)Math.Round((manifest.RestFirstHour - manifest.RestLastHour).TotalHours, MidpointRounding.ToZero) * keys.KeysPerHour;
        var run = new LoadRun(clients, batch, options.Duration("warmup", TimeSpan.FromSeconds(3)), options.Duration("duration", TimeSpan.FromSeconds(20)), state.RestCursor, limit);

        using var http = LoadRun.Client(options.Required("url"), clients);
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", manifest.ApiKey);
        var buffers = Enumerable.Range(0, clients).Select(_ => new ArrayBufferWriter<byte>(256 * batch)).ToArray();
        var writers = buffers.Select(b => new Utf8JsonWriter(b)).ToArray();
        var customers = manifest.Customers.Select(c => JsonEncodedText.Encode(c.CustomerIdentifier)).ToArray();
        var dimensions = manifest.Dimensions.Select(d => JsonEncodedText.Encode(d)).ToArray();
        var json = new MediaTypeHeaderValue("application/json");

        async Task<RequestOutcome> SendAsync(int client, long start, CancellationToken ct)
        {
            var buffer = buffers[client];
            var writer = writers[client];
            buffer.ResetWrittenCount();
            writer.Reset(buffer);
            writer.WriteStartObject();
            writer.WriteStartArray(Records);
            for (var key = start; key < start + batch; key++)
            {
                var usage = keys[key];
                writer.WriteStartObject();
                writer.WriteString(CustomerIdentifier, customers[usage.Customer]);
                writer.WriteString(Dimension, dimensions[usage.Dimension]);
                writer.WriteNumber(Quantity, usage.Quantity);
                writer.WriteString(Timestamp, usage.Hour);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
            await writer.FlushAsync(ct);

            using var content = new ReadOnlyMemoryContent(buffer.WrittenMemory);
            content.Headers.ContentType = json;
            using var response = await http.PostAsync("/api/v1/usage", content, ct);
            var body = await response.Content.ReadAsByteArrayAsync(ct);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                run.Problem($"POST /api/v1/usage answered {(int)response.StatusCode}: {Encoding.UTF8.GetString(body)}");
                return new RequestOutcome(0, 0, 0, Error: true);
            }

            var (accepted, duplicates, rejected) = ReadCounts(body);
            if (duplicates + rejected > 0)
            {
                run.Problem($"not all accepted ({accepted} accepted, {duplicates} duplicates, {rejected} rejected): {Encoding.UTF8.GetString(body)}");
            }

            return new RequestOutcome(accepted, duplicates, rejected, Error: false);
        }

        await using var memory = new RssSampler(options.Optional("server-pid") is { } pid ? int.Parse(pid, System.Globalization.CultureInfo.InvariantCulture) : null);
        var result = await run.RunAsync(SendAsync, cancellationToken);
        var (peakRss, highWater) = await memory.StopAsync();
        (state with { RestCursor = run.NextKey, Acknowledged = state.Acknowledged + run.AcknowledgedTotal }).Save(manifestPath);
        foreach (var writer in writers)
        {
            await writer.DisposeAsync();
        }

        Print("rest", manifest, clients, batch, result, peakRss, highWater);
        return result.Errors > 0 || result.Records == 0 ? 1 : 0;
    }

    public static void Print(string command, Manifest manifest, int clients, int batch, LoadResult result, double? peakRssMb, double? highWaterMb)
    {
        Console.Error.WriteLine(
            $"{command} {manifest.Provider} ×{clients}: {result.RecordsPerSecond:F0} records/s, {result.Requests} requests, p50 {result.P50Ms:F1} ms, p99 {result.P99Ms:F1} ms, " +
            $"{result.Errors} errors, {result.Duplicates} duplicates, {result.Rejected} rejected, peak RSS {peakRssMb:F0} MB{(result.KeysExhausted ? ", KEYS EXHAUSTED" : "")}");
        Console.WriteLine(JsonSerializer.Serialize(
            new { command, provider = manifest.Provider, clients, recordsPerRequest = batch, result, peakRssMb, highWaterMb },
            Report.Json));
    }

    /// <summary>The top-level <c>accepted</c>, <c>duplicates</c> and <c>rejected</c> of the answer; the results array is skipped.</summary>
    private static (int Accepted, int Duplicates, int Rejected) ReadCounts(byte[] body)
    {
        var reader = new Utf8JsonReader(body);
        int accepted = 0, duplicates = 0, rejected = 0;
        while (reader.Read())
        {
            if (reader.TokenType != JsonTokenType.PropertyName || reader.CurrentDepth != 1)
            {
                continue;
            }

            if (reader.ValueTextEquals("accepted"u8))
            {
                reader.Read();
                accepted = reader.GetInt32();
            }
            else if (reader.ValueTextEquals("duplicates"u8))
            {
                reader.Read();
                duplicates = reader.GetInt32();
            }
            else if (reader.ValueTextEquals("rejected"u8))
            {
                reader.Read();
                rejected = reader.GetInt32();
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }

        return (accepted, duplicates, rejected);
    }

    private static readonly JsonEncodedText Records = JsonEncodedText.Encode("records");
    private static readonly JsonEncodedText CustomerIdentifier = JsonEncodedText.Encode("customerIdentifier");
    private static readonly JsonEncodedText Dimension = JsonEncodedText.Encode("dimension");
    private static readonly JsonEncodedText Quantity = JsonEncodedText.Encode("quantity");
    private static readonly JsonEncodedText Timestamp = JsonEncodedText.Encode("timestamp");
}
