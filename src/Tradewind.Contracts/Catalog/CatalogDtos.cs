using Tradewind.Primitives.Ids;

namespace Tradewind.Contracts.Catalog;

public sealed record CategoryDto(CategoryId Id, string Slug, string Name, string Group, int ListingCount);

public sealed record NewCategory(string Slug, string Name, string Group);

/// <summary>An operator's change to a category: the slug is permanent (it is in URLs and search indexes).</summary>
public sealed record CategoryChange(string Name, string Group);

/// <summary>A category as a listing shows it.</summary>
public sealed record CategoryRef(string Slug, string Name);

/// <summary>
/// Where a product is in its review lifecycle: <c>draft → submitted → published | rejected</c>, then
/// <c>restricted</c> (by the operator) or <c>archived</c>. A product that was published once stays on the storefront with
/// its last approved revision while a newer revision is submitted or rejected; restricted and archived products are not shown.
/// </summary>
public enum ListingStatus
{
    Draft,
    Published,
    Submitted,
    Rejected,
    Restricted,
    Archived,
}

/// <summary>What pricing a listing's published plans offer, for cards and filters.</summary>
/// <param name="Models">The kinds on offer, in this order when present: <c>free-trial</c>, <c>free-tier</c>, <c>usage</c>, <c>contract</c>.</param>
/// <param name="FromPrice">The lowest positive price a buyer can pay (a unit price or a contract's monthly equivalent) as a decimal string; null when nothing is priced.</param>
/// <param name="FromCurrency">The ISO 4217 code of <paramref name="FromPrice"/> (plans are priced in USD).</param>
/// <param name="FromPer">What <paramref name="FromPrice"/> buys: a dimension's unit (<c>request</c>) or <c>month</c>.</param>
public sealed record PricingSummaryDto(IReadOnlyList<string> Models, string? FromPrice, string? FromCurrency, string? FromPer)
{
    public static PricingSummaryDto None { get; } = new([], null, null, null);

    public bool FreeTrial => Models.Contains(PricingModels.FreeTrial, StringComparer.Ordinal);

    public bool FreeTier => Models.Contains(PricingModels.FreeTier, StringComparer.Ordinal);

    public bool Usage => Models.Contains(PricingModels.Usage, StringComparer.Ordinal);

    public bool Contract => Models.Contains(PricingModels.Contract, StringComparer.Ordinal);
}

/// <summary>The names of the pricing kinds, as the API, the search index and the summary use them.</summary>
public static class PricingModels
{
    public const string FreeTrial = "free-trial";
    public const string FreeTier = "free-tier";
    public const string Usage = "usage";
    public const string Contract = "contract";

    public static IReadOnlyList<string> All { get; } = [FreeTrial, FreeTier, Usage, Contract];
}

/// <summary>
/// A listing card. Storefront queries fill it from the published revision; seller queries from the working draft.
/// <see cref="CategorySlug"/>/<see cref="CategoryName"/> are the first (primary) of <see cref="Categories"/>, or empty.
/// </summary>
public sealed record ListingSummaryDto(
    ProductId Id,
    string Slug,
    string Title,
    string ShortDescription,
    OrganisationId SellerId,
    string SellerName,
    string CategorySlug,
    string CategoryName,
    ListingStatus Status)
{
    public IReadOnlyList<CategoryRef> Categories { get; init; } = [];

    public IReadOnlyList<string> Highlights { get; init; } = [];

    public PricingSummaryDto Pricing { get; init; } = PricingSummaryDto.None;

    public MediaId? LogoMediaId { get; init; }

    public SupportContact Support { get; init; } = SupportContact.None;

    public Availability Availability { get; init; } = Availability.Everywhere;

    public LicenceKind LicenceKind { get; init; }

    /// <summary>When the storefront revision was approved; null for a product never published.</summary>
    public DateTimeOffset? PublishedAt { get; init; }
}

/// <summary>
/// A listing page: the published revision's content (from <c>FindPublishedBySlugAsync</c>) with the latest published
/// version of each plan. <see cref="LongDescription"/> is the seller's Markdown as written; render it sanitized.
/// </summary>
public sealed record ListingDto(
    ProductId Id,
    string Slug,
    string Title,
    string ShortDescription,
    string LongDescription,
    OrganisationId SellerId,
    string SellerName,
    string CategorySlug,
    string CategoryName,
    ListingStatus Status,
    DateTimeOffset CreatedAt)
{
    public IReadOnlyList<CategoryRef> Categories { get; init; } = [];

    public IReadOnlyList<string> Highlights { get; init; } = [];

    public IReadOnlyList<string> Keywords { get; init; } = [];

    public PricingSummaryDto Pricing { get; init; } = PricingSummaryDto.None;

    public MediaId? LogoMediaId { get; init; }

    public IReadOnlyList<MediaId> ScreenshotMediaIds { get; init; } = [];

    public SupportContact Support { get; init; } = SupportContact.None;

    public string? FulfilmentUrl { get; init; }

    public Availability Availability { get; init; } = Availability.Everywhere;

    public Licence Licence { get; init; } = Licence.Standard;

    /// <summary>The published revision number shown.</summary>
    public int Revision { get; init; }

    public DateTimeOffset? PublishedAt { get; init; }

    public IReadOnlyList<PlanVersionDto> Plans { get; init; } = [];
}

/// <summary>The old single-category way to create a listing, for imports and fixtures: <see cref="Publish"/> approves
/// revision 1 at once, without plans or review. Sellers use <c>CreateProductAsync</c> and review.</summary>
public sealed record NewListing(
    OrganisationId SellerId,
    string SellerName,
    string Title,
    string ShortDescription,
    string LongDescription,
    string CategorySlug,
    bool Publish);
