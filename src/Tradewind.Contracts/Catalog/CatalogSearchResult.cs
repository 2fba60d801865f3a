using Tradewind.Primitives.Ids;

namespace Tradewind.Contracts.Catalog;

/// <summary>One page of matching listings, the sort that ordered them, and facet counts over every match.</summary>
public sealed record CatalogSearchResult(Page<CatalogSearchHit> Hits, CatalogSearchSort Sort, CatalogSearchFacets Facets);

/// <summary>
/// A matching listing with what a result card shows. <see cref="CategorySlug"/> and <see cref="CategoryName"/> are
/// its first category; <see cref="Score"/> is only comparable within one search.
/// </summary>
public sealed record CatalogSearchHit(
    ProductId Id,
    string Slug,
    string Title,
    string ShortDescription,
    OrganisationId SellerId,
    string SellerName,
    string CategorySlug,
    string CategoryName,
    IReadOnlyList<string> CategorySlugs,
    IReadOnlyList<string> PricingModels,
    DateTimeOffset PublishedAt,
    float Score);

/// <summary>
/// How many of all matches (not just the page) carry each value. A listing in two categories counts in both, so
/// the category counts add up to the total only when every listing has one category.
/// </summary>
public sealed record CatalogSearchFacets(IReadOnlyList<FacetCount> Categories, IReadOnlyList<FacetCount> PricingModels, IReadOnlyList<FacetCount> Sellers);

/// <summary>A filter value (a category slug, a pricing model, a seller id), what to call it, and its match count.</summary>
public sealed record FacetCount(string Value, string Label, int Count, bool Selected);
