using static Tradewind.Primitives.TaxIds.CheckDigits;

namespace Tradewind.Primitives.TaxIds.Schemes;

/// <summary>
/// Australian Business Number, 11 digits, printed "51 824 753 556".
/// </summary>
/// <remarks>
/// Check (ATO "Format of the ABN"; python-stdnum au/abn): subtract 1 from the first digit, weight the
/// digits 10,1,3,5,7,9,11,13,15,17,19; the sum is ≡ 0 mod 89.
/// </remarks>
internal sealed class AbnScheme : TaxIdScheme
{
    public override string ExpectedFormat => "An Australian Business Number (ABN) is 11 digits.";

    public override SchemeOutcome Check(string compact)
    {
        if (compact.Length != 11 || !IsDigits(compact))
        {
            return SchemeOutcome.BadFormat();
        }

        var sum = WeightedSum(compact, [10, 1, 3, 5, 7, 9, 11, 13, 15, 17, 19]) - 10;
        return SchemeOutcome.Checked(sum % 89 == 0, TaxIdKind.AuAbn, compact);
    }

    public override string Display(TaxIdKind kind, string value) =>
        $"{value[..2]} {value[2..5]} {value[5..8]} {value[8..]}";
}
