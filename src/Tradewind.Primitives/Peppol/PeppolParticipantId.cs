using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;
using Tradewind.Primitives.Geography;
using Tradewind.Primitives.TaxIds;

namespace Tradewind.Primitives.Peppol;

/// <summary>
/// A Peppol participant identifier: an electronic address scheme (EAS code, e.g. <c>0088</c> GLN, <c>9930</c> German
/// VAT) and the identifier within it, written <c>scheme:identifier</c> (e.g. <c>0088:0614141000012</c>). It is what a
/// UBL document prints as a party's <c>cbc:EndpointID</c> (BT-34, BT-49).
/// </summary>
/// <remarks>
/// <para>
/// <see cref="TryParse"/> accepts only schemes of the EAS code list that Peppol BIS Billing 3.0 accepts (the
/// <c>eaid</c> list of its schematron; <c>EM</c> e-mail is not among them) and applies every check the Peppol rules
/// make for the scheme, and some more where Tradewind knows the number's own scheme: the GS1 check digit of a GLN
/// (<c>0088</c>, 13 digits), the ABN (<c>0151</c>), the Japanese registration number (<c>0221</c>), Norwegian,
/// Danish, Belgian and Swedish organisation numbers, and the VAT number schemes (<c>99xx</c>, checked with the
/// country's VAT scheme). Other schemes need 1 to 50 visible ASCII characters.
/// </para>
/// <para>The canonical form has no spaces and upper-case letters; Peppol compares identifiers case-insensitively.</para>
/// </remarks>
public readonly record struct PeppolParticipantId(string Scheme, string Identifier)
{
    /// <summary>GS1 Global Location Number.</summary>
    public const string GlnScheme = "0088";

    /// <summary>The EAS codes Peppol BIS Billing 3.0 accepts (3.0.19 schematron, <c>eaid</c>).</summary>
    public static FrozenSet<string> Schemes { get; } = FrozenSet.Create(
        StringComparer.Ordinal,
        "0002", "0007", "0009", "0037", "0060", "0088", "0096", "0097", "0106", "0130", "0135", "0142", "0151", "0177", "0183", "0184",
        "0188", "0190", "0191", "0192", "0193", "0195", "0196", "0198", "0199", "0200", "0201", "0202", "0204", "0208", "0209", "0210",
        "0211", "0212", "0213", "0215", "0216", "0218", "0221", "0230", "0235", "9910", "9913", "9914", "9915", "9918", "9919", "9920",
        "9922", "9923", "9924", "9925", "9926", "9927", "9928", "9929", "9930", "9931", "9932", "9933", "9934", "9935", "9936", "9937",
        "9938", "9939", "9940", "9941", "9942", "9943", "9944", "9945", "9946", "9947", "9948", "9949", "9950", "9951", "9952", "9953",
        "9957", "9959", "0147", "0154", "0158", "0170", "0194", "0203", "0205", "0217", "0225", "0240");

    /// <summary>The VAT number schemes, by the country whose VAT scheme checks the number (identifier with its country prefix).</summary>
    private static readonly FrozenDictionary<string, string> VatSchemeCountries = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["9910"] = "HU",
        ["9914"] = "AT",
        ["9920"] = "ES",
        ["9925"] = "BE",
        ["9926"] = "BG",
        ["9928"] = "CY",
        ["9929"] = "CZ",
        ["9930"] = "DE",
        ["9931"] = "EE",
        ["9932"] = "GB",
        ["9933"] = "GR",
        ["9934"] = "HR",
        ["9935"] = "IE",
        ["9937"] = "LT",
        ["9938"] = "LU",
        ["9939"] = "LV",
        ["9943"] = "MT",
        ["9944"] = "NL",
        ["9945"] = "PL",
        ["9946"] = "PT",
        ["9947"] = "RO",
        ["9949"] = "SI",
        ["9950"] = "SK",
        ["9957"] = "FR",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    public override string ToString() => Scheme + ":" + Identifier;

    /// <summary>Parses <c>scheme:identifier</c> and checks it (see the remarks); the reason says what is wrong.</summary>
    public static bool TryParse(string? input, [NotNullWhen(true)] out PeppolParticipantId? participant, [NotNullWhen(false)] out string? reason)
    {
        participant = null;
        var text = input?.Trim() ?? "";
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0)
        {
            reason = "Give the Peppol participant id as scheme:identifier, e.g. 0088:0614141000012 (a GLN).";
            return false;
        }

        return TryCreate(text[..colon], text[(colon + 1)..], out participant, out reason);
    }

    /// <summary>Checks an identifier in a scheme (see the remarks); the reason says what is wrong.</summary>
    public static bool TryCreate(string? scheme, string? identifier, [NotNullWhen(true)] out PeppolParticipantId? participant, [NotNullWhen(false)] out string? reason)
    {
        participant = null;
        var code = scheme?.Trim() ?? "";
        var id = new string((identifier ?? "").Where(c => !char.IsWhiteSpace(c)).ToArray()).ToUpperInvariant();
        if (!Schemes.Contains(code))
        {
            reason = $"'{code}' is not an electronic address scheme Peppol accepts; use an EAS code such as 0088 (GLN), 0151 (ABN), 0221 (Japan) or 99xx (a VAT number).";
            return false;
        }

        reason = Check(code, id);
        if (reason is not null)
        {
            return false;
        }

        participant = new PeppolParticipantId(code, id);
        return true;
    }

    private static string? Check(string scheme, string id)
    {
        if (id.Length is < 1 or > 50 || id.Any(c => c is < '!' or > '~' || c == ':'))
        {
            return "A participant identifier has 1 to 50 visible characters, without spaces.";
        }

        if (VatSchemeCountries.TryGetValue(scheme, out var country))
        {
            var prefix = country == "GR" ? "EL" : country;
            return id.StartsWith(prefix, StringComparison.Ordinal) && TaxId.Validate(CountryCode.Parse(country), id).IsValid
                ? null
                : $"Scheme {scheme} holds a {country} VAT number with its {prefix} prefix, e.g. {prefix}…, and its check digits must match.";
        }

        return scheme switch
        {
            GlnScheme => Gln.IsValid(id) ? null : "A GLN has 13 digits and its last digit is the GS1 check digit.",
            "0151" => id.Length == 11 && id.All(char.IsAsciiDigit) && TaxId.Validate(CountryCode.Parse("AU"), id).IsValid ? null : "An ABN has 11 digits and a valid check.",
            "0221" => id.Length == 14 && id[0] == 'T' && TaxId.Validate(CountryCode.Parse("JP"), id[1..]).IsValid
                ? null
                : "A Japanese registration number is T and the 13-digit corporate number, whose check digit must match.",
            "0192" => id.Length == 9 && id.All(char.IsAsciiDigit) && NorwegianMod11(id) ? null : "A Norwegian organisation number has 9 digits and a valid check digit.",
            "0184" => (id.Length == 8 && id.All(char.IsAsciiDigit)) || (id.Length == 10 && id.StartsWith("DK", StringComparison.Ordinal) && id[2..].All(char.IsAsciiDigit))
                ? null
                : "A Danish CVR number has 8 digits, optionally after DK.",
            "0208" => id.Length == 10 && id.All(char.IsAsciiDigit) && 97 - (long.Parse(id[..8], System.Globalization.CultureInfo.InvariantCulture) % 97) == long.Parse(id[8..], System.Globalization.CultureInfo.InvariantCulture)
                ? null
                : "A Belgian enterprise number has 10 digits and a valid mod 97 check.",
            "0007" => id.Length == 10 && id.All(char.IsAsciiDigit) && CheckDigits.IsLuhnValid(id) ? null : "A Swedish organisation number has 10 digits and a valid check digit.",
            "9959" => id.Length == 9 && id.All(char.IsAsciiDigit) ? null : "A US EIN has 9 digits.",
            _ => null,
        };
    }

    private static bool NorwegianMod11(string id)
    {
        ReadOnlySpan<int> weights = [3, 2, 7, 6, 5, 4, 3, 2];
        var remainder = 11 - (CheckDigits.WeightedSum(id, weights) % 11);
        var check = remainder == 11 ? 0 : remainder;
        return check != 10 && check == CheckDigits.Digit(id[8]);
    }
}

