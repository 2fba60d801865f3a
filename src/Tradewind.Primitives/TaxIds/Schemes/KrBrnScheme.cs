using static Tradewind.Primitives.TaxIds.CheckDigits;

namespace Tradewind.Primitives.TaxIds.Schemes;

/// <summary>
/// South Korean business registration number (사업자등록번호), 10 digits printed "XXX-XX-XXXXX": tax office
/// code, business type, serial number and check digit.
/// </summary>
/// <remarks>
/// The office code is 101 or above, the type is not 00 and the serial not 0000 (python-stdnum kr/brn).
/// Check (National Tax Service rule as widely implemented): weights 1,3,7,1,3,7,1,3,5 over the first nine
/// digits plus ⌊9th digit × 5 / 10⌋; check = (10 − sum mod 10) mod 10. python-stdnum checks only the
/// components, so a few numbers it lists as valid fail here.
/// </remarks>
internal sealed class KrBrnScheme : TaxIdScheme
{
    public override string ExpectedFormat => "A South Korean business registration number is 10 digits (XXX-XX-XXXXX).";

    public override SchemeOutcome Check(string compact)
    {
        if (compact.Length != 10 || !IsDigits(compact))
        {
            return SchemeOutcome.BadFormat();
        }

        if (Number(compact.AsSpan(0, 3)) < 101 || Number(compact.AsSpan(3, 2)) == 0 || Number(compact.AsSpan(5, 4)) == 0)
        {
            return SchemeOutcome.BadFormat("The tax office code starts at 101, and the business type and serial number are not zero.");
        }

        var sum = WeightedSum(compact, [1, 3, 7, 1, 3, 7, 1, 3, 5]) + (Digit(compact[8]) * 5 / 10);
        return SchemeOutcome.Checked((10 - (sum % 10)) % 10 == Digit(compact[9]), TaxIdKind.KrBrn, compact);
    }

    public override string Display(TaxIdKind kind, string value) => $"{value[..3]}-{value[3..5]}-{value[5..]}";
}
