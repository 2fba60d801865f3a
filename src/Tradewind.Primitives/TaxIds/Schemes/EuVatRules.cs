using System.Text.RegularExpressions;
using static Tradewind.Primitives.TaxIds.CheckDigits;

namespace Tradewind.Primitives.TaxIds.Schemes;

/// <summary>
/// The VAT number rules of the 27 EU member states, keyed by ISO country code (so Greece is "GR" here
/// and "EL" in the number).
/// </summary>
/// <remarks>
/// Shapes and check digits follow the member states' published rules as collected in the jsvat 2.5.4
/// country rules (se-panfilov/jsvat) and python-stdnum (arthurdejong/python-stdnum); the per-state comment
/// names the algorithm. A check digit proves only that the number is well formed; VIES says whether it is live.
/// </remarks>
internal static class EuVatRules
{
    public static IReadOnlyDictionary<string, EuVatRule> ByCountry { get; } = new Dictionary<string, EuVatRule>(StringComparer.Ordinal)
    {
        ["AT"] = Rule("AT", "An", "Austrian", "U and 8 digits", "U[0-9]{8}", Austria),
        ["BE"] = Rule("BE", "A", "Belgian", "10 digits starting with 0 or 1", "[01][0-9]{9}|[0-9]{9}", Belgium, b => b.Length == 9 ? "0" + b : b),
        ["BG"] = Rule("BG", "A", "Bulgarian", "9 or 10 digits", "[0-9]{9,10}", Bulgaria),
        ["CY"] = Rule("CY", "A", "Cypriot", "8 digits (the first 0-5 or 9) and a letter", "[0-59][0-9]{7}[A-Z]", Cyprus),
        ["CZ"] = Rule("CZ", "A", "Czech", "8, 9 or 10 digits", "[0-9]{8,10}", Czechia),
        ["DE"] = Rule("DE", "A", "German", "9 digits", "[1-9][0-9]{8}", b => Checked(IsIso7064Mod11_10Valid(b))),
        ["DK"] = Rule("DK", "A", "Danish", "8 digits", "[1-9][0-9]{7}", Denmark),
        ["EE"] = Rule("EE", "An", "Estonian", "9 digits starting with 10", "10[0-9]{7}", Estonia),
        ["ES"] = Rule("ES", "A", "Spanish", "9 characters: a letter or digit, 7 digits, and a letter or digit", "[A-Z0-9][0-9]{7}[A-Z0-9]", Spain),
        ["FI"] = Rule("FI", "A", "Finnish", "8 digits", "[0-9]{8}", Finland),
        ["FR"] = Rule("FR", "A", "French", "a 2-character key and the 9-digit SIREN", "[0-9]{11}|[A-HJ-NP-Z][0-9]{10}|[0-9][A-HJ-NP-Z][0-9]{9}|[A-HJ-NP-Z]{2}[0-9]{9}", France),
        ["GR"] = Rule("EL", "A", "Greek", "9 digits", "[0-9]{9}", Greece, aliasPrefix: "GR"),
        ["HR"] = Rule("HR", "A", "Croatian", "11 digits", "[0-9]{11}", b => Checked(IsIso7064Mod11_10Valid(b))),
        ["HU"] = Rule("HU", "A", "Hungarian", "8 digits", "[0-9]{8}", Hungary),
        ["IE"] = Rule("IE", "An", "Irish", "7 digits and one or two letters (older numbers have a letter second)", "[0-9]{7}[A-W]|[7-9][A-Z*+][0-9]{5}[A-W]|[0-9]{7}[A-W][AH]", Ireland),
        ["IT"] = Rule("IT", "An", "Italian", "11 digits", "[0-9]{11}", Italy),
        ["LT"] = Rule("LT", "A", "Lithuanian", "9 or 12 digits", "[0-9]{7}1[0-9]|[0-9]{10}1[0-9]", Lithuania),
        ["LU"] = Rule("LU", "A", "Luxembourg", "8 digits", "[0-9]{8}", b => Checked(Number(b.AsSpan(0, 6)) % 89 == Number(b.AsSpan(6, 2)))),
        ["LV"] = Rule("LV", "A", "Latvian", "11 digits", "[0-9]{11}", Latvia),
        ["MT"] = Rule("MT", "A", "Maltese", "8 digits", "[1-9][0-9]{7}", Malta),
        ["NL"] = Rule("NL", "A", "Dutch", "9 digits, B and 2 digits", "[0-9]{9}B[0-9]{2}", Netherlands),
        ["PL"] = Rule("PL", "A", "Polish", "10 digits", "[0-9]{10}", Poland),
        ["PT"] = Rule("PT", "A", "Portuguese", "9 digits", "[1-9][0-9]{8}", Portugal),
        ["RO"] = Rule("RO", "A", "Romanian", "2 to 10 digits", "[1-9][0-9]{1,9}", Romania),
        ["SE"] = Rule("SE", "A", "Swedish", "10 digits and 01", "[0-9]{10}01", b => Checked(IsLuhnValid(b.AsSpan(0, 10)))),
        ["SI"] = Rule("SI", "A", "Slovenian", "8 digits", "[1-9][0-9]{7}", Slovenia),
        ["SK"] = Rule("SK", "A", "Slovak", "10 digits", "[1-9][0-9][2346-9][0-9]{7}", b => Checked(Mod(b, 11) == 0)),
    };

