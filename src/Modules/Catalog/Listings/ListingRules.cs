using System.Net.Mail;
using Tradewind.Contracts;
using Tradewind.Contracts.Catalog;
using Tradewind.Primitives.Geography;
using Tradewind.Primitives.Ids;

namespace Tradewind.Catalog.Listings;

/// <summary>The rules a listing's content obeys at every save; what only <c>submit</c> needs is <see cref="ListingContent.Gaps"/>.</summary>
internal static class ListingRules
{
    public const int MaxShortDescription = 350;
    public const int MaxLongDescription = 20_000;
    public const int MaxHighlights = 3;
    public const int MaxHighlightLength = 200;
    public const int MaxCategories = 3;
    public const int MaxKeywords = 3;
    public const int MaxKeywordCharacters = 250;
    public const int MaxLicenceTerms = 100_000;
    public const int MaxScreenshots = 5;

    /// <summary>Reads and checks a seller's input; throws <see cref="ValidationFailedException"/> naming every bad field.</summary>
    /// <param name="input">What the seller sent.</param>
    /// <param name="categoriesBySlug">Every category, by slug.</param>
    /// <param name="current">The draft being replaced (its media are kept when the input leaves them out), or null.</param>
    /// <param name="productMedia">The media uploaded for this product, by id, with their kind.</param>
    public static ListingContent Read(
        ListingInput input,
        IReadOnlyDictionary<string, CategoryId> categoriesBySlug,
        ListingContent? current,
        IReadOnlyDictionary<MediaId, MediaKind> productMedia)
    {
        if (input is null)
        {
            throw new ValidationFailedException("body", "Give the listing.");
        }

        var v = new Validation();
        var title = input.Title?.Trim() ?? "";
        v.Require(title.Length is >= 2 and <= 120, "title", "Give a title of 2 to 120 characters.");
        var shortDescription = input.ShortDescription?.Trim() ?? "";
        v.Require(shortDescription.Length <= MaxShortDescription, "shortDescription", $"The short description has up to {MaxShortDescription} characters.");
        var longDescription = input.LongDescription?.Trim() ?? "";
        v.Require(longDescription.Length <= MaxLongDescription, "longDescription", "The long description may have up to 20,000 characters.");
        if (SellerMarkdown.FindUnsafeMarkup(longDescription) is { } unsafeDescription)
        {
            v.Add("longDescription", unsafeDescription);
        }

        var highlights = Clean(input.Highlights);
        v.Require(highlights.Count <= MaxHighlights, "highlights", $"Give up to {MaxHighlights} highlights.");
        v.Require(highlights.All(h => h.Length <= MaxHighlightLength), "highlights", $"A highlight has up to {MaxHighlightLength} characters.");

        var categories = ReadCategories(input.Categories, categoriesBySlug, v);
        var keywords = Clean(input.Keywords);
        CheckKeywords(keywords, title, v);

        var support = input.Support ?? SupportContact.None;
        var email = Blank(support.Email);
        var supportUrl = Blank(support.Url);
        if (email is not null && !IsEmail(email))
        {
            v.Add("support.email", "Give a valid e-mail address.");
        }

        if (supportUrl is not null && !IsWebUrl(supportUrl, requireHttps: false))
        {
            v.Add("support.url", "Give an absolute http or https URL.");
        }

        var fulfilmentUrl = Blank(input.FulfilmentUrl);
        if (fulfilmentUrl is not null && !IsWebUrl(fulfilmentUrl, requireHttps: true))
        {
            v.Add("fulfilmentUrl", "Give an absolute https URL (http only for localhost).");
        }

        var excluded = ReadCountries(input.Availability, v);
        var licence = input.Licence ?? Licence.Standard;
        string? licenceTerms = null;
        if (!Enum.IsDefined(licence.Kind))
        {
            v.Add("licence.kind", "The licence is \"standard\" (the operator's contract) or \"custom\" (your own terms).");
        }
        else if (licence.Kind == LicenceKind.Custom)
        {
            licenceTerms = licence.Terms?.Trim() ?? "";
            v.Require(licenceTerms.Length is > 0 and <= MaxLicenceTerms, "licence.terms", "Give your licence terms (up to 100,000 characters).");
            if (SellerMarkdown.FindUnsafeMarkup(licenceTerms) is { } unsafeTerms)
            {
                v.Add("licence.terms", unsafeTerms);
            }
        }
        else
        {
            v.Require(string.IsNullOrWhiteSpace(licence.Terms), "licence.terms", "The standard licence has no terms of your own; choose \"custom\" to give them.");
        }

        var logo = input.Logo ?? current?.Logo;
        if (input.Logo is { } newLogo && (!productMedia.TryGetValue(newLogo, out var logoKind) || logoKind != MediaKind.Logo))
        {
            v.Add("logo", "Upload the logo to this product first (POST /api/v1/products/{id}/media).");
        }

        var screenshots = input.Screenshots?.Distinct().ToList() ?? current?.Screenshots.ToList() ?? [];
        v.Require(screenshots.Count <= MaxScreenshots, "screenshots", $"Show up to {MaxScreenshots} screenshots.");
        if (input.Screenshots is not null && screenshots.Any(s => !productMedia.TryGetValue(s, out var kind) || kind != MediaKind.Screenshot))
        {
            v.Add("screenshots", "List only screenshots uploaded to this product.");
        }

        v.ThrowIfInvalid();
        return new ListingContent(
            title, shortDescription, longDescription, highlights, categories, keywords, logo, screenshots,
            email, supportUrl, fulfilmentUrl, excluded, licence.Kind, licenceTerms);
    }

