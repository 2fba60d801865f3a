using System.Diagnostics.CodeAnalysis;
using System.Text;
using Tradewind.Primitives.Geography;

namespace Tradewind.Primitives.Banking;

/// <summary>
/// An International Bank Account Number (ISO 13616), for example "DE89370400440532013000".
/// </summary>
/// <remarks>
/// <para>
/// Invariants: the value is in electronic format (upper-case ASCII letters and digits, no spaces); its
/// first two letters are a prefix in <see cref="IbanRegistry"/>; its length and every BBAN character match
/// that country's registered structure; characters 3–4 are check digits from 02 to 98; and the whole
/// passes ISO 7064 MOD 97-10 (move the first four characters to the end, read A=10 … Z=35, the number
/// mod 97 is 1). Where a country's BBAN carries national check digits that we verify (Spain), they match.
/// </para>
/// <para>
/// Parsing accepts what people paste: spaces and line breaks anywhere (the print format
/// "DE89 3704 0044 0532 0130 00"), lower case, and the paper-format label "IBAN" in front.
/// <see cref="Validate"/> explains a refusal in one sentence; <see cref="Parse"/> throws that sentence.
/// </para>
/// <para>
/// MOD 97-10 detects every substitution of a digit by another digit or a letter by another letter, and
/// every swap of two neighbouring digits or two neighbouring letters. It does not detect every letter-for-digit substitution: where the
/// BBAN structure allows either (<c>c</c> positions) such a slip can keep the remainder at 1.
/// </para>
/// <para>
/// Equality is ordinal on the electronic format. <c>default(Iban)</c> holds no number: its members throw
/// <see cref="InvalidOperationException"/> and <see cref="ToString"/> returns an empty string.
/// </para>
/// </remarks>
public readonly record struct Iban
{
    private const string PaperLabel = "IBAN";

    private readonly string? _value;

    private Iban(string value) => _value = value;

    /// <summary>The IBAN in electronic format.</summary>
    public string Value => _value ?? throw new InvalidOperationException(
        "This Iban is default(Iban) and holds no number; use Iban.Parse.");

    /// <summary>The first two letters, for example "DE". Kosovo's IBANs use "XK", which is not ISO 3166-1.</summary>
    public string CountryPrefix => Value[..2];

    /// <summary>The country of the prefix; null only for Kosovo ("XK"), which ISO 3166-1 does not list.</summary>
    public CountryCode? Country => CountryCode.TryParse(CountryPrefix, out var code) ? code : null;

    /// <summary>Characters 3 and 4, for example "89".</summary>
    public string CheckDigits => Value.Substring(2, 2);

    /// <summary>The Basic Bank Account Number: everything after the check digits.</summary>
    public string Bban => Value[4..];

    /// <summary>The last four characters, for showing an account without exposing it ("…3000").</summary>
    public string Last4 => Value[^4..];

    /// <summary>False for national formats that SWIFT's IBAN registry does not list (see <see cref="IbanRegistry"/>).</summary>
    public bool IsInSwiftRegistry => Format.InSwiftRegistry;

    /// <summary>
    /// True for a Swiss or Liechtenstein QR-IBAN: institution id (characters 5–9) from 30000 to 31999.
    /// SIX's QR-bill implementation guidelines reserve these for incoming QR-bill payments that carry a
    /// QR reference, so a plain credit transfer to one is rejected.
    /// </summary>
    public bool IsSwissQrIban =>
        CountryPrefix is "CH" or "LI" && string.CompareOrdinal(Value, 4, "30000", 0, 5) >= 0
        && string.CompareOrdinal(Value, 4, "31999", 0, 5) <= 0;

    /// <summary>The format of this IBAN's country.</summary>
    public IbanCountryFormat Format => IbanRegistry.TryGetFormat(CountryPrefix, out var format)
        ? format
        : throw new InvalidOperationException("An Iban always has a registered prefix.");

    /// <summary>Checks text as an IBAN; never throws.</summary>
    public static BankDetailsCheck Validate(string? value)
    {
        var reason = Check(value, out var normalized);
        return reason is null ? BankDetailsCheck.Pass(normalized) : BankDetailsCheck.Fail(normalized, reason);
    }

    /// <exception cref="FormatException">Not a valid IBAN; the message says why.</exception>
    public static Iban Parse(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var reason = Check(value, out var normalized);
        return reason is null ? new Iban(normalized) : throw new FormatException(reason);
    }

    public static bool TryParse([NotNullWhen(true)] string? value, out Iban iban)
    {
        var reason = Check(value, out var normalized);
        iban = reason is null ? new Iban(normalized) : default;
        return reason is null;
    }

    /// <summary>The electronic format, for example "DE89370400440532013000"; empty for <c>default(Iban)</c>.</summary>
    public override string ToString() => _value ?? string.Empty;

    /// <summary>The print format: groups of four separated by single spaces, for example "DE89 3704 0044 0532 0130 00".</summary>
    public string ToPrintString()
    {
        var value = Value;
        var builder = new StringBuilder(value.Length + (value.Length / 4));
        for (var i = 0; i < value.Length; i++)
        {
            if (i > 0 && i % 4 == 0)
            {
                builder.Append(' ');
            }

            builder.Append(value[i]);
        }

        return builder.ToString();
    }

    /// <summary>The two check digits that make <paramref name="prefix"/> + digits + <paramref name="bban"/> pass MOD 97-10.</summary>
    internal static string ComputeCheckDigits(string prefix, string bban)
    {
        var remainder = Mod97(bban + prefix + "00");
        return (98 - remainder).ToString("00", System.Globalization.CultureInfo.InvariantCulture);
    }

    private static string? Check(string? input, out string normalized)
    {
        normalized = input is null ? string.Empty : BankInput.Compact(input, removeDashes: false);
        if (normalized.StartsWith(PaperLabel, StringComparison.Ordinal) && normalized.Length > PaperLabel.Length + 2)
        {
            normalized = normalized[PaperLabel.Length..];
        }

        var value = normalized;
        if (value.Length == 0)
        {
            return "No IBAN was given.";
        }

        if (!BankInput.AllLettersOrDigits(value))
        {
            return $"An IBAN contains only letters and digits; this one contains {BankInput.FirstForeign(value)}.";
        }

        if (value.Length < 2 || !BankInput.AllLetters(value.AsSpan(0, 2)))
        {
            return $"An IBAN starts with a two-letter country code; this one starts with '{value[..Math.Min(2, value.Length)]}'.";
        }

        var prefix = value[..2];
        if (!IbanRegistry.TryGetFormat(prefix, out var format))
        {
            return IbanRegistry.TryGetParentOfTerritory(prefix, out var parent)
                ? $"{prefix} is not a country that uses IBAN; accounts there have IBANs starting with {parent.Prefix}."
                : $"{prefix} is not a country that uses IBAN.";
        }

        if (value.Length < 4 || !BankInput.AllDigits(value.AsSpan(2, 2)))
        {
            return $"Characters 3 and 4 of an IBAN are check digits; this one has '{value[2..Math.Min(4, value.Length)]}'.";
        }

        if (value.Length != format.Length)
        {
            return $"An IBAN from {format.Name} has {BankInput.Count(format.Length)} characters; this one has {BankInput.Count(value.Length)}.";
        }

        for (var i = 4; i < value.Length; i++)
        {
            var kind = format.KindAt(i - 4);
            if (!IbanCountryFormat.Accepts(kind, value[i]))
            {
                return $"Character {BankInput.Count(i + 1)} of an IBAN from {format.Name} must be {IbanCountryFormat.Describe(kind)}; "
                    + $"this one has '{value[i]}' (BBAN structure {format.BbanStructure}).";
            }
        }

        // ISO 13616-1: check digits are 98 minus a remainder from 0 to 96, so 00, 01 and 99 are never issued,
        // even though 00 and 97 (or 01 and 98) leave the same remainder.
        var checkDigits = value.AsSpan(2, 2);
        if (checkDigits is "00" or "01" or "99")
        {
            return $"IBAN check digits run from 02 to 98; this one has {checkDigits}.";
        }

        if (Mod97(value[4..] + value[..4]) != 1)
        {
            return "The check digits do not match (ISO 7064 MOD 97-10).";
        }

        return NationalCheck(prefix, value[4..]);
    }

    // Spain: the BBAN's two "dígitos de control" (positions 9–10) guard bank+branch and the account
    // number, each as 11 minus a weighted sum mod 11 (weights 1,2,4,8,5,10,9,7,3,6; 11→0, 10→1).
    // It is the only national check enforced: it is unambiguous and catches numbers MOD 97 accepts.
    private static string? NationalCheck(string prefix, string bban)
    {
        if (!string.Equals(prefix, "ES", StringComparison.Ordinal))
        {
            return null;
        }

        var expectedFirst = SpanishControlDigit("00" + bban[..8]);
        var expectedSecond = SpanishControlDigit(bban[10..]);
        return bban[8] - '0' == expectedFirst && bban[9] - '0' == expectedSecond
            ? null
            : "The Spanish control digits (characters 13 and 14) do not match the bank, branch and account number.";
    }

    private static int SpanishControlDigit(string tenDigits)
    {
        ReadOnlySpan<int> weights = [1, 2, 4, 8, 5, 10, 9, 7, 3, 6];
        var digit = 11 - (BankInput.WeightedSum(tenDigits, weights) % 11);
        return digit switch
        {
            11 => 0,
            10 => 1,
            _ => digit,
        };
    }

    internal static int Mod97(string rearranged)
    {
        var remainder = 0;
        foreach (var c in rearranged)
        {
            remainder = char.IsAsciiDigit(c)
                ? ((remainder * 10) + (c - '0')) % 97
                : ((remainder * 100) + (c - 'A' + 10)) % 97;
        }

        return remainder;
    }
}
