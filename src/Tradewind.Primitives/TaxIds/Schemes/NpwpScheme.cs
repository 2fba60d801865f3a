namespace Tradewind.Primitives.TaxIds.Schemes;

/// <summary>
/// Indonesian tax number (NPWP): the old 15-digit form printed "01.312.166.0-091.000", or the 16-digit
/// form in use since 2024 (the NIK for individuals).
/// </summary>
/// <remarks>
/// In the 15-digit form the 9th digit is a Luhn check over the first eight (python-stdnum id/npwp); the
/// 16-digit form has no published check and is checked for shape only.
/// </remarks>
internal sealed class NpwpScheme : TaxIdScheme
{
    public override string ExpectedFormat => "An Indonesian NPWP is 16 digits, or 15 digits in the old form.";

    public override SchemeOutcome Check(string compact)
    {
        if (compact.Length is not (15 or 16) || !IsDigits(compact))
        {
            return SchemeOutcome.BadFormat();
        }

        return compact.Length == 16
            ? SchemeOutcome.Valid(TaxIdKind.IdNpwp, compact)
            : SchemeOutcome.Checked(CheckDigits.IsLuhnValid(compact.AsSpan(0, 9)), TaxIdKind.IdNpwp, compact);
    }

    public override string Display(TaxIdKind kind, string value) => value.Length == 15
        ? $"{value[..2]}.{value[2..5]}.{value[5..8]}.{value[8..9]}-{value[9..12]}.{value[12..]}"
        : value;
}
