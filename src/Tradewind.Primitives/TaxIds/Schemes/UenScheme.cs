using System.Text.RegularExpressions;
using static Tradewind.Primitives.TaxIds.CheckDigits;

namespace Tradewind.Primitives.TaxIds.Schemes;

/// <summary>
/// Singapore Unique Entity Number (<see cref="TaxIdKind.SgUen"/>), which is usually also the GST
/// registration number, and the GST number of an overseas vendor (<see cref="TaxIdKind.SgGst"/>).
/// </summary>
/// <remarks>
/// Check letters (ACRA UEN specification; python-stdnum sg/uen):
/// businesses (8 digits + letter): weights 10,4,9,3,8,2,7,1, letter XMKECAWLJDB[sum mod 11];
/// local companies (year + 5 digits + letter): weights 10,8,6,4,9,7,5,3,1, letter ZKCMDNERGWH[sum mod 11];
/// other entities (R/S/T for 18/19/20, 2-digit year, entity type, 4 digits, check): over the alphabet
/// ABCDEFGHJKLMNPQRSTUVWX0123456789, weights 4,3,5,3,10,2,2,5,7, check = alphabet[(sum − 5) mod 11].
/// Overseas vendor GST numbers ("M" + 8 digits + letter) are checked for shape only: IRAS publishes no check.
/// </remarks>
internal sealed class UenScheme : TaxIdScheme
{
    private const string OtherAlphabet = "ABCDEFGHJKLMNPQRSTUVWX0123456789";

    private static readonly Regex Business = Pattern("[0-9]{8}[A-Z]");
    private static readonly Regex LocalCompany = Pattern("[0-9]{9}[A-Z]");
    private static readonly Regex Other = Pattern("[RST][0-9]{2}[A-Z]{2}[0-9]{4}[A-Z0-9]");
    private static readonly Regex OverseasVendorGst = Pattern("M[0-9]{8}[A-Z]");

    private static readonly HashSet<string> EntityTypes = new(StringComparer.Ordinal)
    {
        "CC", "CD", "CH", "CL", "CM", "CP", "CS", "CX", "DP", "FB", "FC", "FM", "FN", "GA", "GB", "GS", "HS",
        "LL", "LP", "MB", "MC", "MD", "MH", "MM", "MQ", "NB", "NR", "PA", "PB", "PF", "RF", "RP", "SM", "SS",
        "TC", "TU", "VH", "XL",
    };

    public override string ExpectedFormat =>
        "A Singapore UEN is 8 or 9 digits and a check letter, or R, S or T, 2 digits, a 2-letter entity type, 4 digits and a check character.";

    public override SchemeOutcome Check(string compact)
    {
        if (Business.IsMatch(compact))
        {
            var letter = "XMKECAWLJDB"[WeightedSum(compact, [10, 4, 9, 3, 8, 2, 7, 1]) % 11];
            return SchemeOutcome.Checked(letter == compact[8], TaxIdKind.SgUen, compact);
        }

        if (LocalCompany.IsMatch(compact))
        {
            var letter = "ZKCMDNERGWH"[WeightedSum(compact, [10, 8, 6, 4, 9, 7, 5, 3, 1]) % 11];
            return SchemeOutcome.Checked(letter == compact[9], TaxIdKind.SgUen, compact);
        }

        if (Other.IsMatch(compact))
        {
            if (!EntityTypes.Contains(compact[3..5]))
            {
                return SchemeOutcome.BadFormat($"{compact[3..5]} is not a UEN entity type.");
            }

            ReadOnlySpan<int> weights = [4, 3, 5, 3, 10, 2, 2, 5, 7];
            var sum = 0;
            for (var i = 0; i < weights.Length; i++)
            {
                sum += OtherAlphabet.IndexOf(compact[i], StringComparison.Ordinal) * weights[i];
            }

            return SchemeOutcome.Checked(OtherAlphabet[(sum - 5) % 11] == compact[9], TaxIdKind.SgUen, compact);
        }

        return OverseasVendorGst.IsMatch(compact)
            ? SchemeOutcome.Valid(TaxIdKind.SgGst, compact)
            : SchemeOutcome.BadFormat();
    }
}
