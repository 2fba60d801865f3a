using Tradewind.Catalog.Categories;
using Tradewind.Contracts.Catalog;
using Tradewind.Primitives.Ids;

namespace Tradewind.Catalog.Listings;

/// <summary>
/// A seller's product and its listing. The columns hold the working draft the seller edits; each approval freezes the
/// draft as a <see cref="ListingRevision"/> and the storefront shows <see cref="PublishedRevision"/>, so edits to a
/// published product stay invisible until the operator approves them. A seller sees all of its own products and none of
/// anyone else's.
/// </summary>
internal sealed class Listing
{
    public ProductId Id { get; init; }

    public OrganisationId SellerId { get; init; }

    /// <summary>Seller name copied at creation so the storefront needs no cross-module join.</summary>
    public required string SellerName { get; set; }

    /// <summary>URL-safe and unique: the listing lives at <c>/products/{slug}</c>. Fixed at creation, so links keep working.</summary>
    public required string Slug { get; init; }

    public required string Title { get; set; }

    public required string ShortDescription { get; set; }

    public required string LongDescription { get; set; }

    public IReadOnlyList<string> Highlights { get; set; } = [];

    public IReadOnlyList<string> Keywords { get; set; } = [];

    public MediaId? LogoMediaId { get; set; }

    public IReadOnlyList<MediaId> ScreenshotMediaIds { get; set; } = [];

    public string? SupportEmail { get; set; }

    public string? SupportUrl { get; set; }

    public string? FulfilmentUrl { get; set; }

    /// <summary>ISO 3166-1 alpha-2 codes where the product is not sold; empty means everywhere the operator sells.</summary>
    public IReadOnlyList<string> ExcludedCountries { get; set; } = [];

    public LicenceKind LicenceKind { get; set; }

    public string? LicenceTerms { get; set; }

    /// <summary>Draft rows (<c>Published</c> false) and published rows of the product's categories.</summary>
    public List<ProductCategory> Categories { get; init; } = [];

    public ListingStatus Status { get; set; }

    /// <summary>The revision on the storefront; null until first approved.</summary>
    public int? PublishedRevision { get; set; }

    /// <summary>On the storefront: approved once and neither restricted nor archived. Kept as a column for indexed filters.</summary>
    public bool Listed { get; set; }

    /// <summary>True when the draft or a plan differs from what was last approved.</summary>
    public bool HasUnpublishedChanges { get; set; }

    /// <summary><see cref="PricingSummaryDto"/> of the published plans as JSON, computed at approval.</summary>
    public string? PublishedPricingJson { get; set; }

    public string? RejectionReason { get; set; }

    public string? RestrictionReason { get; set; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; set; }

    public DateTimeOffset? SubmittedAt { get; set; }

    /// <summary>When the product first reached the storefront.</summary>
    public DateTimeOffset? PublishedAt { get; set; }

    /// <summary>When what the storefront shows of this product last changed (approval, restriction, archiving): search polls it.</summary>
    public DateTimeOffset ChangedAt { get; set; }

    public IReadOnlyList<CategoryId> DraftCategoryIds =>
        Categories.Where(c => !c.Published).OrderBy(c => c.Position).Select(c => c.CategoryId).ToList();

    public ListingContent Draft() => new(
        Title, ShortDescription, LongDescription, Highlights, DraftCategoryIds, Keywords, LogoMediaId, ScreenshotMediaIds,
        SupportEmail, SupportUrl, FulfilmentUrl, ExcludedCountries, LicenceKind, LicenceTerms);

    /// <summary>Replaces the working draft; returns false when nothing changed.</summary>
    public bool Edit(ListingContent content, DateTimeOffset now)
    {
        Status = ListingLifecycle.Next(Status, ListingAction.Edit);
        if (Same(Draft(), content))
        {
            return false;
        }

        Title = content.Title;
        ShortDescription = content.ShortDescription;
        LongDescription = content.LongDescription;
        Highlights = content.Highlights;
        Keywords = content.Keywords;
        LogoMediaId = content.Logo;
        ScreenshotMediaIds = content.Screenshots;
        SupportEmail = content.SupportEmail;
        SupportUrl = content.SupportUrl;
        FulfilmentUrl = content.FulfilmentUrl;
        ExcludedCountries = content.ExcludedCountries;
        LicenceKind = content.LicenceKind;
        LicenceTerms = content.LicenceTerms;
        SetCategories(published: false, content.Categories);
        HasUnpublishedChanges = true;
        UpdatedAt = now;
        return true;
    }

    public void MarkChanged(DateTimeOffset now)
    {
        Status = ListingLifecycle.Next(Status, ListingAction.Edit);
        HasUnpublishedChanges = true;
        UpdatedAt = now;
    }

    public void Submit(DateTimeOffset now)
    {
        Status = ListingLifecycle.Next(Status, ListingAction.Submit);
        SubmittedAt = now;
        UpdatedAt = now;
    }

    /// <summary>Freezes the draft as the next revision and puts it on the storefront.</summary>
    public ListingRevision Approve(string contentJson, string pricingJson, string approvedBy, DateTimeOffset now)
    {
        Status = ListingLifecycle.Next(Status, ListingAction.Approve);
        var revision = new ListingRevision { ProductId = Id, Number = (PublishedRevision ?? 0) + 1, ContentJson = contentJson, PublishedAt = now, ApprovedBy = approvedBy };
        PublishedRevision = revision.Number;
        PublishedPricingJson = pricingJson;
        SetCategories(published: true, DraftCategoryIds);
        PublishedAt ??= now;
        RejectionReason = null;
        RestrictionReason = null;
        HasUnpublishedChanges = false;
        Listed = true;
        ChangedAt = now;
        UpdatedAt = now;
        return revision;
    }

    public void Reject(string reason, DateTimeOffset now)
    {
        Status = ListingLifecycle.Next(Status, ListingAction.Reject);
        RejectionReason = reason;
        UpdatedAt = now;
    }

    public void Restrict(string reason, DateTimeOffset now)
    {
        Status = ListingLifecycle.Next(Status, ListingAction.Restrict);
        RestrictionReason = reason;
        TakeOffStorefront(now);
    }

    public void Archive(DateTimeOffset now) => TakeOffStorefront(now, ListingLifecycle.Next(Status, ListingAction.Archive));

    private void TakeOffStorefront(DateTimeOffset now, ListingStatus? status = null)
    {
        Status = status ?? Status;
        if (Listed)
        {
            ChangedAt = now;
        }

        Listed = false;
        UpdatedAt = now;
    }

    private void SetCategories(bool published, IReadOnlyList<CategoryId> categories)
    {
        Categories.RemoveAll(c => c.Published == published && !categories.Contains(c.CategoryId));
        for (var i = 0; i < categories.Count; i++)
        {
            var existing = Categories.SingleOrDefault(c => c.Published == published && c.CategoryId == categories[i]);
            if (existing is null)
            {
                Categories.Add(new ProductCategory { ProductId = Id, Published = published, CategoryId = categories[i], Position = i });
            }
            else
            {
                existing.Position = i;
            }
        }
    }

    private static bool Same(ListingContent a, ListingContent b) => ListingDiff.Between(a, b, id => id.ToString()).Count == 0;
}
