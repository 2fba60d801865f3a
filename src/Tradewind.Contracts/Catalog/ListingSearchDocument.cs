using Tradewind.Contracts.Localization;
using Tradewind.Primitives.Ids;

namespace Tradewind.Contracts.Catalog;

/// <summary>
/// What the search index holds for one product, from its published revision. <see cref="Removed"/> is true for a product
/// that was published but is no longer on the storefront (restricted or archived): drop it from the index.
/// <see cref="PricingModels"/> uses the names in <see cref="Catalog.PricingModels"/>.
/// </summary>
public sealed record ListingSearchDocument(
    ProductId Id,
    string Slug,
    string Title,
    string ShortDescription,
    string LongDescription,
    IReadOnlyList<string> Highlights,
    IReadOnlyList<string> Keywords,
    OrganisationId SellerId,
    string SellerName,
    IReadOnlyList<string> CategorySlugs,
    IReadOnlyList<string> PricingModels,
    DateTimeOffset PublishedAt,
    bool Removed)
{
    /// <summary>The listing's current translations, indexed per language so a search in that language finds it.</summary>
    public IReadOnlyList<TranslatedSearchText> Translations { get; init; } = [];
}
