using System.Text.Json;
using System.Text.Json.Serialization;
using Tradewind.Contracts.Catalog;

namespace Tradewind.Agreements.Agreements;

/// <summary>The copied plan terms as stored: the API's JSON shape (camelCase, enums as camelCase strings).</summary>
internal static class TermsJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false) },
    };

    public static string Write(PlanTerms terms) => JsonSerializer.Serialize(terms, Options);

    public static PlanTerms Read(string json) =>
        JsonSerializer.Deserialize<PlanTerms>(json, Options) ?? throw new InvalidOperationException("An agreement's stored terms are empty.");
}
