using System.Text.RegularExpressions;

namespace Tradewind.Primitives.TaxIds.Schemes;

/// <summary>
/// Brazilian CNPJ: 14 characters printed "12.345.678/0001-95". From July 2026 the first 12 may be letters
/// as well as digits; the last 2 are always check digits.
/// </summary>
/// <remarks>
/// Check (Receita Federal, IN RFB 2.229/2024 for the alphanumeric form; python-stdnum br/cnpj): each
/// character counts as its ASCII code − 48; weights 5,4,3,2,9,8,7,6,5,4,3,2 give the first check digit
/// and 6,5,4,3,2,9,8,7,6,5,4,3,2 the second, each d = (11 − sum mod 11) mod 11 mod 10. A number of
/// one repeated digit ("00.000.000/0000-00") is never issued and is refused.
/// </remarks>
internal sealed class CnpjScheme : TaxIdScheme
{
    private static readonly Regex Shape = Pattern("[0-9A-Z]{12}[0-9]{2}");

    public override string ExpectedFormat => "A Brazilian CNPJ is 14 characters (NN.NNN.NNN/NNNN-NN); the last two are digits.";

    public override SchemeOutcome Check(string compact)
    {
        if (!Shape.IsMatch(compact))
        {
            return SchemeOutcome.BadFormat();
        }

        if (!compact.AsSpan().ContainsAnyExcept(compact[0]))
        {
            return SchemeOutcome.BadFormat("A CNPJ of one repeated digit is never issued.");
        }

        var first = CheckDigit(compact.AsSpan(0, 12), [5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2]);
        var second = CheckDigit(compact.AsSpan(0, 13), [6, 5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2]);
        return SchemeOutcome.Checked(first == compact[12] - '0' && second == compact[13] - '0', TaxIdKind.BrCnpj, compact);
    }

    public override string Display(TaxIdKind kind, string value) =>
        $"{value[..2]}.{value[2..5]}.{value[5..8]}/{value[8..12]}-{value[12..]}";

    private static int CheckDigit(ReadOnlySpan<char> characters, ReadOnlySpan<int> weights)
    {
        var sum = 0;
        for (var i = 0; i < weights.Length; i++)
        {
            sum += (characters[i] - '0') * weights[i];
        }

        return (11 - (sum % 11)) % 11 % 10;
    }
}
