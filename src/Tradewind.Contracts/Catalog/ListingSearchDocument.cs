using Tradewind.Primitives.Ids;

namespace Tradewind.Contracts.Catalog;

/// <summary>
/// Everything the storefront search indexes about one listing. <see cref="Removed"/> is true when a listing that
/// was published is no longer, so an index fed changes since a point in time can drop it.
/// </summary>
public sealed record ListingSearchDocument(ProductId Id, string Slug, string Title, string ShortDescription, string LongDescription, IReadOnlyList<string> Highlights, IReadOnlyList<string> Keywords, OrganisationId SellerId, string SellerName, IReadOnlyList<string> CategorySlugs, IReadOnlyList<string> PricingModels /* "free-trial","free-tier","usage","contract" */, DateTimeOffset PublishedAt, bool Removed);
