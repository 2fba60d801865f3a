using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;
using Tradewind.Primitives.Geography;
using Tradewind.Primitives.TaxIds.Schemes;

namespace Tradewind.Primitives.TaxIds;

/// <summary>
/// A business tax identifier that is well formed for its country: the right shape and, where the scheme has
/// one, a matching check digit. For example the German VAT number "DE136695976" or the Australian ABN
/// "51824753556".
/// </summary>
/// <remarks>
/// <para>
/// Invariant: <see cref="Value"/> is the canonical form accepted by the <see cref="Country"/>'s scheme for
/// <see cref="Kind"/>: upper-case ASCII, no spaces, dots, dashes or slashes. EU VAT numbers keep their
/// two-letter prefix (Greece uses "EL", not "GR"); so do UK ("GB", or "XI" for Northern Ireland), Swiss
/// ("CHE") and Norwegian ("NO") VAT numbers. Other schemes store the bare number. Printing conventions
/// (dashes, dots, the MWST or MVA suffix) live only in <see cref="Display"/>.
/// </para>
/// <para>
/// Well formed is not registered: whether the number is live is a registry question (VIES, HMRC, ABR…) for
/// the caller, which should also be ready for the registry to be down.
/// </para>
/// <para>
/// Parsing cleans up what people type: surrounding and inner whitespace, dots, dashes (including Unicode
/// dashes) and slashes are removed and letters are upper-cased with the invariant culture. An EU-style
/// prefix may be given or left out, but a wrong one (a French prefix for a German number) is refused.
/// Countries with no known scheme are refused with <see cref="TaxIdValidationCodes.UnknownCountryScheme"/>.
/// </para>
/// <para>
/// Equality is ordinal over country, kind and value. <c>default(TaxId)</c> holds no value: its
/// <see cref="Value"/> and <see cref="Display"/> throw <see cref="InvalidOperationException"/> and its
/// <see cref="ToString"/> is empty.
/// </para>
/// </remarks>
public readonly record struct TaxId
{
    private readonly string? _value;
    private readonly string? _display;

    private TaxId(CountryCode country, TaxIdKind kind, string value, string display)
    {
        Country = country;
        Kind = kind;
        _value = value;
        _display = display;
    }

    /// <summary>The country whose scheme the number follows.</summary>
    public CountryCode Country { get; }

    /// <summary>Which identifier this is; <see cref="TaxIdKind.None"/> only for <c>default(TaxId)</c>.</summary>
    public TaxIdKind Kind { get; }

    /// <summary>The canonical form, for storage and the wire, for example "DE136695976".</summary>
    public string Value => _value ?? throw Unset();

    /// <summary>The conventional printed form, for example "CHE-123.456.788 MWST" or "51 824 753 556".</summary>
    public string Display => _display ?? throw Unset();

    /// <summary>
    /// Checks <paramref name="input"/> against the tax id scheme of <paramref name="country"/> and says
    /// what is wrong with it, if anything.
    /// </summary>
    public static TaxIdValidationResult Validate(CountryCode country, string? input)
    {
        if (!TaxIdSchemes.TryGet(country, out var scheme))
        {
            return TaxIdValidationResult.Invalid(
                TaxIdValidationCodes.UnknownCountryScheme,
                $"Tax ids for {country.Country.Name} ({country.Value}) are not validated here; there is no known scheme for this country.");
        }

        var compact = Compact(input, scheme.ExtraSeparators);
        if (compact.Length == 0)
        {
            return TaxIdValidationResult.Invalid(TaxIdValidationCodes.Empty, $"No tax id was entered. {scheme.ExpectedFormat}");
        }

        var outcome = scheme.Check(compact);
        if (outcome.IsValid)
        {
            var value = outcome.Value!;
            return TaxIdValidationResult.Valid(new TaxId(country, outcome.Kind, value, scheme.Display(outcome.Kind, value)));
        }

        var reason = outcome.Code == TaxIdValidationCodes.CheckDigit
            ? $"The check digit of {compact} does not match, so a character is probably mistyped. {scheme.ExpectedFormat}"
            : outcome.Detail is null ? scheme.ExpectedFormat : $"{scheme.ExpectedFormat} {outcome.Detail}";
        return TaxIdValidationResult.Invalid(outcome.Code!, reason);
    }

    /// <exception cref="FormatException">The input is not a well-formed tax id of the country; the message says why.</exception>
    public static TaxId Parse(CountryCode country, string? input)
    {
        var result = Validate(country, input);
        return result.IsValid ? result.TaxId : throw new FormatException(result.Reason);
    }

    public static bool TryParse(CountryCode country, [NotNullWhen(true)] string? input, out TaxId taxId)
    {
        var result = Validate(country, input);
        taxId = result.IsValid ? result.TaxId : default;
        return result.IsValid;
    }

    /// <summary>The canonical value, for example "DE136695976"; empty for <c>default(TaxId)</c>.</summary>
    public override string ToString() => _value ?? string.Empty;

    /// <summary>
    /// Trims, drops whitespace, dots, slashes and dashes (any Unicode dash punctuation, since pasted numbers
    /// carry en and em dashes) plus the scheme's own separators, and upper-cases with the invariant culture.
    /// </summary>
    internal static string Compact(string? input, string extraSeparators)
    {
        if (string.IsNullOrEmpty(input))
        {
            return string.Empty;
        }

        var builder = new StringBuilder(input.Length);
        foreach (var c in input)
        {
            if (char.IsWhiteSpace(c)
                || c is '.' or '/'
                || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.DashPunctuation
                || extraSeparators.Contains(c, StringComparison.Ordinal))
            {
                continue;
            }

            builder.Append(char.ToUpperInvariant(c));
        }

        return builder.ToString();
    }

    private static InvalidOperationException Unset() =>
        new("This TaxId is default(TaxId) and holds no value; use TaxId.Parse or TaxId.Validate.");
}
