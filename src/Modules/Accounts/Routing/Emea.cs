using System.Collections.Frozen;

namespace Tradewind.Accounts.Routing;

/// <summary>
/// Europe, the Middle East and Africa as ISO 3166-1 alpha-2 codes: the "EMEA" group of the routing table.
/// </summary>
/// <remarks>
/// AWS publishes no code list for its EMEA SARL region (aws-marketplace.md §10 names the region and two exclusions),
/// so this is the conventional geographic reading: every European country and dependency (including Turkey, Russia,
/// Belarus and the Caucasus states Armenia, Azerbaijan and Georgia), the Middle East from Cyprus to Iran and the Gulf
/// (Egypt counts as Africa), and every African country and territory. Central Asia (Kazakhstan and its neighbours)
/// is left out, as is Greenland (North America). Turkey and South Africa are in the group: the default rule excludes
/// them explicitly, as the spec does, so an operator can change that by editing the rule rather than this list.
/// </remarks>
internal static class Emea
{
    private static readonly string[] Europe =
    [
        "AD", "AL", "AM", "AT", "AX", "AZ", "BA", "BE", "BG", "BY", "CH", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FO",
        "FR", "GB", "GE", "GG", "GI", "GR", "HR", "HU", "IE", "IM", "IS", "IT", "JE", "LI", "LT", "LU", "LV", "MC", "MD",
        "ME", "MK", "MT", "NL", "NO", "PL", "PT", "RO", "RS", "RU", "SE", "SI", "SJ", "SK", "SM", "TR", "UA", "VA",
    ];

    private static readonly string[] MiddleEast =
    [
        "AE", "BH", "IL", "IQ", "IR", "JO", "KW", "LB", "OM", "PS", "QA", "SA", "SY", "YE",
    ];

    private static readonly string[] Africa =
    [
        "AO", "BF", "BI", "BJ", "BW", "CD", "CF", "CG", "CI", "CM", "CV", "DJ", "DZ", "EG", "EH", "ER", "ET", "GA", "GH",
        "GM", "GN", "GQ", "GW", "KE", "KM", "LR", "LS", "LY", "MA", "MG", "ML", "MR", "MU", "MW", "MZ", "NA", "NE", "NG",
        "RE", "RW", "SC", "SD", "SH", "SL", "SN", "SO", "SS", "ST", "SZ", "TD", "TG", "TN", "TZ", "UG", "YT", "ZA", "ZM",
        "ZW",
    ];

    /// <summary>Every country code in the group.</summary>
    public static FrozenSet<string> Countries { get; } = Europe.Concat(MiddleEast).Concat(Africa).ToFrozenSet(StringComparer.Ordinal);

    public static bool Contains(string countryCode) => Countries.Contains(countryCode);
}