    private static EuVatRule Rule(
        string prefix,
        string article,
        string adjective,
        string bodyDescription,
        string bodyPattern,
        Func<string, EuVatCheck> check,
        Func<string, string>? canonical = null,
        string? aliasPrefix = null) =>
        new(
            prefix,
            article,
            adjective,
            bodyDescription,
            new Regex("^(?:" + bodyPattern + ")$", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture),
            check,
            canonical ?? (b => b),
            aliasPrefix);

    private static EuVatCheck Checked(bool matches) => matches ? EuVatCheck.Valid : EuVatCheck.BadCheckDigit;

    // Digit sum of a product, as in Luhn-style schemes (a product above 9 counts as the sum of its digits).
    private static int DigitSum(int product) => product > 9 ? (product / 10) + (product % 10) : product;

    // AT (UID): weights 1,2,1,2,1,2,1 on the 7 digits after "U", products above 9 replaced by their digit
    // sum; check = (10 − (sum + 4) mod 10) mod 10.
    private static EuVatCheck Austria(string b)
    {
        var sum = 0;
        for (var i = 0; i < 7; i++)
        {
            sum += DigitSum(Digit(b[i + 1]) * (i % 2 == 0 ? 1 : 2));
        }

        return Checked((10 - ((sum + 4) % 10)) % 10 == Digit(b[8]));
    }

    // BE (ondernemingsnummer): 10 digits, the first 0 or 1 and the second not 0; the last two digits are
    // 97 − (first eight mod 97).
    private static EuVatCheck Belgium(string b)
    {
        if (b[1] == '0')
        {
            return EuVatCheck.BadComponent;
        }

        return Checked(97 - (Number(b.AsSpan(0, 8)) % 97) == Number(b.AsSpan(8, 2)));
    }

    // BG: 9 digits (legal entity, BULSTAT): weights 1..8 mod 11, or weights 3..10 mod 11 when the first
    // gives 10 (10 → 0). 10 digits: a personal number (EGN, weights 2,4,8,5,10,9,7,3,6 mod 11, with a
    // valid month), a foreigner's number (LNC, weights 21,19,17,13,11,9,7,3,1 mod 10) or another 10-digit
    // number (weights 4,3,2,7,6,5,4,3,2; check = 11 − sum mod 11, 11 → 0, 10 invalid).
    private static EuVatCheck Bulgaria(string b)
    {
        if (b.Length == 9)
        {
            var remainder = WeightedSum(b, [1, 2, 3, 4, 5, 6, 7, 8]) % 11;
            if (remainder == 10)
            {
                remainder = WeightedSum(b, [3, 4, 5, 6, 7, 8, 9, 10]) % 11 % 10;
            }

            return Checked(remainder == Digit(b[8]));
        }

        var last = Digit(b[9]);
        var month = (int)Number(b.AsSpan(2, 2));
        var day = (int)Number(b.AsSpan(4, 2));
        if (month is (>= 1 and <= 12) or (>= 21 and <= 32) or (>= 41 and <= 52) && day is >= 1 and <= 31
            && WeightedSum(b, [2, 4, 8, 5, 10, 9, 7, 3, 6]) % 11 % 10 == last)
        {
            return EuVatCheck.Valid;
        }

        if (WeightedSum(b, [21, 19, 17, 13, 11, 9, 7, 3, 1]) % 10 == last)
        {
            return EuVatCheck.Valid;
        }

        var other = 11 - (WeightedSum(b, [4, 3, 2, 7, 6, 5, 4, 3, 2]) % 11);
        return Checked(other != 10 && other % 11 == last);
    }

