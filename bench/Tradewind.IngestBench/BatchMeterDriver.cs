using System.Buffers;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Tradewind.Web.AwsApi;

namespace Tradewind.IngestBench;

/// <summary>
/// AWS-compatible <c>AWSMPMeteringService.BatchMeterUsage</c> (JSON 1.1) from concurrent clients, 25 fresh records per
/// request, each request signed with Signature Version 4 by Tradewind's own <see cref="SigV4"/> with the seller's access
/// key (signing name <c>aws-marketplace</c>; host, x-amz-date, x-amz-target and content-type signed). Keys are hours of
/// the last 24 (BatchMeterUsage's window), walking forward; only <c>Success</c> results count.
/// </summary>
internal static class BatchMeterDriver
{
    private const int RecordsPerRequest = 25;
    private const string Region = "us-east-1";
    private const string Service = "aws-marketplace";
    private const string Target = "AWSMPMeteringService.BatchMeterUsage";

    public static async Task<int> RunAsync(Options options, CancellationToken cancellationToken)
    {
        var manifestPath = options.Required("manifest");
        var manifest = Manifest.Load(manifestPath);
        var clients = options.Int("clients", 64);
        var keys = KeySpace.Batch(manifest);
        var state = BenchState.Load(manifestPath);
        var now = TimeProvider.System.GetUtcNow();
        var currentHour = Prepare.TruncateToHour(now);
        // Hours older than 22 h are skipped: a record must still be inside the 24-hour window when the server reads it.
        var first = Math.Max(state.BatchCursor, keys.FirstKeyOf(currentHour.AddHours(-22)));
        var limit = keys.FirstKeyOf(currentHour.AddHours(1));
        var run = new LoadRun(clients, RecordsPerRequest, options.Duration("warmup", TimeSpan.FromSeconds(3)), options.Duration("duration", TimeSpan.FromSeconds(20)), first, limit);

        var url = new Uri(options.Required("url"));
        using var http = LoadRun.Client(url.ToString(), clients);
        var host = url.IsDefaultPort ? url.Host : $"{url.Host}:{url.Port}";
        var buffers = Enumerable.Range(0, clients).Select(_ => new ArrayBufferWriter<byte>(4096)).ToArray();
        var writers = buffers.Select(b => new Utf8JsonWriter(b)).ToArray();
        var customers = manifest.Customers.Select(c => JsonEncodedText.Encode(c.CustomerIdentifier)).ToArray();
        var dimensions = manifest.Dimensions.Select(d => JsonEncodedText.Encode(d)).ToArray();
        var productCode = JsonEncodedText.Encode(manifest.ProductCode);
        var contentType = new MediaTypeHeaderValue("application/x-amz-json-1.1");
        var signingKeys = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        var signingLock = new Lock();

        async Task<RequestOutcome> SendAsync(int client, long start, CancellationToken ct)
        {
            var buffer = buffers[client];
            var writer = writers[client];
            buffer.ResetWrittenCount();
            writer.Reset(buffer);
            writer.WriteStartObject();
            writer.WriteString("ProductCode"u8, productCode);
            writer.WriteStartArray("UsageRecords"u8);
            for (var key = start; key < start + RecordsPerRequest; key++)
            {
                var usage = keys[key];
                writer.WriteStartObject();
                writer.WriteString("CustomerIdentifier"u8, customers[usage.Customer]);
                writer.WriteString("Dimension"u8, dimensions[usage.Dimension]);
                writer.WriteNumber("Quantity"u8, usage.Quantity);
                writer.WriteNumber("Timestamp"u8, usage.Hour.ToUnixTimeSeconds());
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
            await writer.FlushAsync(ct);

            var amzDate = SigV4.FormatAmzDate(TimeProvider.System.GetUtcNow());
            var date = amzDate[..8];
            byte[] signingKey;
            lock (signingLock)
            {
                if (!signingKeys.TryGetValue(date, out signingKey!))
                {
                    signingKey = SigV4.SigningKey(manifest.SecretAccessKey, date, Region, Service);
                    signingKeys[date] = signingKey;
                }
            }

            var payloadHash = Convert.ToHexStringLower(SHA256.HashData(buffer.WrittenSpan));
            var canonical = SigV4.CanonicalRequest(
                "POST", "/", "",
                [("content-type", contentType.ToString()), ("host", host), ("x-amz-date", amzDate), ("x-amz-target", Target)],
                payloadHash);
            var scope = $"{date}/{Region}/{Service}/{SigV4.Terminator}";
            var signature = SigV4.Signature(signingKey, SigV4.StringToSign(amzDate, scope, canonical));

            using var request = new HttpRequestMessage(HttpMethod.Post, "/");
            request.Content = new ReadOnlyMemoryContent(buffer.WrittenMemory);
            request.Content.Headers.ContentType = contentType;
            request.Headers.TryAddWithoutValidation("X-Amz-Target", Target);
            request.Headers.TryAddWithoutValidation("X-Amz-Date", amzDate);
            request.Headers.TryAddWithoutValidation(
                "Authorization",
                $"{SigV4.Algorithm} Credential={manifest.AccessKeyId}/{scope}, SignedHeaders=content-type;host;x-amz-date;x-amz-target, Signature={signature}");
            using var response = await http.SendAsync(request, ct);
            var body = await response.Content.ReadAsByteArrayAsync(ct);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                run.Problem($"BatchMeterUsage answered {(int)response.StatusCode}: {Encoding.UTF8.GetString(body)}");
                return new RequestOutcome(0, 0, 0, Error: true);
            }

            var (success, duplicate, other) = ReadStatuses(body);
            if (duplicate + other > 0 || success != RecordsPerRequest)
            {
                run.Problem($"not all Success ({success} Success, {duplicate} DuplicateRecord, {other} other): {Encoding.UTF8.GetString(body)}");
            }

            return new RequestOutcome(success, duplicate, other + (RecordsPerRequest - success - duplicate - other), Error: false);
        }

        await using var memory = new RssSampler(options.Optional("server-pid") is { } pid ? int.Parse(pid, System.Globalization.CultureInfo.InvariantCulture) : null);
        var result = await run.RunAsync(SendAsync, cancellationToken);
        var (peakRss, highWater) = await memory.StopAsync();
        (state with { BatchCursor = run.NextKey, Acknowledged = state.Acknowledged + run.AcknowledgedTotal }).Save(manifestPath);
        foreach (var writer in writers)
        {
            await writer.DisposeAsync();
        }

        RestDriver.Print("batchmeter", manifest, clients, RecordsPerRequest, result, peakRss, highWater);
        return result.Errors > 0 || result.Records == 0 ? 1 : 0;
    }

    /// <summary>Counts the <c>Status</c> of every result: Success, DuplicateRecord, anything else.</summary>
    private static (int Success, int Duplicate, int Other) ReadStatuses(byte[] body)
    {
        var reader = new Utf8JsonReader(body);
        int success = 0, duplicate = 0, other = 0;
        while (reader.Read())
        {
            if (reader.TokenType == JsonTokenType.PropertyName && reader.ValueTextEquals("Status"u8) && reader.Read() && reader.TokenType == JsonTokenType.String)
            {
                if (reader.ValueTextEquals("Success"u8))
                {
                    success++;
                }
                else if (reader.ValueTextEquals("DuplicateRecord"u8))
                {
                    duplicate++;
                }
                else
                {
                    other++;
                }
            }
        }

        return (success, duplicate, other);
    }
}
