namespace Tradewind.Primitives.TaxIds;

/// <summary>
/// The check-digit algorithms shared by several tax id schemes. Every method takes ASCII digits (or, where
/// stated, ASCII upper-case alphanumerics) that the caller has already shape-checked.
/// </summary>
internal static class CheckDigits
{
    public static int Digit(char c) => c - '0';

    /// <summary>Σ digit(i) × weights[i] over the first <c>weights.Length</c> digits.</summary>
    public static int WeightedSum(ReadOnlySpan<char> digits, ReadOnlySpan<int> weights)
    {
        var sum = 0;
        for (var i = 0; i < weights.Length; i++)
        {
            sum += Digit(digits[i]) * weights[i];
        }

        return sum;
    }

    /// <summary>
    /// Luhn (ISO/IEC 7812-1 annex B): doubling every second digit from the right, digit sums, total ≡ 0 mod 10.
    /// The last digit is the check digit.
    /// </summary>
    public static bool IsLuhnValid(ReadOnlySpan<char> digits)
    {
        var sum = 0;
        for (var i = 0; i < digits.Length; i++)
        {
            var d = Digit(digits[digits.Length - 1 - i]);
            if (i % 2 == 1)
            {
                d *= 2;
                if (d > 9)
                {
                    d -= 9;
                }
            }

            sum += d;
        }

        return sum % 10 == 0;
    }

    /// <summary>
    /// Luhn mod N over an alphabet (the generalised Luhn algorithm used by GSTIN with the 36 characters 0-9A-Z):
    /// doubling every second code point from the right, adding quotient and remainder, total ≡ 0 mod N.
    /// </summary>
    public static bool IsLuhnModNValid(ReadOnlySpan<char> text, string alphabet)
    {
        var n = alphabet.Length;
        var sum = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var codePoint = alphabet.IndexOf(text[text.Length - 1 - i], StringComparison.Ordinal);
            if (codePoint < 0)
            {
                return false;
            }

            var addend = i % 2 == 1 ? codePoint * 2 : codePoint;
            sum += (addend / n) + (addend % n);
        }

        return sum % n == 0;
    }

    /// <summary>ISO 7064 MOD 11,10 (hybrid system, single check digit), used by the German USt-IdNr and the Croatian OIB.</summary>
    public static bool IsIso7064Mod11_10Valid(ReadOnlySpan<char> digits)
    {
        var product = 10;
        for (var i = 0; i < digits.Length - 1; i++)
        {
            var sum = (Digit(digits[i]) + product) % 10;
            if (sum == 0)
            {
                sum = 10;
            }

            product = sum * 2 % 11;
        }

        var check = (11 - product) % 10;
        return check == Digit(digits[^1]);
    }

    /// <summary>
    /// ISO 7064 MOD 97-10 over alphanumerics (letters count as A=10 … Z=35, as in IBAN): the number is valid
    /// when it is ≡ 1 mod 97.
    /// </summary>
    public static bool IsIso7064Mod97_10Valid(ReadOnlySpan<char> text)
    {
        var remainder = 0;
        foreach (var c in text)
        {
            if (c is >= '0' and <= '9')
            {
                remainder = ((remainder * 10) + Digit(c)) % 97;
            }
            else if (c is >= 'A' and <= 'Z')
            {
                remainder = ((remainder * 100) + (c - 'A' + 10)) % 97;
            }
            else
            {
                return false;
            }
        }

        return remainder == 1;
    }

    /// <summary>The number written by <paramref name="digits"/> modulo <paramref name="divisor"/>, for any length.</summary>
    public static int Mod(ReadOnlySpan<char> digits, int divisor)
    {
        var remainder = 0;
        foreach (var c in digits)
        {
            remainder = ((remainder * 10) + Digit(c)) % divisor;
        }

        return remainder;
    }

    /// <summary>The value of a run of ASCII digits; callers keep it short enough for <see cref="long"/>.</summary>
    public static long Number(ReadOnlySpan<char> digits)
    {
        long value = 0;
        foreach (var c in digits)
        {
            value = (value * 10) + Digit(c);
        }

        return value;
    }
}