    // CY: the number may not start with 12. Digits in even positions (0, 2, 4, 6) are recoded 0→1, 1→0,
    // 2→5, 3→7, 4→9, n→2n+3; the sum of all eight mod 26 is the check letter (0 = A).
    private static EuVatCheck Cyprus(string b)
    {
        if (b.StartsWith("12", StringComparison.Ordinal))
        {
            return EuVatCheck.BadComponent;
        }

        var sum = 0;
        for (var i = 0; i < 8; i++)
        {
            var d = Digit(b[i]);
            sum += i % 2 == 1 ? d : d switch { 0 => 1, 1 => 0, 2 => 5, 3 => 7, 4 => 9, _ => (d * 2) + 3 };
        }

        return Checked((char)('A' + (sum % 26)) == b[8]);
    }

    // CZ (DIČ): 8 digits for legal entities (weights 8..2; check = 11 − sum mod 11, 10 → 0, 11 → 1).
    // 9 digits starting with 6: special individuals (weights 8..2 on digits 2-8, check from the table
    // 8,7,6,5,4,3,2,1,0,9,8). Otherwise a birth number (rodné číslo): 9 digits for people born before 1954
    // (no check digit), 10 digits divisible by 11 (or first nine ≡ 10 mod 11 with a final 0); the month
    // may carry +50 (women) and, in 10-digit numbers, +20 (since 2004).
    private static EuVatCheck Czechia(string b)
    {
        if (b.Length == 8)
        {
            var check = 11 - (WeightedSum(b, [8, 7, 6, 5, 4, 3, 2]) % 11);
            return Checked(check % 10 == Digit(b[7]));
        }

        if (b.Length == 9 && b[0] == '6')
        {
            var sum = WeightedSum(b.AsSpan(1), [8, 7, 6, 5, 4, 3, 2]);
            ReadOnlySpan<int> table = [8, 7, 6, 5, 4, 3, 2, 1, 0, 9, 8];
            return Checked(table[10 - (sum % 11)] == Digit(b[8]));
        }

        var year = (int)Number(b.AsSpan(0, 2));
        var month = (int)Number(b.AsSpan(2, 2));
        var day = (int)Number(b.AsSpan(4, 2));
        var monthValid = month is (>= 1 and <= 12) or (>= 51 and <= 62)
            || (b.Length == 10 && month is (>= 21 and <= 32) or (>= 71 and <= 82));
        if (!monthValid || day is < 1 or > 31)
        {
            return EuVatCheck.BadComponent;
        }

        if (b.Length == 9)
        {
            return year < 54 ? EuVatCheck.Valid : EuVatCheck.BadComponent;
        }

        return Checked(Mod(b, 11) == 0 || (Mod(b.AsSpan(0, 9), 11) == 10 && b[9] == '0'));
    }

    // DK (CVR): weights 2,7,6,5,4,3,2,1; the weighted sum is ≡ 0 mod 11.
    private static EuVatCheck Denmark(string b) => Checked(WeightedSum(b, [2, 7, 6, 5, 4, 3, 2, 1]) % 11 == 0);

    // EE (KMKR): weights 3,7,1,3,7,1,3,7; check = (10 − sum mod 10) mod 10.
    private static EuVatCheck Estonia(string b) =>
        Checked((10 - (WeightedSum(b, [3, 7, 1, 3, 7, 1, 3, 7]) % 10)) % 10 == Digit(b[8]));

