namespace Tradewind.Primitives.TaxIds.Schemes;

/// <summary>
/// US Employer Identification Number, 9 digits printed "NN-NNNNNNN". It has no check digit; the first two
/// digits must be a prefix the IRS assigns.
/// </summary>
/// <remarks>
/// Prefixes from the IRS page "How EINs are assigned and valid EIN prefixes" (as collected in
/// python-stdnum us/ein.dat). A new campus prefix would be refused until added here.
/// </remarks>
internal sealed class EinScheme : TaxIdScheme
{
    private static readonly HashSet<string> Prefixes = new(StringComparer.Ordinal)
    {
        "01", "02", "03", "04", "05", "06", "10", "11", "12", "13", "14", "15", "16", "20", "21", "22", "23",
        "24", "25", "26", "27", "30", "31", "32", "33", "34", "35", "36", "37", "38", "39", "40", "41", "42",
        "43", "44", "45", "46", "47", "48", "50", "51", "52", "53", "54", "55", "56", "57", "58", "59", "60",
        "61", "62", "63", "64", "65", "66", "67", "68", "71", "72", "73", "74", "75", "76", "77", "80", "81",
        "82", "83", "84", "85", "86", "87", "88", "90", "91", "92", "93", "94", "95", "98", "99",
    };

    public override string ExpectedFormat => "A US Employer Identification Number (EIN) is 9 digits (NN-NNNNNNN).";

    public override SchemeOutcome Check(string compact)
    {
        if (compact.Length != 9 || !IsDigits(compact))
        {
            return SchemeOutcome.BadFormat();
        }

        return Prefixes.Contains(compact[..2])
            ? SchemeOutcome.Valid(TaxIdKind.UsEin, compact)
            : SchemeOutcome.BadFormat($"{compact[..2]} is not an EIN prefix the IRS assigns.");
    }

    public override string Display(TaxIdKind kind, string value) => $"{value[..2]}-{value[2..]}";
}