/// <summary>GS1 Global Location Numbers: 13 digits, the GS1 company prefix, a location reference, and a check digit.</summary>
public static class Gln
{
    /// <summary>Whether <paramref name="value"/> is 13 digits with a matching GS1 check digit.</summary>
    public static bool IsValid(string? value) =>
        value is { Length: 13 } && value.All(char.IsAsciiDigit) && CheckDigit(value.AsSpan(0, 12)) == value[12] - '0';

    /// <summary>The GS1 check digit of the first digits of a key: weights 3 and 1 alternating from the right.</summary>
    public static int CheckDigit(ReadOnlySpan<char> digits)
    {
        var sum = 0;
        for (var i = 0; i < digits.Length; i++)
        {
            var fromRight = digits.Length - 1 - i;
            sum += (digits[i] - '0') * (fromRight % 2 == 0 ? 3 : 1);
        }

        return (10 - (sum % 10)) % 10;
    }

    /// <summary>
    /// The GLN with location reference <paramref name="locationReference"/> under a GS1 company prefix (6 to 12 digits),
    /// or <c>null</c> when the number does not fit in the digits the prefix leaves.
    /// </summary>
    public static string? Create(string companyPrefix, long locationReference)
    {
        ArgumentNullException.ThrowIfNull(companyPrefix);
        if (companyPrefix.Length is < 6 or > 12 || !companyPrefix.All(char.IsAsciiDigit) || locationReference < 0)
        {
            return null;
        }

        var width = 12 - companyPrefix.Length;
        var reference = locationReference.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (reference.Length > width)
        {
            return null;
        }

        var twelve = companyPrefix + reference.PadLeft(width, '0');
        return twelve + CheckDigit(twelve).ToString(System.Globalization.CultureInfo.InvariantCulture);
    }
}