    /// <summary>Up to 3 keywords, 250 characters together, none the same as the title (ignoring case): search already has the title.</summary>
    public static void CheckKeywords(IReadOnlyList<string> keywords, string title, Validation v)
    {
        v.Require(keywords.Count <= MaxKeywords, "keywords", $"Give up to {MaxKeywords} keywords.");
        v.Require(keywords.Sum(k => k.Length) <= MaxKeywordCharacters, "keywords", $"Keywords have up to {MaxKeywordCharacters} characters in total.");
        v.Require(!keywords.Any(k => string.Equals(k, title, StringComparison.OrdinalIgnoreCase)), "keywords", "A keyword cannot repeat the title.");
        v.Require(keywords.Distinct(StringComparer.OrdinalIgnoreCase).Count() == keywords.Count, "keywords", "Each keyword once.");
    }

    public static bool IsWebUrl(string text, bool requireHttps)
    {
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || string.IsNullOrEmpty(uri.Host) || text.Length > 2000)
        {
            return false;
        }

        return uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && (!requireHttps || uri.IsLoopback));
    }

    private static bool IsEmail(string text) =>
        text.Length <= 256 && MailAddress.TryCreate(text, out var address) && string.Equals(address.Address, text, StringComparison.Ordinal);

    private static List<CategoryId> ReadCategories(IReadOnlyList<string>? slugs, IReadOnlyDictionary<string, CategoryId> categoriesBySlug, Validation v)
    {
        var read = new List<CategoryId>();
        var given = Clean(slugs);
        v.Require(given.Count <= MaxCategories, "categories", $"Choose up to {MaxCategories} categories.");
        foreach (var slug in given)
        {
            if (!categoriesBySlug.TryGetValue(slug, out var id))
            {
                v.Add("categories", $"Unknown category '{slug}'.");
            }
            else if (!read.Contains(id))
            {
                read.Add(id);
            }
        }

        return read;
    }

    private static List<string> ReadCountries(Availability? availability, Validation v)
    {
        var codes = new List<string>();
        foreach (var given in Clean(availability?.ExcludedCountries))
        {
            if (!Country.TryFromCode(given.ToUpperInvariant(), out var country))
            {
                v.Add("availability.excludedCountries", $"'{given}' is not an ISO 3166-1 alpha-2 country code.");
            }
            else if (!codes.Contains(country.Code.ToString()))
            {
                codes.Add(country.Code.ToString());
            }
        }

        codes.Sort(StringComparer.Ordinal);
        return codes;
    }

    private static List<string> Clean(IReadOnlyList<string>? items) =>
        items?.Where(i => !string.IsNullOrWhiteSpace(i)).Select(i => i.Trim()).ToList() ?? [];

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
