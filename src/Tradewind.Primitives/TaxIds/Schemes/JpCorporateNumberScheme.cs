using static Tradewind.Primitives.TaxIds.CheckDigits;

namespace Tradewind.Primitives.TaxIds.Schemes;

/// <summary>
/// Japanese corporate number (13 digits, <see cref="TaxIdKind.JpCorporateNumber"/>) and the registration
/// number of a qualified invoice issuer ("T" + 13 digits, <see cref="TaxIdKind.JpQualifiedInvoiceIssuer"/>).
/// </summary>
/// <remarks>
/// A corporation's T-number is "T" + its corporate number; an individual's is a separate 13-digit number
/// with the same check digit (NTA, invoice system Q&amp;A). Check (NTA corporate number specification;
/// python-stdnum jp/cn): the first digit = 9 − (Σ of the other 12 digits weighted 1,2,1,2,… from the
/// right) mod 9.
/// </remarks>
internal sealed class JpCorporateNumberScheme : TaxIdScheme
{
    public override string ExpectedFormat =>
        "A Japanese corporate number is 13 digits; a qualified invoice issuer number is T followed by 13 digits.";

    public override SchemeOutcome Check(string compact)
    {
        var kind = compact.StartsWith('T') ? TaxIdKind.JpQualifiedInvoiceIssuer : TaxIdKind.JpCorporateNumber;
        var digits = kind == TaxIdKind.JpQualifiedInvoiceIssuer ? compact[1..] : compact;
        if (digits.Length != 13 || !IsDigits(digits))
        {
            return SchemeOutcome.BadFormat();
        }

        var sum = 0;
        for (var i = 0; i < 12; i++)
        {
            sum += Digit(digits[12 - i]) * (i % 2 == 0 ? 1 : 2);
        }

        return SchemeOutcome.Checked(9 - (sum % 9) == Digit(digits[0]), kind, compact);
    }

    public override string Display(TaxIdKind kind, string value) => kind == TaxIdKind.JpCorporateNumber
        ? $"{value[..1]}-{value[1..5]}-{value[5..9]}-{value[9..]}"
        : value;
}
