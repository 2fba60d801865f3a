using static Tradewind.Primitives.TaxIds.CheckDigits;

namespace Tradewind.Primitives.TaxIds.Schemes;

/// <summary>
/// Turkish tax number (Vergi Kimlik Numarası), 10 digits.
/// </summary>
/// <remarks>
/// Check (Gelir İdaresi Başkanlığı; python-stdnum tr/vkn): for the i-th of the first nine digits counted
/// from the right (i = 1..9), c1 = (digit + i) mod 10; if c1 ≠ 0 add (c1 × 2^i) mod 9, or 9 when that is 0;
/// check = (10 − sum mod 10) mod 10.
/// </remarks>
internal sealed class VknScheme : TaxIdScheme
{
    public override string ExpectedFormat => "A Turkish tax number (VKN) is 10 digits.";

    public override SchemeOutcome Check(string compact)
    {
        if (compact.Length != 10 || !IsDigits(compact))
        {
            return SchemeOutcome.BadFormat();
        }

        var sum = 0;
        for (var i = 1; i <= 9; i++)
        {
            var c1 = (Digit(compact[9 - i]) + i) % 10;
            if (c1 != 0)
            {
                var c2 = c1 * (1 << i) % 9;
                sum += c2 == 0 ? 9 : c2;
            }
        }

        return SchemeOutcome.Checked((10 - (sum % 10)) % 10 == Digit(compact[9]), TaxIdKind.TrVkn, compact);
    }
}
