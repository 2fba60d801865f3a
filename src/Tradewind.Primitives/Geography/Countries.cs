using System.Collections.Frozen;
using System.Globalization;
using Tradewind.Primitives.Geography.Data;

namespace Tradewind.Primitives.Geography;

/// <summary>
/// The registry of ISO 3166-1 countries and of the ISO 3166-2 subdivisions we need, loaded once from the
/// embedded CSV files into frozen dictionaries, so every lookup is O(1) and allocation-free.
/// </summary>
public static class Countries
{
    internal static readonly FrozenDictionary<string, Country> ByAlpha2;
    internal static readonly FrozenDictionary<string, Subdivision> SubdivisionsByCode;
    private static readonly IReadOnlyList<Country> AllCountries;

    static Countries()
    {
        var countries = new Dictionary<string, Country>(StringComparer.Ordinal);
        foreach (var row in EmbeddedCsv.ReadRows("countries.csv"))
        {
            // Columns: alpha2, alpha3, numeric, name.
            var numeric = int.Parse(row[2], NumberStyles.None, CultureInfo.InvariantCulture);
            countries.Add(row[0], new Country(new CountryCode(row[0]), row[1], numeric, row[3]));
        }

        var subdivisions = new Dictionary<string, Subdivision>(StringComparer.Ordinal);
        foreach (var row in EmbeddedCsv.ReadRows("subdivisions.csv"))
        {
            // Columns: code, category, name. The country is the part before '-'.
            var code = row[0];
            var country = countries[code[..code.IndexOf('-', StringComparison.Ordinal)]];
            subdivisions.Add(code, new Subdivision(new SubdivisionCode(code), country.Code, row[2], row[1]));
        }

        foreach (var group in subdivisions.Values.GroupBy(s => s.Country.Value, StringComparer.Ordinal))
        {
            countries[group.Key].Subdivisions = group.OrderBy(s => s.Code.Value, StringComparer.Ordinal).ToArray().AsReadOnly();
        }

        ByAlpha2 = countries.ToFrozenDictionary(StringComparer.Ordinal);
        SubdivisionsByCode = subdivisions.ToFrozenDictionary(StringComparer.Ordinal);
        AllCountries = countries.Values.OrderBy(c => c.Code.Value, StringComparer.Ordinal).ToArray().AsReadOnly();
    }

    /// <summary>All 249 ISO 3166-1 countries, sorted by alpha-2 code.</summary>
    public static IReadOnlyList<Country> All => AllCountries;
}
