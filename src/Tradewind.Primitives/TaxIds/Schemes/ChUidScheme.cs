using static Tradewind.Primitives.TaxIds.CheckDigits;

namespace Tradewind.Primitives.TaxIds.Schemes;

/// <summary>
/// Swiss UID ("CHE-123.456.789"), which with the suffix MWST, TVA or IVA is the Swiss VAT number. The
/// suffix is accepted in any of the three languages and not stored; <see cref="Display"/> adds "MWST".
/// </summary>
/// <remarks>
/// Check (Federal Statistical Office, UID eCH-0097; python-stdnum ch/uid): weights 5,4,3,2,7,6,5,4 on the
/// first 8 digits; check = 11 − sum mod 11, 11 → 0; 10 is never issued.
/// </remarks>
internal sealed class ChUidScheme : TaxIdScheme
{
    public override string ExpectedFormat => "A Swiss VAT number is CHE followed by 9 digits, optionally with MWST, TVA or IVA.";

    public override SchemeOutcome Check(string compact)
    {
        var body = compact.StartsWith("CHE", StringComparison.Ordinal) ? compact[3..] : compact;
        foreach (var suffix in (string[])["MWST", "TVA", "IVA"])
        {
            if (body.EndsWith(suffix, StringComparison.Ordinal))
            {
                body = body[..^suffix.Length];
                break;
            }
        }

        if (body.Length != 9 || !IsDigits(body))
        {
            return SchemeOutcome.BadFormat();
        }

        var check = 11 - (WeightedSum(body, [5, 4, 3, 2, 7, 6, 5, 4]) % 11);
        return SchemeOutcome.Checked(check != 10 && check % 11 == Digit(body[8]), TaxIdKind.ChUid, "CHE" + body);
    }

    public override string Display(TaxIdKind kind, string value) =>
        $"CHE-{value[3..6]}.{value[6..9]}.{value[9..]} MWST";
}
