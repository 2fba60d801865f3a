using Tradewind.Primitives.Ids;

namespace Tradewind.Catalog.Listings;

/// <summary>
/// An approved snapshot of a listing's content (table <c>catalog_listing_revisions</c>). Revisions are numbered from 1 and
/// never change; the storefront shows the product's <see cref="Listing.PublishedRevision"/>.
/// </summary>
internal sealed class ListingRevision
{
    public ProductId ProductId { get; init; }

    public int Number { get; init; }

    /// <summary><see cref="ListingContent"/> as JSON.</summary>
    public required string ContentJson { get; init; }

    public DateTimeOffset PublishedAt { get; init; }

    /// <summary>Who approved it (the audit trail's actor).</summary>
    public required string ApprovedBy { get; init; }
}
