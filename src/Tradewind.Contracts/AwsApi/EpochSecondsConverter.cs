using System.Buffers.Text;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Tradewind.Contracts.AwsApi;

/// <summary>
/// AWS JSON timestamps: seconds since the Unix epoch as a JSON number, possibly fractional (<c>1795722584.032</c>).
/// Reads numbers and numeric strings (both occur on the wire); writes a number with millisecond precision. An
/// ISO-8601 string would break the AWS SDKs ("Expected real number"), so it is refused when reading and never written.
/// </summary>
public sealed class EpochSecondsConverter : JsonConverter<DateTimeOffset>
{
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        decimal seconds;
        if (reader.TokenType == JsonTokenType.Number)
        {
            if (!reader.TryGetDecimal(out seconds))
            {
                throw new JsonException("A timestamp must be a number of seconds since 1970-01-01T00:00:00Z.");
            }
        }
        else if (reader.TokenType == JsonTokenType.String
                 && decimal.TryParse(reader.GetString(), NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var parsed))
        {
            seconds = parsed;
        }
        else
        {
            throw new JsonException("A timestamp must be a number of seconds since 1970-01-01T00:00:00Z.");
        }

        // Milliseconds are the finest unit AWS timestamps carry; finer digits are truncated toward the past.
        var milliseconds = decimal.Truncate(seconds * 1000m);
        if (milliseconds < -62_135_596_800_000m || milliseconds > 253_402_300_799_999m)
        {
            throw new JsonException("The timestamp is out of range.");
        }

        return DateTimeOffset.FromUnixTimeMilliseconds((long)milliseconds);
    }

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        var milliseconds = value.ToUnixTimeMilliseconds();
        Span<byte> buffer = stackalloc byte[32];
        if (milliseconds % 1000 == 0)
        {
            Utf8Formatter.TryFormat(milliseconds / 1000, buffer, out var written);
            writer.WriteRawValue(buffer[..written], skipInputValidation: true);
        }
        else
        {
            writer.WriteNumberValue(milliseconds / 1000m);
        }
    }
}
