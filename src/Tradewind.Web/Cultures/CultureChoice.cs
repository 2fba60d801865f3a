using System.Globalization;
using System.Security.Claims;
using Microsoft.Net.Http.Headers;
using Tradewind.Contracts.Accounts;

namespace Tradewind.Web.Cultures;

/// <summary>
/// How a language (what the UI says) becomes a formatting culture (how numbers, money and dates look). The UI uses
/// neutral cultures ("fr") so one translation serves every country; formatting always uses a specific culture
/// ("fr-FR", "fr-CA"), because a neutral culture has no region and formats currency as '¤'.
/// </summary>
internal static class CultureChoice
{
    /// <summary>The UI languages when <c>Localization:UiCultures</c> is not configured; the first is the default.</summary>
    public static readonly string[] DefaultUiLanguages = ["en", "es", "fr", "ja", "ko", "de"];

    /// <summary>
    /// The formatting culture of a language when the visitor's country is unknown: the country most of its readers
    /// on Tradewind are in (US English, Spain's Spanish, France's French).
    /// </summary>
    private static readonly Dictionary<string, string> HomeCultures = new(StringComparer.OrdinalIgnoreCase)
    {
        ["en"] = "en-US",
        ["es"] = "es-ES",
        ["fr"] = "fr-FR",
        ["ja"] = "ja-JP",
        ["ko"] = "ko-KR",
        ["de"] = "de-DE",
    };

    /// <summary>
    /// The specific culture that formats for a reader of <paramref name="language"/> in <paramref name="countryCode"/>
    /// (ISO 3166-1): "es" in "MX" is es-MX; "fr" with no country is fr-FR. A pair ICU does not define falls back to the
    /// language's home culture, never to a neutral one.
    /// </summary>
    public static CultureInfo FormattingCulture(string language, string? countryCode)
    {
        ArgumentNullException.ThrowIfNull(language);
        if (countryCode is { Length: 2 } && countryCode.All(char.IsAsciiLetter)
            && TryGetSpecific($"{language}-{countryCode.ToUpperInvariant()}", out var regional))
        {
            return regional;
        }

        if (HomeCultures.TryGetValue(language, out var home))
        {
            return CultureInfo.GetCultureInfo(home);
        }

        return TryGetSpecific(CultureInfo.CreateSpecificCulture(language).Name, out var specific)
            ? specific
            : CultureInfo.GetCultureInfo("en-US");
    }

    /// <summary>
    /// Every culture <see cref="FormattingCulture"/> can return for <paramref name="languages"/>, plus
    /// <paramref name="extra"/>: the request-localization middleware only accepts a culture from this list.
    /// </summary>
    public static IList<CultureInfo> FormattingCultures(IEnumerable<string> languages, IEnumerable<string> extra)
    {
        var wanted = languages.ToHashSet(StringComparer.OrdinalIgnoreCase);
        return CultureInfo.GetCultures(CultureTypes.SpecificCultures)
            .Where(c => wanted.Contains(c.TwoLetterISOLanguageName) && HasRegion(c))
            .Concat(wanted.Select(l => FormattingCulture(l, null)))
            .Concat(extra.Select(CultureInfo.GetCultureInfo))
            .DistinctBy(c => c.Name, StringComparer.OrdinalIgnoreCase)
            .ToList();
    }

    /// <summary>
    /// The visitor's country, when known: their organisation's when signed in, otherwise the region of the first
    /// Accept-Language entry in <paramref name="language"/> ("fr-CA" for French).
    /// </summary>
    public static string? CountryOf(HttpContext context, string language)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.User.FindFirstValue(TradewindClaims.Country) is { Length: 2 } country)
        {
            return country;
        }

        foreach (var tag in AcceptedLanguages(context.Request))
        {
            var (tagLanguage, region) = Split(tag);
            if (region is not null && string.Equals(tagLanguage, language, StringComparison.OrdinalIgnoreCase))
            {
                return region;
            }
        }

        return null;
    }

    /// <summary>The Accept-Language tags, most preferred first (equal weights keep the header's order).</summary>
    public static IEnumerable<string> AcceptedLanguages(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!request.Headers.ContainsKey(HeaderNames.AcceptLanguage))
        {
            return [];
        }

        return (request.GetTypedHeaders().AcceptLanguage ?? [])
            .Where(v => v.Quality is not 0 && v.Value.HasValue && v.Value.Value != "*")
            .Select((v, index) => (Tag: v.Value.Value!, Quality: v.Quality ?? 1, index))
            .OrderByDescending(v => v.Quality).ThenBy(v => v.index)
            .Select(v => v.Tag);
    }

    /// <summary>"es-MX" → ("es", "MX"); "zh-Hant-TW" → ("zh", "TW"); "ja" → ("ja", null).</summary>
    public static (string Language, string? Region) Split(string tag)
    {
        ArgumentNullException.ThrowIfNull(tag);
        var parts = tag.Split('-', StringSplitOptions.RemoveEmptyEntries);
        var region = parts.Skip(1).FirstOrDefault(p => p.Length == 2 && p.All(char.IsAsciiLetter));
        return (parts.Length > 0 ? parts[0].ToLowerInvariant() : "", region?.ToUpperInvariant());
    }

    /// <summary>Whether <paramref name="language"/> is one of <paramref name="uiCultures"/> (by neutral name).</summary>
    public static string? Supported(IEnumerable<CultureInfo>? uiCultures, string? language) =>
        language is null ? null : uiCultures?.FirstOrDefault(c => string.Equals(c.Name, language, StringComparison.OrdinalIgnoreCase))?.Name;

    private static bool TryGetSpecific(string name, out CultureInfo culture)
    {
        culture = CultureInfo.InvariantCulture;
        try
        {
            var found = CultureInfo.GetCultureInfo(name, predefinedOnly: true);
            if (found.IsNeutralCulture || !HasRegion(found))
            {
                return false;
            }

            culture = found;
            return true;
        }
        catch (CultureNotFoundException)
        {
            return false;
        }
    }

    private static bool HasRegion(CultureInfo culture) => culture.NumberFormat.CurrencySymbol != "¤";
}
