namespace Tradewind.Localization.Engines;

/// <summary>ISO 639-1 codes as Tradewind uses them, to the ISO 639-3 codes Apertium names its pairs with.</summary>
internal static class LanguageCodes
{
    private static readonly Dictionary<string, string> Iso6393 = new(StringComparer.OrdinalIgnoreCase)
    {
        ["en"] = "eng",
        ["es"] = "spa",
        ["fr"] = "fra",
        ["de"] = "deu",
        ["ja"] = "jpn",
        ["ko"] = "kor",
        ["pt"] = "por",
        ["it"] = "ita",
        ["ca"] = "cat",
        ["gl"] = "glg",
        ["nl"] = "nld",
        ["oc"] = "oci",
        ["eu"] = "eus",
        ["ro"] = "ron",
        ["ru"] = "rus",
        ["uk"] = "ukr",
        ["sv"] = "swe",
        ["da"] = "dan",
        ["nb"] = "nob",
        ["nn"] = "nno",
        ["pl"] = "pol",
        ["is"] = "isl",
        ["mk"] = "mkd",
        ["bg"] = "bul",
        ["af"] = "afr",
        ["be"] = "bel",
        ["br"] = "bre",
        ["eo"] = "epo",
    };

    public static string ToIso6393(string language) => Iso6393.TryGetValue(language, out var code) ? code : language;
}
