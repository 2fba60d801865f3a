using static Tradewind.Primitives.TaxIds.CheckDigits;

namespace Tradewind.Primitives.TaxIds.Schemes;

/// <summary>
/// New Zealand IRD number, which is also the GST number: 8 or 9 digits between 10,000,000 and
/// 150,000,000, stored as 9 digits ("049098576") and printed "049-098-576". A leading "NZ" is accepted.
/// </summary>
/// <remarks>
/// Check (Inland Revenue, "Validating IRD numbers"; python-stdnum nz/ird): pad the digits before the check
/// to 8; weights 3,2,7,6,5,4,3,2; check = (11 − sum mod 11) mod 11. If that is 10, use weights
/// 7,4,3,2,5,2,7,6 instead; a second 10 means the number is invalid.
/// </remarks>
internal sealed class IrdScheme : TaxIdScheme
{
    public override string ExpectedFormat => "A New Zealand IRD (GST) number is 8 or 9 digits.";

    public override SchemeOutcome Check(string compact)
    {
        var number = compact.StartsWith("NZ", StringComparison.Ordinal) ? compact[2..] : compact;
        if (number.Length is not (8 or 9) || !IsDigits(number))
        {
            return SchemeOutcome.BadFormat();
        }

        var value = Number(number);
        if (value is <= 10_000_000 or >= 150_000_000)
        {
            return SchemeOutcome.BadFormat("IRD numbers lie between 10,000,000 and 150,000,000.");
        }

        var padded = number.PadLeft(9, '0');
        var check = (11 - (WeightedSum(padded, [3, 2, 7, 6, 5, 4, 3, 2]) % 11)) % 11;
        if (check == 10)
        {
            check = (11 - (WeightedSum(padded, [7, 4, 3, 2, 5, 2, 7, 6]) % 11)) % 11;
        }

        return SchemeOutcome.Checked(check == Digit(padded[8]), TaxIdKind.NzIrd, padded);
    }

    public override string Display(TaxIdKind kind, string value) => $"{value[..3]}-{value[3..6]}-{value[6..]}";
}
