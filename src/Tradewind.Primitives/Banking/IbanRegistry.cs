using System.Collections.Frozen;

namespace Tradewind.Primitives.Banking;

/// <summary>
/// The IBAN formats Tradewind knows: every country of the SWIFT IBAN registry, and the national IBAN
/// formats that are used but not registered.
/// </summary>
/// <remarks>
/// <para>
/// Source of the registered formats: the SWIFT IBAN Registry ("IBAN structure" and "IBAN electronic
/// format example" rows) as extracted in <c>Simplify/ibantools</c> <c>script/registry.txt</c>; that
/// edition's latest entry took effect in July 2023 (Falkland Islands), and it lists 86 countries.
/// Oman (OM, 3!n16!c) joined the registry afterwards and is added from the ibantools 4.x country table.
/// To update, transcribe the "IBAN structure" row of a newer registry PDF/TXT from swift.com.
/// </para>
/// <para>
/// The unregistered formats are those ibantools lists without its <c>IBANRegistry</c> flag (mostly the
/// BCEAO and BEAC franc zones, plus Algeria, Angola, Cape Verde, Comoros, Honduras, Iran, Madagascar,
/// Morocco, Mozambique and Yemen). Their banks issue IBANs that pass ISO 7064 MOD 97-10, so
/// <see cref="Iban"/> accepts them, but SWIFT does not vouch for the structure; see
/// <see cref="Iban.IsInSwiftRegistry"/>.
/// </para>
/// <para>
/// The table lives in code rather than as an embedded CSV because the project embeds only
/// <c>Geography/Data/*.csv</c>.
/// </para>
/// </remarks>
public static class IbanRegistry
{
    private static readonly IbanCountryFormat[] Formats =
    [
        new("AD", "Andorra", "4!n4!n12!c", true),
        new("AE", "the United Arab Emirates", "3!n16!n", true),
        new("AL", "Albania", "8!n16!c", true),
        new("AT", "Austria", "5!n11!n", true),
        new("AZ", "Azerbaijan", "4!a20!c", true),
        new("BA", "Bosnia and Herzegovina", "3!n3!n8!n2!n", true),
        new("BE", "Belgium", "3!n7!n2!n", true),
        new("BG", "Bulgaria", "4!a4!n2!n8!c", true),
        new("BH", "Bahrain", "4!a14!c", true),
        new("BI", "Burundi", "5!n5!n11!n2!n", true),
        new("BR", "Brazil", "8!n5!n10!n1!a1!c", true),
        new("BY", "Belarus", "4!c4!n16!c", true),
        new("CH", "Switzerland", "5!n12!c", true),
        new("CR", "Costa Rica", "4!n14!n", true),
        new("CY", "Cyprus", "3!n5!n16!c", true),
        new("CZ", "Czechia", "4!n6!n10!n", true),
        new("DE", "Germany", "8!n10!n", true),
        new("DJ", "Djibouti", "5!n5!n11!n2!n", true),
        new("DK", "Denmark", "4!n9!n1!n", true),
        new("DO", "the Dominican Republic", "4!c20!n", true),
        new("EE", "Estonia", "2!n2!n11!n1!n", true),
        new("EG", "Egypt", "4!n4!n17!n", true),
        new("ES", "Spain", "4!n4!n1!n1!n10!n", true),
        new("FI", "Finland", "3!n11!n", true, "AX"),
        new("FK", "the Falkland Islands", "2!a12!n", true),
        new("FO", "the Faroe Islands", "4!n9!n1!n", true),
        new("FR", "France", "5!n5!n11!c2!n", true, "GF", "GP", "MQ", "RE", "PF", "TF", "YT", "NC", "BL", "MF", "PM", "WF"),
        new("GB", "the United Kingdom", "4!a6!n8!n", true, "IM", "JE", "GG"),
        new("GE", "Georgia", "2!a16!n", true),
        new("GI", "Gibraltar", "4!a15!c", true),
        new("GL", "Greenland", "4!n9!n1!n", true),
        new("GR", "Greece", "3!n4!n16!c", true),
        new("GT", "Guatemala", "4!c20!c", true),
        new("HR", "Croatia", "7!n10!n", true),
        new("HU", "Hungary", "3!n4!n1!n15!n1!n", true),
        new("IE", "Ireland", "4!a6!n8!n", true),
        new("IL", "Israel", "3!n3!n13!n", true),
        new("IQ", "Iraq", "4!a3!n12!n", true),
        new("IS", "Iceland", "4!n2!n6!n10!n", true),
        new("IT", "Italy", "1!a5!n5!n12!c", true),
        new("JO", "Jordan", "4!a4!n18!c", true),
        new("KW", "Kuwait", "4!a22!c", true),
        new("KZ", "Kazakhstan", "3!n13!c", true),
        new("LB", "Lebanon", "4!n20!c", true),
        new("LC", "Saint Lucia", "4!a24!c", true),
        new("LI", "Liechtenstein", "5!n12!c", true),
        new("LT", "Lithuania", "5!n11!n", true),
        new("LU", "Luxembourg", "3!n13!c", true),
        new("LV", "Latvia", "4!a13!c", true),
        new("LY", "Libya", "3!n3!n15!n", true),
        new("MC", "Monaco", "5!n5!n11!c2!n", true),
        new("MD", "Moldova", "2!c18!c", true),
        new("ME", "Montenegro", "3!n13!n2!n", true),
        new("MK", "North Macedonia", "3!n10!c2!n", true),
        new("MN", "Mongolia", "4!n12!n", true),
        new("MR", "Mauritania", "5!n5!n11!n2!n", true),
        new("MT", "Malta", "4!a5!n18!c", true),
        new("MU", "Mauritius", "4!a2!n2!n12!n3!n3!a", true),
        new("NI", "Nicaragua", "4!a20!n", true),
        new("NL", "the Netherlands", "4!a10!n", true),
        new("NO", "Norway", "4!n6!n1!n", true),
        new("OM", "Oman", "3!n16!c", true),
        new("PK", "Pakistan", "4!a16!c", true),
        new("PL", "Poland", "8!n16!n", true),
        new("PS", "Palestine", "4!a21!c", true),
        new("PT", "Portugal", "4!n4!n11!n2!n", true),
        new("QA", "Qatar", "4!a21!c", true),
        new("RO", "Romania", "4!a16!c", true),
        new("RS", "Serbia", "3!n13!n2!n", true),
        new("RU", "Russia", "9!n5!n15!c", true),
        new("SA", "Saudi Arabia", "2!n18!c", true),
        new("SC", "Seychelles", "4!a2!n2!n16!n3!a", true),
        new("SD", "Sudan", "2!n12!n", true),
        new("SE", "Sweden", "3!n16!n1!n", true),
        new("SI", "Slovenia", "5!n8!n2!n", true),
        new("SK", "Slovakia", "4!n6!n10!n", true),
        new("SM", "San Marino", "1!a5!n5!n12!c", true),
        new("SO", "Somalia", "4!n3!n12!n", true),
        new("ST", "Sao Tome and Principe", "4!n4!n11!n2!n", true),
        new("SV", "El Salvador", "4!a20!n", true),
        new("TL", "Timor-Leste", "3!n14!n2!n", true),
        new("TN", "Tunisia", "2!n3!n13!n2!n", true),
        new("TR", "Türkiye", "5!n1!n16!c", true),
        new("UA", "Ukraine", "6!n19!c", true),
        new("VA", "Vatican City", "3!n15!n", true),
        new("VG", "the British Virgin Islands", "4!a16!n", true),
        new("XK", "Kosovo", "4!n10!n2!n", true),

        new("AO", "Angola", "21!n", false),
        new("BF", "Burkina Faso", "2!c22!n", false),
        new("BJ", "Benin", "2!c22!n", false),
        new("CF", "the Central African Republic", "23!n", false),
        new("CG", "the Republic of the Congo", "23!n", false),
        new("CI", "Côte d'Ivoire", "1!a23!n", false),
        new("CM", "Cameroon", "23!n", false),
        new("CV", "Cape Verde", "21!n", false),
        new("DZ", "Algeria", "22!n", false),
        new("GA", "Gabon", "23!n", false),
        new("GQ", "Equatorial Guinea", "23!n", false),
        new("GW", "Guinea-Bissau", "2!a19!n", false),
        new("HN", "Honduras", "4!a20!n", false),
        new("IR", "Iran", "22!n", false),
        new("KM", "the Comoros", "23!n", false),
        new("MA", "Morocco", "24!n", false),
        new("MG", "Madagascar", "23!n", false),
        new("ML", "Mali", "2!c22!n", false),
        new("MZ", "Mozambique", "21!n", false),
        new("NE", "Niger", "2!a22!n", false),
        new("SN", "Senegal", "2!a22!n", false),
        new("TD", "Chad", "23!n", false),
        new("TG", "Togo", "2!a22!n", false),
        new("YE", "Yemen", "4!a4!n18!c", false),
    ];

