using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;
using Tradewind.Primitives.Geography;

namespace Tradewind.Primitives.TaxIds.Schemes;

/// <summary>
/// The tax id scheme of each country we validate, keyed by ISO 3166-1 alpha-2 code. A country that is not
/// here has no known scheme (tax.md §8 lists the sources).
/// </summary>
internal static class TaxIdSchemes
{
    private static readonly FrozenDictionary<string, TaxIdScheme> ByCountry = Build();

    public static bool TryGet(CountryCode country, [NotNullWhen(true)] out TaxIdScheme? scheme) =>
        ByCountry.TryGetValue(country.Value, out scheme);

    /// <summary>The alpha-2 codes of every country with a scheme.</summary>
    public static IEnumerable<string> Countries => ByCountry.Keys;

    private static FrozenDictionary<string, TaxIdScheme> Build()
    {
        var schemes = new Dictionary<string, TaxIdScheme>(StringComparer.Ordinal);
        foreach (var (country, rule) in EuVatRules.ByCountry)
        {
            schemes.Add(country, new EuVatScheme(rule));
        }

        schemes.Add("GB", new GbVatScheme());
        schemes.Add("CH", new ChUidScheme());
        schemes.Add("NO", new NoMvaScheme());
        schemes.Add("IS", new FormatOnlyScheme(TaxIdKind.IsVsk, "[0-9]{5,6}", "An Icelandic VAT (VSK) number is 5 or 6 digits."));
        schemes.Add("AU", new AbnScheme());
        schemes.Add("NZ", new IrdScheme());
        schemes.Add("JP", new JpCorporateNumberScheme());
        schemes.Add("KR", new KrBrnScheme());
        schemes.Add("IN", new GstinScheme());
        schemes.Add("SG", new UenScheme());
        schemes.Add("CA", new CaBnScheme());
        schemes.Add("TW", new TwUbnScheme());
        schemes.Add("US", new EinScheme());
        schemes.Add("BR", new CnpjScheme());
        schemes.Add("MX", new RfcScheme());
        schemes.Add("CL", new RutScheme());
        schemes.Add("CO", new NitScheme());
        schemes.Add("TR", new VknScheme());
        schemes.Add("IL", new IlCompanyNumberScheme());

        // Shape only; ZATCA, the FTA and SARS publish no check digit (tax.md §5, confidence M for the shapes).
        schemes.Add("SA", new FormatOnlyScheme(TaxIdKind.SaVat, "3[0-9]{13}3", "A Saudi VAT number is 15 digits, beginning and ending with 3."));
        schemes.Add("AE", new FormatOnlyScheme(TaxIdKind.AeTrn, "100[0-9]{12}", "A UAE Tax Registration Number (TRN) is 15 digits starting with 100."));
        schemes.Add("ZA", new FormatOnlyScheme(TaxIdKind.ZaVat, "4[0-9]{9}", "A South African VAT number is 10 digits starting with 4."));
        schemes.Add("ID", new NpwpScheme());
        return schemes.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
