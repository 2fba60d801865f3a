using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Tradewind.Primitives.Geography;

namespace Tradewind.Primitives.Banking;

/// <summary>
/// A SEPA creditor identifier (EPC262-08), for example "DE98ZZZ09999999999": the id a creditor's direct debits and
/// mandates carry.
/// </summary>
/// <remarks>
/// <para>
/// Invariants: upper-case ASCII letters and digits, 8 to 35 characters: an ISO 3166-1 country code (positions 1–2),
/// two check digits (3–4), a three-character creditor business code (5–7, "ZZZ" when unused) and the national
/// identifier (8 on, 1 to 28 characters). The check digits are ISO 7064 MOD 97-10 over the national identifier, the
/// country code and "00" (letters read A=10 … Z=35), as 98 minus the remainder; the business code takes no part in
/// the check, so a creditor may change it without a new identifier.
/// </para>
/// <para>
/// Parsing removes spaces and upper-cases. Equality is ordinal on the compact form. <c>default(SepaCreditorId)</c>
/// holds no identifier; its members throw.
/// </para>
/// </remarks>
public readonly record struct SepaCreditorId
{
    private readonly string? _value;

    private SepaCreditorId(string value) => _value = value;

    public string Value => _value ?? throw new InvalidOperationException(
        "This SepaCreditorId is default(SepaCreditorId) and holds no identifier; use SepaCreditorId.Parse.");

    /// <summary>The country, positions 1–2.</summary>
    public string CountryPrefix => Value[..2];

    /// <summary>The creditor business code, positions 5–7 ("ZZZ" when the creditor uses none).</summary>
    public string BusinessCode => Value.Substring(4, 3);

    /// <summary>The national identifier, position 8 on.</summary>
    public string NationalId => Value[7..];

    /// <summary>Builds the identifier for <paramref name="nationalId"/> in <paramref name="country"/>, computing its check digits.</summary>
    /// <exception cref="FormatException">The parts cannot form an identifier.</exception>
    public static SepaCreditorId Create(string country, string nationalId, string businessCode = "ZZZ")
    {
        ArgumentNullException.ThrowIfNull(country);
        ArgumentNullException.ThrowIfNull(nationalId);
        ArgumentNullException.ThrowIfNull(businessCode);
        var national = BankInput.Compact(nationalId, removeDashes: false);
        var prefix = country.Trim().ToUpperInvariant();
        return Parse(prefix + CheckDigits(prefix, national) + businessCode.Trim().ToUpperInvariant() + national);
    }

    /// <summary>Checks text as a creditor identifier; never throws.</summary>
    public static BankDetailsCheck Validate(string? value)
    {
        var reason = Check(value, out var normalized);
        return reason is null ? BankDetailsCheck.Pass(normalized) : BankDetailsCheck.Fail(normalized, reason);
    }

    /// <exception cref="FormatException">Not a valid creditor identifier; the message says why.</exception>
    public static SepaCreditorId Parse(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var reason = Check(value, out var normalized);
        return reason is null ? new SepaCreditorId(normalized) : throw new FormatException(reason);
    }

    public static bool TryParse([NotNullWhen(true)] string? value, out SepaCreditorId creditorId)
    {
        var reason = Check(value, out var normalized);
        creditorId = reason is null ? new SepaCreditorId(normalized) : default;
        return reason is null;
    }

    public override string ToString() => _value ?? string.Empty;

    private static string CheckDigits(string country, string nationalId) =>
        (98 - Iban.Mod97(nationalId + country + "00")).ToString("00", CultureInfo.InvariantCulture);

    private static string? Check(string? input, out string normalized)
    {
        normalized = input is null ? string.Empty : BankInput.Compact(input, removeDashes: false);
        var value = normalized;
        if (value.Length is < 8 or > 35)
        {
            return "A SEPA creditor identifier has 8 to 35 characters: country, check digits, business code and national id, e.g. DE98ZZZ09999999999.";
        }

        if (!value.All(char.IsAsciiLetterOrDigit))
        {
            return "A SEPA creditor identifier holds only letters and digits.";
        }

        if (!CountryCode.TryParse(value[..2], out _))
        {
            return $"'{value[..2]}' is not an ISO 3166-1 country code.";
        }

        if (!char.IsAsciiDigit(value[2]) || !char.IsAsciiDigit(value[3]))
        {
            return "Characters 3 and 4 of a SEPA creditor identifier are check digits.";
        }

        if (!string.Equals(value.Substring(2, 2), CheckDigits(value[..2], value[7..]), StringComparison.Ordinal))
        {
            return "The check digits do not match (ISO 7064 MOD 97-10 over the national id and country).";
        }

        return null;
    }
}
