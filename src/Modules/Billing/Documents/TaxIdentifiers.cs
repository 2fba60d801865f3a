using System.Collections.Frozen;
using Tradewind.Primitives.Peppol;

namespace Tradewind.Billing.Documents;

/// <summary>How a party's tax registration appears in UBL: as a VAT id (BT-31/BT-48) or another tax registration (BT-32), and its Peppol endpoint.</summary>
internal static class TaxIdentifiers
{
    /// <summary>Countries whose tax ids are VAT ids with an ISO country prefix (EN 16931 BR-CO-09; Greece writes EL).</summary>
    private static readonly FrozenSet<string> VatCountries = FrozenSet.Create(StringComparer.OrdinalIgnoreCase,
        "AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FR", "GR", "EL", "HR", "HU", "IE", "IT", "LT", "LU",
        "LV", "MT", "NL", "PL", "PT", "RO", "SE", "SI", "SK", "GB", "XI");

    /// <summary>Goods and services tax countries (the registration is a GST number, not a VAT id).</summary>
    private static readonly FrozenSet<string> GstCountries = FrozenSet.Create(StringComparer.OrdinalIgnoreCase, "AU", "IN", "NZ", "SG", "CA", "MY");

    /// <summary>Peppol electronic address schemes (EAS code list) for the identifiers Tradewind holds.</summary>
    private static readonly FrozenDictionary<string, string> VatEndpointSchemes = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["AT"] = "9914",
        ["BE"] = "9925",
        ["BG"] = "9926",
        ["CY"] = "9928",
        ["CZ"] = "9929",
        ["DE"] = "9930",
        ["EE"] = "9931",
        ["GB"] = "9932",
        ["GR"] = "9933",
        ["EL"] = "9933",
        ["HR"] = "9934",
        ["IE"] = "9935",
        ["LT"] = "9937",
        ["LU"] = "9938",
        ["LV"] = "9939",
        ["MT"] = "9943",
        ["NL"] = "9944",
        ["PL"] = "9945",
        ["PT"] = "9946",
        ["RO"] = "9947",
        ["SI"] = "9949",
        ["SK"] = "9950",
        ["FR"] = "9957",
        ["HU"] = "9910",
        ["ES"] = "9920",
        ["IT"] = "0211",
        ["FI"] = "0213",
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    /// <summary>The id and tax scheme to print, or <c>null</c> for a VAT id that must not appear (EN 16931 BR-O-02).</summary>
    public static (string CompanyId, string Scheme)? ForParty(string countryCode, string number, bool outsideScope)
    {
        var compact = Compact(number);
        if (VatCountries.Contains(countryCode))
        {
            return outsideScope ? null : (WithCountryPrefix(countryCode, compact), "VAT");
        }

        return (compact, GstCountries.Contains(countryCode) ? "GST" : "TAX");
    }

    /// <summary>The Peppol endpoint (BT-34/BT-49) derived from a tax id, when the EAS list has a scheme for it.</summary>
    public static (string Scheme, string Id)? Endpoint(string countryCode, string number)
    {
        var compact = Compact(number);
        if (VatEndpointSchemes.TryGetValue(countryCode, out var scheme))
        {
            return (scheme, WithCountryPrefix(countryCode, compact));
        }

        return countryCode.ToUpperInvariant() switch
        {
            // 0221: registration number of a Japanese qualified invoice issuer (T + 13 digits).
            "JP" when compact.Length == 14 && compact[0] == 'T' => ("0221", compact),
            // 0151: Australian Business Number (11 digits).
            "AU" when compact.Length == 11 && compact.All(char.IsAsciiDigit) => ("0151", compact),
            _ => null,
        };
    }

    /// <summary>A stored participant id (<c>scheme:identifier</c>) as an endpoint; <c>null</c> when absent or not well-formed.</summary>
    public static (string Scheme, string Id)? Participant(string? participantId) =>
        PeppolParticipantId.TryParse(participantId, out var participant, out _) ? (participant.Value.Scheme, participant.Value.Identifier) : null;

    private static string Compact(string number) =>
        new(number.Where(c => !char.IsWhiteSpace(c) && c != '.' && c != '-').ToArray());

    private static string WithCountryPrefix(string countryCode, string compact)
    {
        var prefix = string.Equals(countryCode, "GR", StringComparison.OrdinalIgnoreCase) ? "EL" : countryCode.ToUpperInvariant();
        return compact.Length >= 2 && char.IsAsciiLetter(compact[0]) && char.IsAsciiLetter(compact[1]) ? compact.ToUpperInvariant() : prefix + compact;
    }
}
