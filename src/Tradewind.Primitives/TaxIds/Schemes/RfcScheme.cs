using System.Text.RegularExpressions;
using static Tradewind.Primitives.TaxIds.CheckDigits;

namespace Tradewind.Primitives.TaxIds.Schemes;

/// <summary>
/// Mexican RFC: 3 letters (companies) or 4 letters (individuals), the date YYMMDD, and a 3-character
/// homoclave, so 12 or 13 characters.
/// </summary>
/// <remarks>
/// Only the shape and the date are checked. The last homoclave character is a check digit, but about 1.5%
/// of RFCs in use carry a wrong one (python-stdnum mx/rfc), and refusing a buyer's real RFC is worse than
/// accepting a mistyped one that the SAT registry check will catch.
/// </remarks>
internal sealed class RfcScheme : TaxIdScheme
{
    private static readonly Regex Shape = Pattern("[A-ZÑ&]{3,4}[0-9]{6}[A-Z0-9]{3}");

    public override string ExpectedFormat =>
        "A Mexican RFC is 3 letters (4 for individuals), a date as YYMMDD and 3 characters, 12 or 13 in all.";

    public override SchemeOutcome Check(string compact)
    {
        if (!Shape.IsMatch(compact))
        {
            return SchemeOutcome.BadFormat();
        }

        var date = compact.AsSpan(compact.Length - 9, 6);
        var month = Number(date.Slice(2, 2));
        var day = Number(date.Slice(4, 2));
        return month is >= 1 and <= 12 && day is >= 1 and <= 31
            ? SchemeOutcome.Valid(TaxIdKind.MxRfc, compact)
            : SchemeOutcome.BadFormat("The six digits are a date, YYMMDD.");
    }
}
