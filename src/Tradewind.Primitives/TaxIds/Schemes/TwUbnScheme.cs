using static Tradewind.Primitives.TaxIds.CheckDigits;

namespace Tradewind.Primitives.TaxIds.Schemes;

/// <summary>
/// Taiwanese Unified Business Number (統一編號), 8 digits.
/// </summary>
/// <remarks>
/// Check (Ministry of Finance, rule in force since 2023-04-01; python-stdnum tw/ubn): weights
/// 1,2,1,2,1,2,4,1, add the digits of each product; valid if the total ≡ 0 mod 5, or, when the 7th digit
/// is 7, if total + 1 ≡ 0 mod 5. (Before 2023 the modulus was 10; every old number also passes mod 5.)
/// </remarks>
internal sealed class TwUbnScheme : TaxIdScheme
{
    public override string ExpectedFormat => "A Taiwanese Unified Business Number is 8 digits.";

    public override SchemeOutcome Check(string compact)
    {
        if (compact.Length != 8 || !IsDigits(compact))
        {
            return SchemeOutcome.BadFormat();
        }

        ReadOnlySpan<int> weights = [1, 2, 1, 2, 1, 2, 4, 1];
        var total = 0;
        for (var i = 0; i < 8; i++)
        {
            var product = Digit(compact[i]) * weights[i];
            total += (product / 10) + (product % 10);
        }

        var valid = total % 5 == 0 || (compact[6] == '7' && (total + 1) % 5 == 0);
        return SchemeOutcome.Checked(valid, TaxIdKind.TwUbn, compact);
    }
}
