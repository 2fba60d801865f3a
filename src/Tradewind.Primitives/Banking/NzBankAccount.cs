using System.Diagnostics.CodeAnalysis;

namespace Tradewind.Primitives.Banking;

/// <summary>
/// A New Zealand bank account number: bank, branch, account base and suffix, for example "01-0242-0100194-000".
/// </summary>
/// <remarks>
/// <para>
/// Invariants: 16 ASCII digits: a 2-digit bank, a 4-digit branch, a 7-digit account base and a 3-digit
/// suffix. The bank is one Inland Revenue's check-digit table knows, and the number passes that bank's
/// weighted check (IRD "RWT and NRWT certificate filing options", algorithms A, B, D, E, F and G, with the
/// 7-digit account base python-stdnum's <c>nz/bankaccount</c> uses). Bank 31 (Citibank) has no published
/// check and passes on format alone. Whether the branch exists is in the Payments NZ register, which
/// Tradewind does not load.
/// </para>
/// <para>
/// Parsing accepts the four parts separated by dashes or spaces, each zero-padded to its width
/// ("01-902-68389-00" is "01-0902-0068389-000"), or the digits run together with a 2- or 3-digit suffix.
/// <see cref="ToString"/> gives the 16 digits and <see cref="ToPrintString"/> "01-0242-0100194-000".
/// Equality is ordinal. <c>default(NzBankAccount)</c> holds no number; its members throw.
/// </para>
/// </remarks>
public readonly record struct NzBankAccount
{
    private static readonly int[] PartWidths = [2, 4, 7, 3];

    private readonly string? _value;

    private NzBankAccount(string value) => _value = value;

    public string Value => _value ?? throw new InvalidOperationException(
        "This NzBankAccount is default and holds no number; use NzBankAccount.Parse.");

    public string BankCode => Value[..2];

    public string BranchCode => Value.Substring(2, 4);

    public string AccountBase => Value.Substring(6, 7);

    public string Suffix => Value[13..];

    public static BankDetailsCheck Validate(string? value)
    {
        var reason = Check(value, out var normalized);
        return reason is null ? BankDetailsCheck.Pass(normalized) : BankDetailsCheck.Fail(normalized, reason);
    }

    /// <exception cref="FormatException">Not a valid New Zealand account number; the message says why.</exception>
    public static NzBankAccount Parse(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var reason = Check(value, out var normalized);
        return reason is null ? new NzBankAccount(normalized) : throw new FormatException(reason);
    }

    public static bool TryParse([NotNullWhen(true)] string? value, out NzBankAccount account)
    {
        var reason = Check(value, out var normalized);
        account = reason is null ? new NzBankAccount(normalized) : default;
        return reason is null;
    }

    /// <summary>The 16 digits; empty for the default value.</summary>
    public override string ToString() => _value ?? string.Empty;

    /// <summary>Bank-branch-base-suffix, for example "01-0242-0100194-000".</summary>
    public string ToPrintString() => $"{BankCode}-{BranchCode}-{AccountBase}-{Suffix}";

    private static string? Check(string? input, out string normalized)
    {
        normalized = input is null ? string.Empty : Compact(input);
        if (BankInput.ExpectDigits(normalized, 16, "A New Zealand bank account number") is { } reason)
        {
            return reason;
        }

        if (AlgorithmFor(normalized[..2]) is not { } algorithm)
        {
            return $"{normalized[..2]} is not a New Zealand bank code.";
        }

        return Checksum(normalized, algorithm) == 0
            ? null
            : "The check digits of this New Zealand bank account number do not match (IRD algorithm "
                + (algorithm == 'A' && IsHighAccountBase(normalized) ? 'B' : algorithm) + ").";
    }

    private static string Compact(string input)
    {
        var parts = input.Split([' ', '-', '\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\t'], StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length == 4)
        {
            return string.Concat(parts.Select((part, i) => part.PadLeft(PartWidths[i], '0')));
        }

        var digits = string.Concat(parts);
        return digits.Length is >= 13 and < 16 ? digits[..13] + digits[13..].PadLeft(3, '0') : digits;
    }

    // The IRD table: which check each bank's numbers use. Banks it does not list are not accepted.
    private static char? AlgorithmFor(string bank) => bank switch
    {
        "01" or "02" or "03" or "04" or "06" or "10" or "11" or "12" or "13" or "14" or "15" or "16" or "17"
            or "18" or "19" or "20" or "21" or "22" or "23" or "24" or "27" or "30" or "35" or "38" => 'A',
        "08" => 'D',
        "09" => 'E',
        "25" or "33" => 'F',
        "26" or "28" or "29" => 'G',
        "31" => 'X',
        _ => null,
    };

    private static bool IsHighAccountBase(string number) => string.CompareOrdinal(number, 6, "0990000", 0, 7) >= 0;

    private static int Checksum(string number, char algorithm)
    {
        if (algorithm == 'A' && IsHighAccountBase(number))
        {
            algorithm = 'B';
        }

        ReadOnlySpan<int> weights = algorithm switch
        {
            'A' => [0, 0, 6, 3, 7, 9, 0, 10, 5, 8, 4, 2, 1, 0, 0, 0],
            'B' => [0, 0, 0, 0, 0, 0, 0, 10, 5, 8, 4, 2, 1, 0, 0, 0],
            'D' => [0, 0, 0, 0, 0, 0, 7, 6, 5, 4, 3, 2, 1, 0, 0, 0],
            'E' => [0, 0, 0, 0, 0, 0, 0, 0, 0, 5, 4, 3, 2, 0, 0, 1],
            'F' => [0, 0, 0, 0, 0, 0, 1, 7, 3, 1, 7, 3, 1, 0, 0, 0],
            'G' => [0, 0, 0, 0, 0, 0, 1, 3, 7, 1, 3, 7, 1, 3, 7, 1],
            _ => [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0],
        };

        // E and G fold each product to a single figure (mod 9) before summing; F and G sum mod 10, the rest mod 11.
        var (productModulus, sumModulus) = algorithm switch
        {
            'E' => (9, 11),
            'F' => (10, 10),
            'G' => (9, 10),
            'X' => (1, 1),
            _ => (11, 11),
        };

        var sum = 0;
        for (var i = 0; i < 16; i++)
        {
            var product = weights[i] * (number[i] - '0');
            sum += product > productModulus ? product % productModulus : product;
        }

        return sum % sumModulus;
    }
}
