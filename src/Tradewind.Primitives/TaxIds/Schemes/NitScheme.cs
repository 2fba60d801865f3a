using static Tradewind.Primitives.TaxIds.CheckDigits;

namespace Tradewind.Primitives.TaxIds.Schemes;

/// <summary>
/// Colombian NIT: 7 to 15 digits and a check digit, printed "900.206.480-2". Commas are accepted as
/// thousands separators, as they appear in some printed numbers.
/// </summary>
/// <remarks>
/// Check (DIAN; python-stdnum co/nit): weights 3,7,13,17,19,23,29,37,41,43,47,53,59,67,71 from the rightmost
/// digit before the check; s = sum mod 11; check = "01987654321"[s].
/// </remarks>
internal sealed class NitScheme : TaxIdScheme
{
    private static readonly int[] Weights = [3, 7, 13, 17, 19, 23, 29, 37, 41, 43, 47, 53, 59, 67, 71];

    public override string ExpectedFormat => "A Colombian NIT is 7 to 15 digits and a check digit.";

    public override string ExtraSeparators => ",";

    public override SchemeOutcome Check(string compact)
    {
        if (compact.Length is < 8 or > 16 || !IsDigits(compact))
        {
            return SchemeOutcome.BadFormat();
        }

        var sum = 0;
        for (var i = 0; i < compact.Length - 1; i++)
        {
            sum += Digit(compact[compact.Length - 2 - i]) * Weights[i];
        }

        return SchemeOutcome.Checked("01987654321"[sum % 11] == compact[^1], TaxIdKind.CoNit, compact);
    }

    public override string Display(TaxIdKind kind, string value)
    {
        var body = long.Parse(value.AsSpan(0, value.Length - 1), System.Globalization.CultureInfo.InvariantCulture);
        return body.ToString("#,0", System.Globalization.CultureInfo.InvariantCulture).Replace(',', '.') + "-" + value[^1];
    }
}
