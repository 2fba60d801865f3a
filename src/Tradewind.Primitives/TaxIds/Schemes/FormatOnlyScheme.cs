using System.Text.RegularExpressions;

namespace Tradewind.Primitives.TaxIds.Schemes;

/// <summary>
/// A tax id with a known shape but no published check digit (Saudi and UAE VAT numbers, South African VAT
/// numbers, Icelandic VSK numbers): the shape is all that can be checked before the registry.
/// </summary>
internal sealed class FormatOnlyScheme(TaxIdKind kind, string pattern, string expectedFormat) : TaxIdScheme
{
    private readonly Regex _shape = Pattern(pattern);

    public override string ExpectedFormat => expectedFormat;

    public override SchemeOutcome Check(string compact) =>
        _shape.IsMatch(compact) ? SchemeOutcome.Valid(kind, compact) : SchemeOutcome.BadFormat();
}
