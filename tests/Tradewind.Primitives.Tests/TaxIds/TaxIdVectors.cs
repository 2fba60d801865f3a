using System.Text.Json;

namespace Tradewind.Primitives.TaxIds.Tests;

/// <summary>
/// The public test vectors in <c>TestData/</c> (see its README): the jsvat country lists and the
/// python-stdnum doctests, as (country, vector) rows for the countries that have a scheme here.
/// </summary>
internal static class TaxIdVectors
{
    // jsvat lists for countries outside our scope: Andorra, Russia and Serbia have no scheme here, and
    // "europe" holds non-Union OSS numbers (EU + 9 digits), which are refused separately in TaxIdTests.
    private static readonly HashSet<string> JsvatListsWithoutScheme = new(StringComparer.Ordinal) { "andorra", "russia", "serbia", "europe" };

    private static readonly Dictionary<string, string> StdnumCountries = new(StringComparer.Ordinal)
    {
        ["au_abn"] = "AU",
        ["nz_ird"] = "NZ",
        ["jp_cn"] = "JP",
        ["kr_brn"] = "KR",
        ["in_gstin"] = "IN",
        ["ca_bn"] = "CA",
        ["ch_uid"] = "CH",
        ["no_mva"] = "NO",
        ["no_orgnr"] = "NO",
        ["sg_uen"] = "SG",
        ["tw_ubn"] = "TW",
        ["gb_vat"] = "GB",
        ["tr_vkn"] = "TR",
        ["cl_rut"] = "CL",
        ["co_nit"] = "CO",
        ["br_cnpj"] = "BR",
        ["il_hp"] = "IL",
    };

    /// <summary>
    /// Vectors listed as valid that fail the published check, with the reason. They are left out of the
    /// valid set and are instead expected to be refused (see <see cref="ExcludedValid"/>).
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> ExcludedValidReasons = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        // python-stdnum kr/brn checks only the components of a BRN, not the NTS check digit, and its list
        // of numbers "found online" includes three that fail that check (tax.md §3, South Korea). 206-18-12345
        // is plainly a made-up example; the other two are most likely mistyped.
        ["KR 206-18-12345"] = "fails the NTS check digit (stdnum does not check it)",
        ["KR 306-82-00417"] = "fails the NTS check digit (stdnum does not check it)",
        ["KR 728-86-00316"] = "fails the NTS check digit (stdnum does not check it)",
    };

    /// <summary>
    /// Vectors listed as invalid that the published rule accepts, with the reason. They are left out of the
    /// invalid set and are instead expected to be accepted (see <see cref="ExcludedInvalid"/>).
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> ExcludedInvalidReasons = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        // jsvat 2.5.4 accepts only Belgian numbers starting with 0 (its pattern is 0?\d{9}), but Belgian
        // enterprise numbers may start with 1 now that the 0 series is running out (tax.md §1.3: "0 or 1
        // first"), and these three pass the mod 97 check: 97 − (16026026 mod 97) = 23, 97 − (14005213 mod 97)
        // = 35, 97 − (14000044 mod 97) = 63.
        ["BE BE1602602623"] = "a 1-series Belgian number with a correct mod 97 check",
        ["BE BE1400521335"] = "a 1-series Belgian number with a correct mod 97 check",
        ["BE BE1400004463"] = "a 1-series Belgian number with a correct mod 97 check",
    };

    private static readonly Lazy<Loaded> Data = new(Load);

    /// <summary>Valid vectors, minus <see cref="ExcludedValidReasons"/>.</summary>
    public static TheoryData<string, string> Valid => Rows(Data.Value.Valid.Where(r => !IsExcluded(r)));

    /// <summary>Vectors listed as valid that we refuse on purpose.</summary>
    public static TheoryData<string, string> ExcludedValid => Rows(Data.Value.Valid.Where(IsExcluded));

    /// <summary>Vectors listed as invalid, minus <see cref="ExcludedInvalidReasons"/>.</summary>
    public static TheoryData<string, string> Invalid =>
        Rows(Data.Value.Invalid.Where(r => !ExcludedInvalidReasons.ContainsKey($"{r.Country} {r.Vector}")));

    /// <summary>Vectors listed as invalid that we accept on purpose.</summary>
    public static TheoryData<string, string> ExcludedInvalid =>
        Rows(Data.Value.Invalid.Where(r => ExcludedInvalidReasons.ContainsKey($"{r.Country} {r.Vector}")));

    /// <summary>jsvat's "valid only by format" vectors: the right shape with a wrong check digit.</summary>
    public static TheoryData<string, string> WrongCheckDigitOnly => Rows(Data.Value.FormatOnly);

    public static IReadOnlyList<(string Country, string Vector)> AllValid => Data.Value.Valid;

    private static bool IsExcluded((string Country, string Vector) row) =>
        ExcludedValidReasons.ContainsKey($"{row.Country} {row.Vector}");

    private static TheoryData<string, string> Rows(IEnumerable<(string Country, string Vector)> rows)
    {
        var data = new TheoryData<string, string>();
        foreach (var (country, vector) in rows.Distinct())
        {
            data.Add(country, vector);
        }

        return data;
    }

    private static Loaded Load()
    {
        var loaded = new Loaded();
        using (var jsvat = Read("jsvat-test-vectors.json"))
        {
            foreach (var list in jsvat.RootElement.GetProperty("countries").EnumerateObject())
            {
                if (JsvatListsWithoutScheme.Contains(list.Name))
                {
                    continue;
                }

                var country = list.Value.GetProperty("codes")[0].GetString()!;
                Add(loaded.Valid, country, list.Value.GetProperty("valid"), e => e.GetString()!);
                Add(loaded.FormatOnly, country, list.Value.GetProperty("validOnlyByFormat"), e => e.GetString()!);
                Add(loaded.Invalid, country, list.Value.GetProperty("invalid"), e => e.GetString()!);
            }
        }

        using (var stdnum = Read("stdnum-taxid-vectors.json"))
        {
            foreach (var type in stdnum.RootElement.GetProperty("types").EnumerateObject())
            {
                var country = StdnumCountries[type.Name];
                Add(loaded.Valid, country, type.Value.GetProperty("valid"), e => e.GetString()!);
                Add(loaded.Invalid, country, type.Value.GetProperty("invalid"), e => e.GetProperty("value").GetString()!);
            }
        }

        return loaded;
    }

    private static void Add(List<(string, string)> rows, string country, JsonElement array, Func<JsonElement, string> value)
    {
        foreach (var element in array.EnumerateArray())
        {
            rows.Add((country, value(element)));
        }
    }

    private static JsonDocument Read(string file) =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "TestData", file)));

    private sealed class Loaded
    {
        public List<(string Country, string Vector)> Valid { get; } = [];

        public List<(string Country, string Vector)> FormatOnly { get; } = [];

        public List<(string Country, string Vector)> Invalid { get; } = [];
    }
}