    private static readonly FrozenDictionary<string, IbanCountryFormat> ByPrefix =
        Formats.ToFrozenDictionary(f => f.Prefix, StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, IbanCountryFormat> ByTerritory =
        Formats.SelectMany(f => f.Territories.Select(t => (Territory: t, Format: f)))
            .ToFrozenDictionary(p => p.Territory, p => p.Format, StringComparer.Ordinal);

    /// <summary>Every known format, registered ones first, each group in prefix order.</summary>
    public static IReadOnlyList<IbanCountryFormat> All { get; } = Array.AsReadOnly(Formats);

    /// <summary>The format for an IBAN prefix ("DE"); ordinal, upper case.</summary>
    public static bool TryGetFormat(string prefix, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out IbanCountryFormat? format) =>
        ByPrefix.TryGetValue(prefix, out format);

    /// <summary>
    /// The format whose IBANs hold the accounts of an ISO 3166-1 country: its own, or for a territory such
    /// as Jersey (JE) or Réunion (RE) the format of the country whose prefix it uses (GB, FR).
    /// </summary>
    public static bool TryGetFormatForCountry(string countryCode, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out IbanCountryFormat? format) =>
        ByPrefix.TryGetValue(countryCode, out format) || ByTerritory.TryGetValue(countryCode, out format);

    internal static bool TryGetParentOfTerritory(string territory, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out IbanCountryFormat? format) =>
        ByTerritory.TryGetValue(territory, out format);
}