    // ES (NIF): legal entities with a digit check (A-H, J, U, V + 8 digits) or a letter check (A-H, N-S,
    // W + 7 digits + A-J): weights 2,1,2,1,2,1,2 on the 7 digits with digit sums, c = 10 − sum mod 10,
    // as a digit (10 → 0) or as the letter A + c − 1. Individuals (DNI; NIE with X/Y/Z read as 0/1/2;
    // K, L, M): letter TRWAGMYFPDXBNJZSQVHLCKE[number mod 23].
    private static EuVatCheck Spain(string b)
    {
        var first = b[0];
        var last = b[8];
        if (char.IsAsciiLetter(first) && !"IKLMOTXYZ".Contains(first, StringComparison.Ordinal))
        {
            var sum = 0;
            for (var i = 0; i < 7; i++)
            {
                sum += DigitSum(Digit(b[i + 1]) * (i % 2 == 0 ? 2 : 1));
            }

            var c = 10 - (sum % 10);
            if (char.IsAsciiDigit(last) && "ABCDEFGHJUV".Contains(first, StringComparison.Ordinal))
            {
                return Checked(c % 10 == Digit(last));
            }

            if (last is >= 'A' and <= 'J' && "ABCDEFGHNPQRSW".Contains(first, StringComparison.Ordinal))
            {
                return Checked(last == (char)('A' + c - 1));
            }

            return EuVatCheck.BadComponent;
        }

        if (!char.IsAsciiLetter(last))
        {
            return EuVatCheck.BadComponent;
        }

        const string letters = "TRWAGMYFPDXBNJZSQVHLCKE";
        var number = first switch
        {
            'Y' => 10_000_000 + Number(b.AsSpan(1, 7)),
            'Z' => 20_000_000 + Number(b.AsSpan(1, 7)),
            'K' or 'L' or 'M' or 'X' => Number(b.AsSpan(1, 7)),
            _ when char.IsAsciiDigit(first) => Number(b.AsSpan(0, 8)),
            _ => -1,
        };
        return number < 0 ? EuVatCheck.BadComponent : Checked(letters[(int)(number % 23)] == last);
    }

    // FI (ALV): weights 7,9,10,5,8,4,2; check = 11 − sum mod 11, 11 → 0, 10 is never issued.
    private static EuVatCheck Finland(string b)
    {
        var remainder = WeightedSum(b, [7, 9, 10, 5, 8, 4, 2]) % 11;
        var check = remainder == 0 ? 0 : 11 - remainder;
        return Checked(check != 10 && check == Digit(b[7]));
    }

    // FR (TVA intracommunautaire): a numeric key is (12 + 3 × (SIREN mod 97)) mod 97; keys with letters
    // (newer numbers) follow an unpublished rule and are checked for shape only.
    private static EuVatCheck France(string b)
    {
        if (!IsDigitsOnly(b))
        {
            return EuVatCheck.Valid;
        }

        var siren = Number(b.AsSpan(2, 9));
        return Checked((12 + (3 * (siren % 97))) % 97 == Number(b.AsSpan(0, 2)));
    }

    // EL (ΑΦΜ): weights 256,128,64,32,16,8,4,2; check = (sum mod 11) mod 10.
    private static EuVatCheck Greece(string b) =>
        Checked(WeightedSum(b, [256, 128, 64, 32, 16, 8, 4, 2]) % 11 % 10 == Digit(b[8]));

    // HU (adószám): weights 9,7,3,1,9,7,3; check = (10 − sum mod 10) mod 10.
    private static EuVatCheck Hungary(string b) =>
        Checked((10 - (WeightedSum(b, [9, 7, 3, 1, 9, 7, 3]) % 10)) % 10 == Digit(b[7]));

    // IE: weights 8..2 on the 7 digits (the old form "1X23456L" is read as "0234561L"), plus 9 × the
    // value of a second letter (A = 1, H = 8) in the 2013 form; the sum mod 23 is the check letter,
    // 0 = W, otherwise A..V.
    private static EuVatCheck Ireland(string b)
    {
        var digits = char.IsAsciiDigit(b[1]) ? b[..7] : string.Concat("0", b.AsSpan(2, 5), b.AsSpan(0, 1));
        var sum = WeightedSum(digits, [8, 7, 6, 5, 4, 3, 2]);
        if (b.Length == 9)
        {
            sum += 9 * (b[8] == 'H' ? 8 : 1);
        }

        var remainder = sum % 23;
        var expected = remainder == 0 ? 'W' : (char)('A' + remainder - 1);
        return Checked(expected == b[7]);
    }

    // IT (partita IVA): the first seven digits are not all zero, digits 8-10 are the office code
    // (001-100, 120, 121, 888 or 999, per python-stdnum it/iva), and the whole is Luhn-valid.
    private static EuVatCheck Italy(string b)
    {
        var office = Number(b.AsSpan(7, 3));
        if (Number(b.AsSpan(0, 7)) == 0 || !(office is (>= 1 and <= 100) or 120 or 121 or 888 or 999))
        {
            return EuVatCheck.BadComponent;
        }

        return Checked(IsLuhnValid(b));
    }

