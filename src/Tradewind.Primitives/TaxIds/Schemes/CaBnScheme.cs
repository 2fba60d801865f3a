namespace Tradewind.Primitives.TaxIds.Schemes;

/// <summary>
/// Canadian Business Number: 9 digits, optionally followed by a program account, such as "RT0001" for
/// GST/HST. The program account is kept when given ("123456782RT0001", printed "123456782 RT0001").
/// </summary>
/// <remarks>
/// Check (CRA; python-stdnum ca/bn): Luhn over the 9 digits. Program identifiers: RC (corporate income
/// tax), RM (import/export), RP (payroll), RT (GST/HST), RZ (information returns), RR (charities).
/// </remarks>
internal sealed class CaBnScheme : TaxIdScheme
{
    private static readonly string[] ProgramIdentifiers = ["RC", "RM", "RP", "RT", "RZ", "RR"];

    public override string ExpectedFormat =>
        "A Canadian Business Number is 9 digits, optionally followed by a program account such as RT0001.";

    public override SchemeOutcome Check(string compact)
    {
        if (compact.Length is not (9 or 15) || !IsDigits(compact.AsSpan(0, 9)))
        {
            return SchemeOutcome.BadFormat();
        }

        if (compact.Length == 15 && (!ProgramIdentifiers.Contains(compact[9..11], StringComparer.Ordinal) || !IsDigits(compact.AsSpan(11))))
        {
            return SchemeOutcome.BadFormat();
        }

        return SchemeOutcome.Checked(CheckDigits.IsLuhnValid(compact.AsSpan(0, 9)), TaxIdKind.CaBn, compact);
    }

    public override string Display(TaxIdKind kind, string value) => value.Length == 15 ? $"{value[..9]} {value[9..]}" : value;
}
