using System.Globalization;
using System.Text;

namespace Tradewind.Primitives.Banking;

/// <summary>
/// The clean-up every bank identifier gets before it is checked, and the character tests the
/// schemes share. Everything here is ASCII and culture-invariant: bank identifiers are codes, not words.
/// </summary>
internal static class BankInput
{
    /// <summary>
    /// Removes white space (including the no-break spaces that copying from a PDF brings) and, when
    /// <paramref name="removeDashes"/>, dash punctuation of any kind (hyphen, en dash, Unicode hyphen);
    /// upper-cases ASCII letters. Other characters are kept so the check can name them.
    /// </summary>
    public static string Compact(string value, bool removeDashes)
    {
        var builder = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            if (char.IsWhiteSpace(c))
            {
                continue;
            }

            if (removeDashes && CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.DashPunctuation)
            {
                continue;
            }

            builder.Append(char.IsAsciiLetterLower(c) ? char.ToUpperInvariant(c) : c);
        }

        return builder.ToString();
    }

    public static bool AllDigits(ReadOnlySpan<char> value)
    {
        foreach (var c in value)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return true;
    }

    public static bool AllLetters(ReadOnlySpan<char> value)
    {
        foreach (var c in value)
        {
            if (!char.IsAsciiLetterUpper(c))
            {
                return false;
            }
        }

        return true;
    }

    public static bool AllLettersOrDigits(ReadOnlySpan<char> value)
    {
        foreach (var c in value)
        {
            if (!char.IsAsciiLetterUpper(c) && !char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The first character that is not an upper-case ASCII letter or digit, quoted for a message.</summary>
    public static string FirstForeign(string value)
    {
        foreach (var c in value)
        {
            if (!char.IsAsciiLetterUpper(c) && !char.IsAsciiDigit(c))
            {
                return Quote(c);
            }
        }

        return string.Empty;
    }

    public static string Quote(char c) => char.IsControl(c)
        ? "U+" + ((int)c).ToString("X4", CultureInfo.InvariantCulture)
        : "'" + c + "'";

    public static string Count(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>Sum of digit × weight; the caller reduces it by the scheme's modulus.</summary>
    public static int WeightedSum(ReadOnlySpan<char> digits, ReadOnlySpan<int> weights)
    {
        var sum = 0;
        for (var i = 0; i < digits.Length; i++)
        {
            sum += (digits[i] - '0') * weights[i % weights.Length];
        }

        return sum;
    }

    /// <summary>
    /// The reason a compacted value is not exactly <paramref name="length"/> ASCII digits, or null.
    /// <paramref name="what"/> names the identifier with its article, for example "A US ABA routing number".
    /// </summary>
    public static string? ExpectDigits(string value, int length, string what)
    {
        if (value.Length == 0)
        {
            return $"No {Unarticled(what)} was given.";
        }

        foreach (var c in value)
        {
            if (!char.IsAsciiDigit(c))
            {
                return $"{what} contains only digits; this one contains {Quote(c)}.";
            }
        }

        return value.Length == length
            ? null
            : $"{what} has {Count(length)} digits; this one has {Count(value.Length)}.";
    }

    private static string Unarticled(string what) =>
        what.StartsWith("An ", StringComparison.Ordinal) ? what[3..]
        : what.StartsWith("A ", StringComparison.Ordinal) ? what[2..]
        : what;
}
