using System.Text.Json;
using System.Text.Json.Serialization;
using Tradewind.Primitives.Money;

namespace Tradewind.Persistence.Outbox;

/// <summary>
/// Writes an event's <see cref="Money"/> as <c>{"currency":"EUR","minorUnits":1234}</c> and reads it back exactly:
/// <see cref="Money"/> has no settable members, so without this an amount in an outbox payload would come back as
/// <c>default(Money)</c>, which has no currency.
/// </summary>
internal sealed class MoneyJsonConverter : JsonConverter<Money>
{
    public override Money Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("An amount is an object with its currency and minor units.");
        }

        string? currency = null;
        long? minorUnits = null;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var name = reader.GetString();
            reader.Read();
            if (string.Equals(name, "currency", StringComparison.OrdinalIgnoreCase))
            {
                currency = reader.GetString();
            }
            else if (string.Equals(name, "minorUnits", StringComparison.OrdinalIgnoreCase))
            {
                minorUnits = reader.GetInt64();
            }
            else
            {
                reader.Skip();
            }
        }

        return currency is not null && minorUnits is { } minor
            ? Money.FromMinor(minor, Currency.FromCode(currency))
            : throw new JsonException("An amount needs both its currency and its minor units.");
    }

    public override void Write(Utf8JsonWriter writer, Money value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartObject();
        writer.WriteString("currency", value.Currency.Code);
        writer.WriteNumber("minorUnits", value.MinorUnits);
        writer.WriteEndObject();
    }
}
