using Tradewind.Contracts.Catalog;
using Tradewind.Primitives.Ids;

namespace Tradewind.Catalog.Listings;

/// <summary>
/// Everything a buyer reads about a product, as one value: the working draft, or a published revision's snapshot
/// (stored as JSON in <c>catalog_listing_revisions</c>). <see cref="Categories"/> is in the seller's order; the first is primary.
/// </summary>
internal sealed record ListingContent(
    string Title,
    string ShortDescription,
    string LongDescription,
    IReadOnlyList<string> Highlights,
    IReadOnlyList<CategoryId> Categories,
    IReadOnlyList<string> Keywords,
    MediaId? Logo,
    IReadOnlyList<MediaId> Screenshots,
    string? SupportEmail,
    string? SupportUrl,
    string? FulfilmentUrl,
    IReadOnlyList<string> ExcludedCountries,
    LicenceKind LicenceKind,
    string? LicenceTerms)
{
    /// <summary>What <c>submit</c> requires that a draft may still lack, as field → message.</summary>
    public IReadOnlyDictionary<string, string[]> Gaps()
    {
        var gaps = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(ShortDescription))
        {
            gaps["shortDescription"] = ["Write a short description before submitting."];
        }

        if (Categories.Count == 0)
        {
            gaps["categories"] = ["Choose at least one category before submitting."];
        }

        if (string.IsNullOrWhiteSpace(FulfilmentUrl))
        {
            gaps["fulfilmentUrl"] = ["Give the fulfilment URL buyers are sent to after subscribing."];
        }

        return gaps;
    }

    public SupportContact Support => new(SupportEmail, SupportUrl);

    public Availability Availability => new(ExcludedCountries);

    public Licence Licence => new(LicenceKind, LicenceTerms);
}
