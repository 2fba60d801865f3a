using static Tradewind.Primitives.TaxIds.CheckDigits;

namespace Tradewind.Primitives.TaxIds.Schemes;

/// <summary>
/// UK VAT registration numbers: "GB" (or "XI" for Northern Ireland traders) + 9 digits, + 12 digits with a
/// branch suffix, or "GD"/"HA" + 3 digits for government departments and health authorities.
/// </summary>
/// <remarks>
/// HMRC's check: weights 8,7,6,5,4,3,2,10,1 over the 9 digits; the weighted sum mod 97 is 0 for the
/// original series and 42 or 55 for the "9755" series issued from 100 0000 upward. The original series
/// excludes the ranges 010 0000–099 9999, 949 0001–970 0000 and 999 0001 upward, and all-zero numbers
/// are refused (python-stdnum gb/vat, jsvat 2.5.4 unitedKingdom). The 11-character "GD8888nnncc" and
/// "HA8888nnncc" forms carry nnn mod 97 as cc. A branch suffix is kept but not checked.
/// </remarks>
internal sealed class GbVatScheme : TaxIdScheme
{
    public override string ExpectedFormat =>
        "A UK VAT number is GB (XI in Northern Ireland) followed by 9 digits, 12 digits for a branch, or GD or HA and 3 digits.";

    public override SchemeOutcome Check(string compact)
    {
        var prefix = compact.StartsWith("XI", StringComparison.Ordinal) ? "XI" : "GB";
        var body = compact.StartsWith(prefix, StringComparison.Ordinal) ? compact[2..] : compact;

        if (body.Length == 5 && (body.StartsWith("GD", StringComparison.Ordinal) || body.StartsWith("HA", StringComparison.Ordinal)))
        {
            // Government departments are GD000-GD499, health authorities HA500-HA999.
            return IsDigits(body.AsSpan(2)) && (body[0] == 'G') == (Number(body.AsSpan(2)) < 500)
                ? SchemeOutcome.Valid(TaxIdKind.GbVat, prefix + body)
                : SchemeOutcome.BadFormat();
        }

        if (body.Length == 11 && (body.StartsWith("GD8888", StringComparison.Ordinal) || body.StartsWith("HA8888", StringComparison.Ordinal)))
        {
            if (!IsDigits(body.AsSpan(6)) || (body[0] == 'G') != (Number(body.AsSpan(6, 3)) < 500))
            {
                return SchemeOutcome.BadFormat();
            }

            return SchemeOutcome.Checked(Number(body.AsSpan(6, 3)) % 97 == Number(body.AsSpan(9, 2)), TaxIdKind.GbVat, prefix + body);
        }

        if (body.Length is not (9 or 12) || !IsDigits(body))
        {
            return SchemeOutcome.BadFormat(body.Length > 2 && char.IsAsciiLetter(body[0]) && char.IsAsciiLetter(body[1])
                ? $"{body[..2]} is not the prefix of UK VAT numbers."
                : null);
        }

        return SchemeOutcome.Checked(IsValidStandardNumber(body), TaxIdKind.GbVat, prefix + body);
    }

    public override string Display(TaxIdKind kind, string value) => value.Length switch
    {
        11 => $"{value[..2]} {value[2..5]} {value[5..9]} {value[9..]}",
        14 => $"{value[..2]} {value[2..5]} {value[5..9]} {value[9..11]} {value[11..]}",
        _ => value,
    };

    private static bool IsValidStandardNumber(string body)
    {
        var block = Number(body.AsSpan(0, 7));
        if (block == 0)
        {
            return false;
        }

        var remainder = WeightedSum(body, [8, 7, 6, 5, 4, 3, 2, 10, 1]) % 97;
        if (remainder == 0)
        {
            return block < 9_990_001 && block is < 100_000 or > 999_999 && block is < 9_490_001 or > 9_700_000;
        }

        return remainder is 42 or 55 && block > 1_000_000;
    }
}
