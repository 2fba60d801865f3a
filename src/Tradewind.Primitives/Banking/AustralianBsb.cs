using System.Diagnostics.CodeAnalysis;

namespace Tradewind.Primitives.Banking;

/// <summary>
/// An Australian Bank-State-Branch number, which names the branch of an Australian account, for example "062-000".
/// </summary>
/// <remarks>
/// <para>
/// Invariant: six ASCII digits (AusPayNet BSB: the first two or three name the institution, the third
/// the state, the rest the branch). There is no check digit. Parsing removes spaces and dashes;
/// <see cref="ToString"/> gives the six digits and <see cref="ToPrintString"/> the customary "062-000".
/// Whether a BSB is currently open is in AusPayNet's BSB file, which Tradewind does not load.
/// </para>
/// <para>Equality is ordinal. <c>default(AustralianBsb)</c> holds no number; its members throw.</para>
/// </remarks>
public readonly record struct AustralianBsb
{
    private readonly string? _value;

    private AustralianBsb(string value) => _value = value;

    public string Value => _value ?? throw new InvalidOperationException(
        "This AustralianBsb is default and holds no number; use AustralianBsb.Parse.");

    public static BankDetailsCheck Validate(string? value)
    {
        var reason = Check(value, out var normalized);
        return reason is null ? BankDetailsCheck.Pass(normalized) : BankDetailsCheck.Fail(normalized, reason);
    }

    /// <exception cref="FormatException">Not six digits; the message says why.</exception>
    public static AustralianBsb Parse(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var reason = Check(value, out var normalized);
        return reason is null ? new AustralianBsb(normalized) : throw new FormatException(reason);
    }

    public static bool TryParse([NotNullWhen(true)] string? value, out AustralianBsb bsb)
    {
        var reason = Check(value, out var normalized);
        bsb = reason is null ? new AustralianBsb(normalized) : default;
        return reason is null;
    }

    /// <summary>The six digits, for example "062000"; empty for the default value.</summary>
    public override string ToString() => _value ?? string.Empty;

    /// <summary>Three digits, a dash, three digits: "062-000".</summary>
    public string ToPrintString() => $"{Value[..3]}-{Value[3..]}";

    private static string? Check(string? input, out string normalized)
    {
        normalized = input is null ? string.Empty : BankInput.Compact(input, removeDashes: true);
        return BankInput.ExpectDigits(normalized, 6, "An Australian BSB");
    }
}
