using System.Text.RegularExpressions;

namespace Tradewind.Primitives.TaxIds.Schemes;

/// <summary>
/// Indian GST identification number: 15 characters = 2-digit state code, the holder's 10-character PAN,
/// the registration count (1-9, A-Z), "Z" and a check character.
/// </summary>
/// <remarks>
/// State codes 01-38, 97 (other territory) and 99 (Centre jurisdiction); the PAN's fourth letter is a
/// holder type (C, P, H, F, A, T, B, L, J, G, K) and its serial is not 0000 (python-stdnum in_/gstin,
/// in_/pan). Check: Luhn mod 36 over 0-9A-Z (GSTN). The special format of non-resident OIDAR
/// registrations is not accepted.
/// </remarks>
internal sealed class GstinScheme : TaxIdScheme
{
    private const string Alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";

    private static readonly Regex Shape =
        Pattern("(0[1-9]|[12][0-9]|3[0-8]|97|99)[A-Z]{3}[ABCFGHLJPTK][A-Z][0-9]{4}[A-Z][1-9A-Z]Z[0-9A-Z]");

    public override string ExpectedFormat =>
        "An Indian GSTIN is 15 characters: a 2-digit state code, the 10-character PAN, an entity number, Z and a check character.";

    public override SchemeOutcome Check(string compact)
    {
        if (!Shape.IsMatch(compact) || compact.AsSpan(7, 4).SequenceEqual("0000"))
        {
            return SchemeOutcome.BadFormat();
        }

        return SchemeOutcome.Checked(CheckDigits.IsLuhnModNValid(compact, Alphabet), TaxIdKind.InGstin, compact);
    }
}