    // LT (PVM kodas): weights 1,2,…,9,1,2 over all digits but the last; if the sum mod 11 is 10, weights
    // 3,4,…,9,1,2,3,4 instead; a second 10 gives 0.
    private static EuVatCheck Lithuania(string b)
    {
        var body = b.AsSpan(0, b.Length - 1);
        var sum = 0;
        for (var i = 0; i < body.Length; i++)
        {
            sum += Digit(body[i]) * ((i % 9) + 1);
        }

        if (sum % 11 == 10)
        {
            sum = 0;
            for (var i = 0; i < body.Length; i++)
            {
                sum += Digit(body[i]) * (((i + 2) % 9) + 1);
            }
        }

        return Checked(sum % 11 % 10 == Digit(b[^1]));
    }

    // LV (PVN): legal entities (first digit above 3): weights 9,1,4,8,3,10,2,5,7,6,1 sum ≡ 3 mod 11.
    // Individuals: a personal code, DDMMYY + century digit (0-2) + 3 digits + check, or since 2017 a code
    // starting with 32 and no birth date; check = (1 + Σ weights 10,5,8,4,2,1,6,3,7,9) mod 11 mod 10
    // (python-stdnum lv/pvn).
    private static EuVatCheck Latvia(string b)
    {
        if (b[0] > '3')
        {
            return Checked(WeightedSum(b, [9, 1, 4, 8, 3, 10, 2, 5, 7, 6, 1]) % 11 == 3);
        }

        if (!b.StartsWith("32", StringComparison.Ordinal))
        {
            var day = Number(b.AsSpan(0, 2));
            var month = Number(b.AsSpan(2, 2));
            if (day is < 1 or > 31 || month is < 1 or > 12 || b[6] > '2')
            {
                return EuVatCheck.BadComponent;
            }
        }

        return Checked((1 + WeightedSum(b, [10, 5, 8, 4, 2, 1, 6, 3, 7, 9])) % 11 % 10 == Digit(b[10]));
    }

    // MT: weights 3,4,6,7,8,9 on the first six digits; the last two are 37 − sum mod 37.
    private static EuVatCheck Malta(string b) =>
        Checked(37 - (WeightedSum(b, [3, 4, 6, 7, 8, 9]) % 37) == Number(b.AsSpan(6, 2)));

    // NL: the legacy number (RSIN/BSN + B + 2 digits) passes the "elfproef", weights 9..2 on eight digits,
    // sum mod 11 = the ninth (10 is never issued); the sole-trader btw-id of 2020 instead passes ISO 7064
    // MOD 97-10 over "NL" + the whole body (Belastingdienst, "Opbouw btw-identificatienummer").
    private static EuVatCheck Netherlands(string b)
    {
        var elfproef = WeightedSum(b, [9, 8, 7, 6, 5, 4, 3, 2]) % 11 == Digit(b[8]);
        return Checked(elfproef || IsIso7064Mod97_10Valid("NL" + b));
    }

    // PL (NIP): weights 6,5,7,2,3,4,5,6,7; check = sum mod 11 (10 is never issued).
    private static EuVatCheck Poland(string b) =>
        Checked(WeightedSum(b, [6, 5, 7, 2, 3, 4, 5, 6, 7]) % 11 == Digit(b[9]));

    // PT (NIF): weights 9..2; check = 11 − sum mod 11, where 10 and 11 become 0.
    private static EuVatCheck Portugal(string b)
    {
        var check = 11 - (WeightedSum(b, [9, 8, 7, 6, 5, 4, 3, 2]) % 11);
        return Checked((check >= 10 ? 0 : check) == Digit(b[8]));
    }

    // RO (CUI/CIF): weights 7,5,3,2,1,7,5,3,2 aligned to the right of the digits before the check;
    // check = (10 × sum mod 11) mod 10.
    private static EuVatCheck Romania(string b)
    {
        var padded = b[..^1].PadLeft(9, '0');
        var check = WeightedSum(padded, [7, 5, 3, 2, 1, 7, 5, 3, 2]) * 10 % 11 % 10;
        return Checked(check == Digit(b[^1]));
    }

    // SI (DDV): weights 8..2; check = 11 − sum mod 11, 10 → 0, 11 is never issued.
    private static EuVatCheck Slovenia(string b)
    {
        var check = 11 - (WeightedSum(b, [8, 7, 6, 5, 4, 3, 2]) % 11);
        return Checked(check != 11 && check % 10 == Digit(b[7]));
    }

    private static bool IsDigitsOnly(string text) => !text.AsSpan().ContainsAnyExceptInRange('0', '9');
}
