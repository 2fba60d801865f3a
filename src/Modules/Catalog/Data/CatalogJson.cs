using System.Text.Json;
using System.Text.Json.Serialization;
using Tradewind.Catalog.Listings;
using Tradewind.Contracts.Catalog;
using Tradewind.Primitives.Ids;

namespace Tradewind.Catalog.Data;

/// <summary>
/// The JSON the Catalog stores in text columns (revisions, plan terms, list columns): camelCase, enums as camelCase
/// strings, ids as their GUID text, money as decimal strings (the terms records hold them as strings already).
/// </summary>
internal static class CatalogJson
{
    public static readonly JsonSerializerOptions Options = Create();

    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options);

    public static T Deserialize<T>(string json) =>
        JsonSerializer.Deserialize<T>(json, Options) ?? throw new InvalidOperationException($"Stored JSON for {typeof(T).Name} is empty.");

    public static string Content(ListingContent content) => Serialize(content);

    public static ListingContent Content(string json) => Deserialize<ListingContent>(json);

    public static string Terms(PlanTerms terms) => Serialize(terms);

    public static PlanTerms Terms(string json) => Deserialize<PlanTerms>(json);

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web) { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
        options.Converters.Add(new TypedIdConverter<MediaId>());
        options.Converters.Add(new TypedIdConverter<CategoryId>());
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }

    private sealed class TypedIdConverter<TId> : JsonConverter<TId>
        where TId : struct, ITypedId<TId>
    {
        public override TId Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => TId.From(reader.GetGuid());

        public override void Write(Utf8JsonWriter writer, TId value, JsonSerializerOptions options) => writer.WriteStringValue(value.Value);
    }
}
