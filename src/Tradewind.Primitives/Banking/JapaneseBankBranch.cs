using System.Diagnostics.CodeAnalysis;

namespace Tradewind.Primitives.Banking;

/// <summary>
/// A Japanese bank and branch, as the Zengin system numbers them, for example "0001-001"
/// (Mizuho Bank, Tokyo head office).
/// </summary>
/// <remarks>
/// <para>
/// Invariant: a 4-digit financial institution code followed by a 3-digit branch code, seven ASCII digits
/// in all. Parsing removes spaces and dashes, so "0001-001" and "0001001" are the same; a dash, if any,
/// must sit between the bank and branch parts. <see cref="ToString"/> gives the seven digits and
/// <see cref="ToPrintString"/> "0001-001". There is no check digit; whether the code is open is in the
/// Zengin-Net code file, which Tradewind does not load.
/// </para>
/// <para>Equality is ordinal. <c>default(JapaneseBankBranch)</c> holds no code; its members throw.</para>
/// </remarks>
public readonly record struct JapaneseBankBranch
{
    private readonly string? _value;

    private JapaneseBankBranch(string value) => _value = value;

    public string Value => _value ?? throw new InvalidOperationException(
        "This JapaneseBankBranch is default and holds no code; use JapaneseBankBranch.Parse.");

    /// <summary>The 4-digit financial institution code, for example "0001".</summary>
    public string BankCode => Value[..4];

    /// <summary>The 3-digit branch code, for example "001".</summary>
    public string BranchCode => Value[4..];

    public static BankDetailsCheck Validate(string? value)
    {
        var reason = Check(value, out var normalized);
        return reason is null ? BankDetailsCheck.Pass(normalized) : BankDetailsCheck.Fail(normalized, reason);
    }

    /// <exception cref="FormatException">Not a 4-digit bank and 3-digit branch code; the message says why.</exception>
    public static JapaneseBankBranch Parse(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var reason = Check(value, out var normalized);
        return reason is null ? new JapaneseBankBranch(normalized) : throw new FormatException(reason);
    }

    public static bool TryParse([NotNullWhen(true)] string? value, out JapaneseBankBranch bankBranch)
    {
        var reason = Check(value, out var normalized);
        bankBranch = reason is null ? new JapaneseBankBranch(normalized) : default;
        return reason is null;
    }

    /// <summary>The seven digits, for example "0001001"; empty for the default value.</summary>
    public override string ToString() => _value ?? string.Empty;

    /// <summary>Bank code, dash, branch code: "0001-001".</summary>
    public string ToPrintString() => $"{BankCode}-{BranchCode}";

    private static string? Check(string? input, out string normalized)
    {
        var spaced = input is null ? string.Empty : BankInput.Compact(input, removeDashes: false);
        normalized = spaced.Replace("-", string.Empty, StringComparison.Ordinal);
        var dash = spaced.IndexOf('-', StringComparison.Ordinal);
        if (dash >= 0 && (dash != 4 || spaced.LastIndexOf('-') != 4))
        {
            return "A Japanese bank and branch code is written as 4 digits for the bank, a dash and 3 digits for the branch, for example 0001-001.";
        }

        return BankInput.ExpectDigits(normalized, 7, "A Japanese bank and branch code");
    }
}
