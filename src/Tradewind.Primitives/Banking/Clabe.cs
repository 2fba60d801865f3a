using System.Diagnostics.CodeAnalysis;

namespace Tradewind.Primitives.Banking;

/// <summary>
/// A Mexican CLABE (Clave Bancaria Estandarizada), the 18-digit account number SPEI transfers use, for
/// example "032180000118359719".
/// </summary>
/// <remarks>
/// <para>
/// Invariants (Banco de México / ABM standard): 18 ASCII digits: a 3-digit bank code, a 3-digit plaza
/// (city) code, an 11-digit account number and a check digit. The check digit is
/// (10 − (Σ (digit × weight) mod 10, each product taken mod 10) mod 10) mod 10 over the first 17
/// digits with weights 3, 7, 1 repeating. Whether the bank code is a SPEI participant is not checked.
/// </para>
/// <para>
/// Parsing removes spaces and dashes. Equality is ordinal. <c>default(Clabe)</c> holds no number; its
/// members throw.
/// </para>
/// </remarks>
public readonly record struct Clabe
{
    private readonly string? _value;

    private Clabe(string value) => _value = value;

    public string Value => _value ?? throw new InvalidOperationException(
        "This Clabe is default and holds no number; use Clabe.Parse.");

    /// <summary>The 3-digit bank code, for example "032".</summary>
    public string BankCode => Value[..3];

    /// <summary>The 3-digit plaza (city) code.</summary>
    public string PlazaCode => Value.Substring(3, 3);

    /// <summary>The 11-digit account number within the bank.</summary>
    public string AccountNumber => Value.Substring(6, 11);

    public static BankDetailsCheck Validate(string? value)
    {
        var reason = Check(value, out var normalized);
        return reason is null ? BankDetailsCheck.Pass(normalized) : BankDetailsCheck.Fail(normalized, reason);
    }

    /// <exception cref="FormatException">Not a valid CLABE; the message says why.</exception>
    public static Clabe Parse(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var reason = Check(value, out var normalized);
        return reason is null ? new Clabe(normalized) : throw new FormatException(reason);
    }

    public static bool TryParse([NotNullWhen(true)] string? value, out Clabe clabe)
    {
        var reason = Check(value, out var normalized);
        clabe = reason is null ? new Clabe(normalized) : default;
        return reason is null;
    }

    /// <summary>The 18 digits; empty for the default value.</summary>
    public override string ToString() => _value ?? string.Empty;

    internal static int ComputeCheckDigit(ReadOnlySpan<char> first17)
    {
        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            var weight = (i % 3) switch
            {
                0 => 3,
                1 => 7,
                _ => 1,
            };
            sum += (first17[i] - '0') * weight % 10;
        }

        return (10 - (sum % 10)) % 10;
    }

    private static string? Check(string? input, out string normalized)
    {
        normalized = input is null ? string.Empty : BankInput.Compact(input, removeDashes: true);
        if (BankInput.ExpectDigits(normalized, 18, "A CLABE") is { } reason)
        {
            return reason;
        }

        return ComputeCheckDigit(normalized) == normalized[17] - '0'
            ? null
            : "The check digit of this CLABE does not match (weights 3, 7, 1, mod 10).";
    }
}
