using System.Text.RegularExpressions;

namespace Tradewind.Primitives.TaxIds.Schemes;

/// <summary>
/// The VAT identification number of one EU member state: its prefix (the ISO code, except "EL" for Greece),
/// then a body whose shape and check digits the member state defines (<see cref="EuVatRules"/>).
/// </summary>
/// <remarks>
/// The prefix may be typed or left out; a different two-letter prefix is refused, and so is "EU", which
/// starts a non-Union OSS identification number rather than a national VAT number (Council Directive
/// 2006/112/EC art. 362) and must not pass as a buyer's business VAT id.
/// </remarks>
internal sealed class EuVatScheme(EuVatRule rule) : TaxIdScheme
{
    public override string ExpectedFormat => $"{rule.Article} {rule.Adjective} VAT number is {rule.Prefix} followed by {rule.BodyDescription}.";

    public override SchemeOutcome Check(string compact)
    {
        var body = StripPrefix(compact);
        if (body is not null && rule.Body.IsMatch(body))
        {
            return CheckBody(body);
        }

        // No prefix typed; this also covers a French key that happens to read "FR".
        if (rule.Body.IsMatch(compact))
        {
            return CheckBody(compact);
        }

        if (body is null && compact.Length > 2 && char.IsAsciiLetterUpper(compact[0]) && char.IsAsciiLetterUpper(compact[1]))
        {
            var typed = compact[..2];
            return SchemeOutcome.BadFormat(typed == "EU"
                ? "EU starts a non-Union OSS identification number, which is not a national VAT number."
                : $"{typed} is not the prefix of {rule.Adjective} VAT numbers.");
        }

        return SchemeOutcome.BadFormat();
    }

    private string? StripPrefix(string compact)
    {
        if (compact.StartsWith(rule.Prefix, StringComparison.Ordinal))
        {
            return compact[rule.Prefix.Length..];
        }

        return rule.AliasPrefix is not null && compact.StartsWith(rule.AliasPrefix, StringComparison.Ordinal)
            ? compact[rule.AliasPrefix.Length..]
            : null;
    }

    private SchemeOutcome CheckBody(string body)
    {
        var canonical = rule.Canonical(body);
        return rule.Check(canonical) switch
        {
            EuVatCheck.Valid => SchemeOutcome.Valid(TaxIdKind.EuVat, rule.Prefix + canonical),
            EuVatCheck.BadCheckDigit => SchemeOutcome.BadCheckDigit(),
            _ => SchemeOutcome.BadFormat(),
        };
    }
}

/// <summary>What a member state's check says about a body that matched its pattern.</summary>
internal enum EuVatCheck
{
    Valid,
    BadCheckDigit,

    /// <summary>A part of the body is out of range (a month, an office code), which is a format problem.</summary>
    BadComponent,
}

/// <summary>One member state's rule: prefix, wording for people, body pattern, canonical form and check.</summary>
internal sealed record EuVatRule(
    string Prefix,
    string Article,
    string Adjective,
    string BodyDescription,
    Regex Body,
    Func<string, EuVatCheck> Check,
    Func<string, string> Canonical,
    string? AliasPrefix = null);
