using System.Diagnostics.CodeAnalysis;

namespace Tradewind.Primitives.Banking;

/// <summary>
/// An Indian Financial System Code, which names the bank branch of an Indian account for NEFT, RTGS and
/// IMPS, for example "HDFC0000001".
/// </summary>
/// <remarks>
/// <para>
/// Invariant (Reserve Bank of India format): 11 characters: a 4-letter bank code, the digit 0 (reserved
/// for future use), and a 6-character branch code of letters or digits. There is no check digit; whether
/// the branch exists is in the RBI's IFSC list, which Tradewind does not load.
/// </para>
/// <para>
/// Parsing removes spaces and upper-cases. Equality is ordinal. <c>default(Ifsc)</c> holds no code; its
/// members throw.
/// </para>
/// </remarks>
public readonly record struct Ifsc
{
    private readonly string? _value;

    private Ifsc(string value) => _value = value;

    public string Value => _value ?? throw new InvalidOperationException(
        "This Ifsc is default and holds no code; use Ifsc.Parse.");

    /// <summary>The 4-letter bank code, for example "HDFC".</summary>
    public string BankCode => Value[..4];

    /// <summary>The 6-character branch code, for example "000001".</summary>
    public string BranchCode => Value[5..];

    public static BankDetailsCheck Validate(string? value)
    {
        var reason = Check(value, out var normalized);
        return reason is null ? BankDetailsCheck.Pass(normalized) : BankDetailsCheck.Fail(normalized, reason);
    }

    /// <exception cref="FormatException">Not an IFSC; the message says why.</exception>
    public static Ifsc Parse(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var reason = Check(value, out var normalized);
        return reason is null ? new Ifsc(normalized) : throw new FormatException(reason);
    }

    public static bool TryParse([NotNullWhen(true)] string? value, out Ifsc ifsc)
    {
        var reason = Check(value, out var normalized);
        ifsc = reason is null ? new Ifsc(normalized) : default;
        return reason is null;
    }

    /// <summary>The 11 characters; empty for the default value.</summary>
    public override string ToString() => _value ?? string.Empty;

    private static string? Check(string? input, out string normalized)
    {
        normalized = input is null ? string.Empty : BankInput.Compact(input, removeDashes: false);
        var value = normalized;
        if (value.Length == 0)
        {
            return "No IFSC was given.";
        }

        if (!BankInput.AllLettersOrDigits(value))
        {
            return $"An IFSC contains only letters and digits; this one contains {BankInput.FirstForeign(value)}.";
        }

        if (value.Length != 11)
        {
            return $"An IFSC has 11 characters; this one has {BankInput.Count(value.Length)}.";
        }

        if (!BankInput.AllLetters(value.AsSpan(0, 4)))
        {
            return $"An IFSC starts with a 4-letter bank code; this one starts with '{value[..4]}'.";
        }

        return value[4] == '0'
            ? null
            : $"The fifth character of an IFSC is always 0; this one has '{value[4]}'.";
    }
}
