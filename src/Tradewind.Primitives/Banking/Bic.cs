using System.Diagnostics.CodeAnalysis;
using Tradewind.Primitives.Geography;

namespace Tradewind.Primitives.Banking;

/// <summary>
/// A Business Identifier Code (ISO 9362, "SWIFT code"), for example "DEUTDEFF" or "NWBKGB2LXXX".
/// </summary>
/// <remarks>
/// <para>
/// Invariants: 8 or 11 upper-case ASCII characters: a 4-character party prefix (institution code), a
/// 2-letter country code, a 2-character party suffix (location code) and, for 11 characters, a
/// 3-character branch code. Since ISO 9362:2014 the party prefix may hold digits as well as letters
/// (SWIFT still issues letters, but the standard allows both), so digits are accepted there;
/// location and branch are letters or digits. The country is an ISO 3166-1 code
/// (see <see cref="CountryCode"/>), with one exception: Kosovo's BICs use "XK", as its IBANs do.
/// </para>
/// <para>
/// An 8-character BIC names an institution's primary office, as does the branch code "XXX"; the two
/// spellings are kept as given, so "DEUTDEFF" and "DEUTDEFFXXX" are different values. Compare
/// <see cref="Institution8"/> to ask whether two BICs name the same institution and location.
/// Parsing removes spaces and upper-cases. <c>default(Bic)</c> holds no code; its members throw.
/// </para>
/// </remarks>
public readonly record struct Bic
{
    private readonly string? _value;

    private Bic(string value) => _value = value;

    public string Value => _value ?? throw new InvalidOperationException(
        "This Bic is default(Bic) and holds no code; use Bic.Parse.");

    /// <summary>The party prefix, characters 1–4, for example "DEUT".</summary>
    public string InstitutionCode => Value[..4];

    /// <summary>Characters 5–6 as written, for example "DE"; "XK" for Kosovo.</summary>
    public string CountryPrefix => Value.Substring(4, 2);

    /// <summary>The ISO 3166-1 country; null only for Kosovo ("XK").</summary>
    public CountryCode? Country => CountryCode.TryParse(CountryPrefix, out var code) ? code : null;

    /// <summary>The party suffix, characters 7–8, for example "FF".</summary>
    public string LocationCode => Value.Substring(6, 2);

    /// <summary>The branch code, characters 9–11, or null for an 8-character BIC.</summary>
    public string? BranchCode => Value.Length == 11 ? Value[8..] : null;

    /// <summary>The first eight characters: institution, country and location.</summary>
    public string Institution8 => Value[..8];

    /// <summary>True when the second location character is '0', which SWIFT reserves for test and training BICs.</summary>
    public bool IsTestBic => Value[7] == '0';

    public static BankDetailsCheck Validate(string? value)
    {
        var reason = Check(value, out var normalized);
        return reason is null ? BankDetailsCheck.Pass(normalized) : BankDetailsCheck.Fail(normalized, reason);
    }

    /// <exception cref="FormatException">Not a valid BIC; the message says why.</exception>
    public static Bic Parse(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var reason = Check(value, out var normalized);
        return reason is null ? new Bic(normalized) : throw new FormatException(reason);
    }

    public static bool TryParse([NotNullWhen(true)] string? value, out Bic bic)
    {
        var reason = Check(value, out var normalized);
        bic = reason is null ? new Bic(normalized) : default;
        return reason is null;
    }

    /// <summary>The BIC as 8 or 11 characters; empty for <c>default(Bic)</c>.</summary>
    public override string ToString() => _value ?? string.Empty;

    private static string? Check(string? input, out string normalized)
    {
        normalized = input is null ? string.Empty : BankInput.Compact(input, removeDashes: false);
        var value = normalized;
        if (value.Length == 0)
        {
            return "No BIC was given.";
        }

        if (!BankInput.AllLettersOrDigits(value))
        {
            return $"A BIC contains only letters and digits; this one contains {BankInput.FirstForeign(value)}.";
        }

        if (value.Length is not (8 or 11))
        {
            return $"A BIC has 8 or 11 characters; this one has {BankInput.Count(value.Length)}.";
        }

        var country = value.Substring(4, 2);
        if (!BankInput.AllLetters(country))
        {
            return $"Characters 5 and 6 of a BIC are a country code; this one has '{country}'.";
        }

        if (!CountryCode.TryParse(country, out _) && country != "XK")
        {
            return $"{country} in characters 5 and 6 of this BIC is not an ISO 3166 country code.";
        }

        return null;
    }
}
