using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Tradewind.Primitives.Ids;

namespace Tradewind.Webhooks.Deliveries;

/// <summary>
/// The request body: <c>{"id","type","createdAt","data"}</c>, where <c>data</c> is the payload exactly as the publisher
/// gave it (AWS Marketplace's SaaS notification shape). See docs/decisions/0009-webhook-envelope-and-signing.md.
/// </summary>
internal static class WebhookEnvelope
{
    /// <summary>Larger payloads are a bug in the publisher: notifications say what happened, receivers fetch the rest.</summary>
    public const int MaxBytes = 64 * 1024;

    public static string Create(WebhookDeliveryId id, string type, DateTimeOffset createdAt, JsonObject payload)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("id", id.ToString());
            writer.WriteString("type", type);
            writer.WriteString("createdAt", createdAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
            writer.WritePropertyName("data");
            payload.WriteTo(writer);
            writer.WriteEndObject();
        }

        return buffer.Length <= MaxBytes
            ? Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length)
            : throw new ArgumentException($"A webhook payload may be at most {MaxBytes} bytes; this one is {buffer.Length}.", nameof(payload));
    }
}
