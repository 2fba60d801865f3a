using Tradewind.Primitives.Ids;

namespace Tradewind.Contracts.Catalog;

/// <summary>How buyers reach the seller's support: an e-mail address, a URL, or both.</summary>
public sealed record SupportContact(string? Email, string? Url)
{
    public static SupportContact None { get; } = new(null, null);
}

/// <summary>
/// Where a product may be bought: everywhere the operator sells, except the ISO 3166-1 alpha-2 codes in
/// <see cref="ExcludedCountries"/>.
/// </summary>
public sealed record Availability(IReadOnlyList<string> ExcludedCountries)
{
    public static Availability Everywhere { get; } = new([]);
}

public enum LicenceKind
{
    /// <summary>The operator's standard contract for every product.</summary>
    Standard,

    /// <summary>The seller's own terms, in <see cref="Licence.Terms"/> (Markdown, up to 100,000 characters).</summary>
    Custom,
}

public sealed record Licence(LicenceKind Kind, string? Terms)
{
    public static Licence Standard { get; } = new(LicenceKind.Standard, null);
}

/// <summary>
/// What a seller writes for a listing (create and edit replace the whole working draft). Lists may be empty while a
/// draft is being written; <c>submit</c> checks the listing is complete. <see cref="Categories"/> are category slugs.
/// <see cref="Logo"/> and <see cref="Screenshots"/> refer to media uploaded for this product; null keeps them as they are.
/// </summary>
public sealed record ListingInput(
    string Title,
    string? ShortDescription,
    string? LongDescription,
    IReadOnlyList<string>? Highlights,
    IReadOnlyList<string>? Categories,
    IReadOnlyList<string>? Keywords,
    SupportContact? Support,
    string? FulfilmentUrl,
    Availability? Availability,
    Licence? Licence,
    MediaId? Logo = null,
    IReadOnlyList<MediaId>? Screenshots = null);

/// <summary>One revision's content: the working draft, or a published snapshot.</summary>
public sealed record ListingContentDto(
    string Title,
    string ShortDescription,
    string LongDescription,
    IReadOnlyList<string> Highlights,
    IReadOnlyList<CategoryRef> Categories,
    IReadOnlyList<string> Keywords,
    MediaId? Logo,
    IReadOnlyList<MediaId> Screenshots,
    SupportContact Support,
    string? FulfilmentUrl,
    Availability Availability,
    Licence Licence);

/// <summary>A product as its seller (or the operator) sees it: the working draft and, once approved, the published revision.</summary>
public sealed record ProductDto(
    ProductId Id,
    OrganisationId SellerId,
    string SellerName,
    string Slug,
    ListingStatus Status,
    ListingContentDto Draft,
    int? PublishedRevision,
    ListingContentDto? Published,
    bool HasUnpublishedChanges,
    string? RejectionReason,
    string? RestrictionReason,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? PublishedAt);

public enum MediaKind
{
    /// <summary>One per product, at most 1 MB.</summary>
    Logo,

    /// <summary>Up to five per product, each at most 5 MB.</summary>
    Screenshot,
}

public sealed record MediaDto(MediaId Id, ProductId ProductId, MediaKind Kind, string ContentType, long Length, string Sha256, int? Width, int? Height);

/// <summary>An image's bytes for serving: immutable, so <see cref="Sha256"/> is a strong ETag.</summary>
public sealed record MediaContent(MediaId Id, string ContentType, string Sha256, byte[] Bytes);

/// <summary>Who acts on a product: a seller (sees only its own products) or the operator (sees every product).</summary>
public sealed record CatalogCaller(OrganisationId OrganisationId, bool IsOperator, string Actor);
