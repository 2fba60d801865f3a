using Tradewind.Catalog.Categories;
using Tradewind.Catalog.Data;
using Tradewind.Contracts.Catalog;
using Tradewind.Primitives.Ids;

namespace Tradewind.Catalog.Listings;

/// <summary>How listings and their content read in the contracts' DTOs, given the category taxonomy.</summary>
internal sealed class ListingViews(IReadOnlyDictionary<CategoryId, Category> categories)
{
    public IReadOnlyList<CategoryRef> Categories(IEnumerable<CategoryId> ids) =>
        ids.Where(categories.ContainsKey).Select(id => new CategoryRef(categories[id].Slug, categories[id].Name)).ToList();

    public string Slug(CategoryId id) => categories.TryGetValue(id, out var category) ? category.Slug : id.ToString();

    public ListingContentDto Content(ListingContent c) => new(
        c.Title, c.ShortDescription, c.LongDescription, c.Highlights, Categories(c.Categories), c.Keywords, c.Logo, c.Screenshots,
        c.Support, c.FulfilmentUrl, c.Availability, c.Licence);

    public ProductDto Product(Listing l, ListingContent? published) => new(
        l.Id, l.SellerId, l.SellerName, l.Slug, l.Status, Content(l.Draft()), l.PublishedRevision, published is null ? null : Content(published),
        l.HasUnpublishedChanges, l.RejectionReason, l.RestrictionReason, l.CreatedAt, l.UpdatedAt, l.PublishedAt);

    public ListingSummaryDto Summary(Listing l, ListingContent content)
    {
        var refs = Categories(content.Categories);
        return new ListingSummaryDto(l.Id, l.Slug, content.Title, content.ShortDescription, l.SellerId, l.SellerName, Primary(refs).Slug, Primary(refs).Name, l.Status)
        {
            Categories = refs,
            Highlights = content.Highlights,
            Pricing = Pricing(l),
            LogoMediaId = content.Logo,
            Support = content.Support,
            Availability = content.Availability,
            LicenceKind = content.LicenceKind,
            PublishedAt = l.PublishedAt,
        };
    }

    public ListingDto Listing(Listing l, ListingContent content, int revision, IReadOnlyList<PlanVersionDto> plans)
    {
        var refs = Categories(content.Categories);
        return new ListingDto(l.Id, l.Slug, content.Title, content.ShortDescription, content.LongDescription, l.SellerId, l.SellerName, Primary(refs).Slug, Primary(refs).Name, l.Status, l.CreatedAt)
        {
            Categories = refs,
            Highlights = content.Highlights,
            Keywords = content.Keywords,
            Pricing = Pricing(l),
            LogoMediaId = content.Logo,
            ScreenshotMediaIds = content.Screenshots,
            Support = content.Support,
            FulfilmentUrl = content.FulfilmentUrl,
            Availability = content.Availability,
            Licence = content.Licence,
            Revision = revision,
            PublishedAt = l.PublishedAt,
            Plans = plans,
        };
    }

    private static CategoryRef Primary(IReadOnlyList<CategoryRef> refs) => refs.Count > 0 ? refs[0] : new CategoryRef("", "");

    public static PricingSummaryDto Pricing(Listing l) =>
        l.PublishedPricingJson is { } json ? CatalogJson.Deserialize<PricingSummaryDto>(json) : PricingSummaryDto.None;
}
