namespace Tradewind.Primitives.TaxIds.Schemes;

/// <summary>
/// Israeli company number (מספר חברה, ח.פ.), which is also its VAT file number: 9 digits starting with 5.
/// </summary>
/// <remarks>Check (Israeli Registrar of Companies; python-stdnum il/hp): Luhn over the 9 digits.</remarks>
internal sealed class IlCompanyNumberScheme : TaxIdScheme
{
    public override string ExpectedFormat => "An Israeli company number is 9 digits starting with 5.";

    public override SchemeOutcome Check(string compact)
    {
        if (compact.Length != 9 || !IsDigits(compact) || compact[0] != '5')
        {
            return SchemeOutcome.BadFormat();
        }

        return SchemeOutcome.Checked(CheckDigits.IsLuhnValid(compact), TaxIdKind.IlCompanyNumber, compact);
    }
}
