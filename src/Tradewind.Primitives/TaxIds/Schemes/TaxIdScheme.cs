using System.Text.RegularExpressions;

namespace Tradewind.Primitives.TaxIds.Schemes;

/// <summary>
/// One country's tax id rules: the shape of the number, its check digits and its canonical and printed forms.
/// <see cref="TaxId"/> does the common input clean-up (trim, separators, upper case) before calling
/// <see cref="Check"/>, so a scheme sees only upper-case text without spaces, dots, dashes or slashes.
/// </summary>
internal abstract class TaxIdScheme
{
    /// <summary>One sentence naming the expected format, for example "A German VAT number is DE followed by 9 digits."</summary>
    public abstract string ExpectedFormat { get; }

    /// <summary>Characters beyond the common separators that this country's print format uses (Colombia writes "900,206,480-2").</summary>
    public virtual string ExtraSeparators => string.Empty;

    /// <summary>Validates cleaned-up input and, when valid, returns the canonical value and its kind.</summary>
    public abstract SchemeOutcome Check(string compact);

    /// <summary>The conventional printed form of a canonical value of this scheme.</summary>
    public virtual string Display(TaxIdKind kind, string value) => value;

    /// <summary>An anchored, culture-invariant pattern; write digits as [0-9] because \d also matches non-ASCII digits.</summary>
    protected static Regex Pattern(string pattern) =>
        new("^(?:" + pattern + ")$", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture);

    /// <summary>True if every character is an ASCII digit (and there is at least one).</summary>
    protected static bool IsDigits(ReadOnlySpan<char> text) =>
        !text.IsEmpty && !text.ContainsAnyExceptInRange('0', '9');
}

/// <summary>What a scheme made of the input: a canonical value and kind, or the reason it refused it.</summary>
internal readonly record struct SchemeOutcome(TaxIdKind Kind, string? Value, string? Code, string? Detail)
{
    public bool IsValid => Value is not null;

    public static SchemeOutcome Valid(TaxIdKind kind, string value) => new(kind, value, null, null);

    /// <summary>The shape is wrong; <paramref name="detail"/> may add a sentence after the expected format.</summary>
    public static SchemeOutcome BadFormat(string? detail = null) => new(TaxIdKind.None, null, TaxIdValidationCodes.Format, detail);

    public static SchemeOutcome BadCheckDigit() => new(TaxIdKind.None, null, TaxIdValidationCodes.CheckDigit, null);

    /// <summary>Valid if <paramref name="checkDigitMatches"/>, otherwise a check-digit failure.</summary>
    public static SchemeOutcome Checked(bool checkDigitMatches, TaxIdKind kind, string value) =>
        checkDigitMatches ? Valid(kind, value) : BadCheckDigit();
}
