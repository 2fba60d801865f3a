using System.Diagnostics.CodeAnalysis;

namespace Tradewind.Primitives.Banking;

/// <summary>
/// A UK bank sort code, which names the bank branch of a UK account, for example "60-16-13".
/// </summary>
/// <remarks>
/// <para>
/// Invariant: six ASCII digits. Parsing removes spaces and dashes, so "60-16-13", "60 16 13" and "601613"
/// are the same sort code; <see cref="ToString"/> gives the six digits and <see cref="ToPrintString"/>
/// the customary "60-16-13".
/// </para>
/// <para>
/// There is no arithmetic check on a sort code alone. The account number is checked against the sort
/// code by Vocalink's modulus-checking rules, which need Vocalink's weight table (updated several times a
/// year); they are not run here, so a wrong account number under a real sort code is caught only by the bank.
/// </para>
/// <para>Equality is ordinal. <c>default(UkSortCode)</c> holds no code; its members throw.</para>
/// </remarks>
public readonly record struct UkSortCode
{
    private readonly string? _value;

    private UkSortCode(string value) => _value = value;

    public string Value => _value ?? throw new InvalidOperationException(
        "This UkSortCode is default and holds no code; use UkSortCode.Parse.");

    public static BankDetailsCheck Validate(string? value)
    {
        var reason = Check(value, out var normalized);
        return reason is null ? BankDetailsCheck.Pass(normalized) : BankDetailsCheck.Fail(normalized, reason);
    }

    /// <exception cref="FormatException">Not six digits; the message says why.</exception>
    public static UkSortCode Parse(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var reason = Check(value, out var normalized);
        return reason is null ? new UkSortCode(normalized) : throw new FormatException(reason);
    }

    public static bool TryParse([NotNullWhen(true)] string? value, out UkSortCode sortCode)
    {
        var reason = Check(value, out var normalized);
        sortCode = reason is null ? new UkSortCode(normalized) : default;
        return reason is null;
    }

    /// <summary>The six digits, for example "601613"; empty for the default value.</summary>
    public override string ToString() => _value ?? string.Empty;

    /// <summary>Pairs separated by dashes, for example "60-16-13".</summary>
    public string ToPrintString() => $"{Value[..2]}-{Value[2..4]}-{Value[4..]}";

    private static string? Check(string? input, out string normalized)
    {
        normalized = input is null ? string.Empty : BankInput.Compact(input, removeDashes: true);
        return BankInput.ExpectDigits(normalized, 6, "A UK sort code");
    }
}
