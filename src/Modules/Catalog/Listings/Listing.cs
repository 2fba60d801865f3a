using Tradewind.Contracts.Catalog;
using Tradewind.Primitives.Ids;

namespace Tradewind.Catalog.Listings;

/// <summary>
/// A seller's product as buyers see it on the storefront. Only published listings are visible to the public;
/// a seller sees all of its own and none of anyone else's.
/// </summary>
internal sealed class Listing
{
    public ProductId Id { get; init; }

    public OrganisationId SellerId { get; init; }

    /// <summary>Seller name copied at creation so the storefront needs no cross-module join.</summary>
    public required string SellerName { get; set; }

    /// <summary>URL-safe and unique: the listing lives at <c>/products/{slug}</c>.</summary>
    public required string Slug { get; init; }

    public required string Title { get; set; }

    public required string ShortDescription { get; set; }

    public required string LongDescription { get; set; }

    public CategoryId CategoryId { get; set; }

    public ListingStatus Status { get; set; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? PublishedAt { get; set; }
}
