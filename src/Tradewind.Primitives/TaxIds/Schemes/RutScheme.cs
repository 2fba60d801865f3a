using static Tradewind.Primitives.TaxIds.CheckDigits;

namespace Tradewind.Primitives.TaxIds.Schemes;

/// <summary>
/// Chilean RUT: 7 or 8 digits and a check character 0-9 or K, printed "76.001.215-7".
/// </summary>
/// <remarks>
/// Check (SII, módulo 11; python-stdnum cl/rut): weights 2,3,4,5,6,7 repeating from the rightmost digit;
/// check = 11 − sum mod 11, where 11 is 0 and 10 is K.
/// </remarks>
internal sealed class RutScheme : TaxIdScheme
{
    public override string ExpectedFormat => "A Chilean RUT is 7 or 8 digits and a check character (0-9 or K).";

    public override SchemeOutcome Check(string compact)
    {
        if (compact.Length is < 8 or > 9 || !IsDigits(compact.AsSpan(0, compact.Length - 1)) || !(char.IsAsciiDigit(compact[^1]) || compact[^1] == 'K'))
        {
            return SchemeOutcome.BadFormat();
        }

        var sum = 0;
        for (var i = 0; i < compact.Length - 1; i++)
        {
            sum += Digit(compact[compact.Length - 2 - i]) * ((i % 6) + 2);
        }

        var check = (11 - (sum % 11)) switch
        {
            11 => '0',
            10 => 'K',
            var d => (char)('0' + d),
        };
        return SchemeOutcome.Checked(check == compact[^1], TaxIdKind.ClRut, compact);
    }

    public override string Display(TaxIdKind kind, string value)
    {
        var body = long.Parse(value.AsSpan(0, value.Length - 1), System.Globalization.CultureInfo.InvariantCulture);
        return body.ToString("#,0", System.Globalization.CultureInfo.InvariantCulture).Replace(',', '.') + "-" + value[^1];
    }
}
