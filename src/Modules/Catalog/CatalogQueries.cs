using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Tradewind.Catalog.Categories;
using Tradewind.Catalog.Data;
using Tradewind.Catalog.Listings;
using Tradewind.Catalog.Media;
using Tradewind.Catalog.Pricing;
using Tradewind.Contracts;
using Tradewind.Contracts.Catalog;
using Tradewind.Persistence;
using Tradewind.Primitives.Ids;

namespace Tradewind.Catalog;

internal sealed class CatalogQueries(TradewindDbContext db) : ICatalogQueries
{
    private const int SearchBatch = 200;

    public async Task<IReadOnlyList<CategoryDto>> ListCategoriesAsync(CancellationToken cancellationToken)
    {
        var counts = await (from pc in db.Set<ProductCategory>()
                            join l in db.Set<Listing>() on pc.ProductId equals l.Id
                            where pc.Published && l.Listed
                            group pc by pc.CategoryId into g
                            select new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        var categories = await db.Set<Category>().AsNoTracking().OrderBy(c => c.Group).ThenBy(c => c.Name).ToListAsync(cancellationToken);
        return categories.Select(c => new CategoryDto(c.Id, c.Slug, c.Name, c.Group, counts.GetValueOrDefault(c.Id))).ToList();
    }

    public async Task<Page<ListingSummaryDto>> ListPublishedAsync(string? categorySlug, PageRequest page, CancellationToken cancellationToken)
    {
        var listings = db.Set<Listing>().AsNoTracking().Where(l => l.Listed);
        if (!string.IsNullOrWhiteSpace(categorySlug))
        {
            var categoryId = await db.Set<Category>().Where(c => c.Slug == categorySlug).Select(c => (CategoryId?)c.Id).SingleOrDefaultAsync(cancellationToken);
            if (categoryId is not { } id)
            {
                return new Page<ListingSummaryDto>([], page.Number, page.Size, 0);
            }

            listings = listings.Where(l => db.Set<ProductCategory>().Any(pc => pc.ProductId == l.Id && pc.Published && pc.CategoryId == id));
        }

        var total = await listings.CountAsync(cancellationToken);
        var rows = await WithPublishedRevision(listings)
            .OrderByDescending(x => x.Listing.PublishedAt).ThenByDescending(x => x.Listing.CreatedAt).ThenBy(x => x.Listing.Slug)
            .Skip(page.Skip).Take(page.Size)
            .ToListAsync(cancellationToken);
        var views = await ViewsAsync(cancellationToken);
        var items = rows.Select(r => views.Summary(r.Listing, CatalogJson.Content(r.ContentJson))).ToList();
        return new Page<ListingSummaryDto>(items, page.Number, page.Size, total);
    }

    public async Task<ListingDto?> FindPublishedBySlugAsync(string slug, CancellationToken cancellationToken)
    {
        var row = await WithPublishedRevision(db.Set<Listing>().AsNoTracking().Where(l => l.Slug == slug && l.Listed)).SingleOrDefaultAsync(cancellationToken);
        if (row is null)
        {
            return null;
        }

        var versions = await (from p in db.Set<Plan>()
                              join v in db.Set<PlanVersion>() on new { p.Id, Version = p.PublishedVersion } equals new { Id = v.PlanId, Version = (int?)v.Version }
                              where p.ProductId == row.Listing.Id
                              orderby p.CreatedAt
                              select v)
            .AsNoTracking().ToListAsync(cancellationToken);
        var views = await ViewsAsync(cancellationToken);
        return views.Listing(row.Listing, CatalogJson.Content(row.ContentJson), row.Listing.PublishedRevision!.Value, versions.Select(v => v.ToDto()).ToList());
    }

    public async Task<Page<ListingSummaryDto>> ListBySellerAsync(OrganisationId sellerId, PageRequest page, CancellationToken cancellationToken)
    {
        var query = db.Set<Listing>().AsNoTracking().Where(l => l.SellerId == sellerId);
        var total = await query.CountAsync(cancellationToken);
        var rows = await query.Include(l => l.Categories).OrderByDescending(l => l.CreatedAt).ThenBy(l => l.Slug).Skip(page.Skip).Take(page.Size).ToListAsync(cancellationToken);
        var views = await ViewsAsync(cancellationToken);
        return new Page<ListingSummaryDto>(rows.Select(l => views.Summary(l, l.Draft())).ToList(), page.Number, page.Size, total);
    }

    public Task<int> CountPublishedAsync(CancellationToken cancellationToken) =>
        db.Set<Listing>().CountAsync(l => l.Listed, cancellationToken);

    public async Task<ProductDto?> FindProductAsync(ProductId id, CatalogCaller caller, CancellationToken cancellationToken)
    {
        var listing = await Visible(caller).Include(l => l.Categories).SingleOrDefaultAsync(l => l.Id == id, cancellationToken);
        if (listing is null)
        {
            return null;
        }

        var views = await ViewsAsync(cancellationToken);
        return views.Product(listing, await PublishedContentAsync(listing, cancellationToken));
    }

    public async Task<IReadOnlyList<PlanDto>?> ListPlansAsync(ProductId productId, CatalogCaller caller, CancellationToken cancellationToken)
    {
        if (!await Visible(caller).AnyAsync(l => l.Id == productId, cancellationToken))
        {
            return null;
        }

        var plans = await db.Set<Plan>().AsNoTracking().Where(p => p.ProductId == productId).OrderBy(p => p.CreatedAt).ToListAsync(cancellationToken);
        return plans.Select(p => p.ToDto()).ToList();
    }

    public async Task<PlanVersionDto?> GetPlanVersionAsync(PlanId planId, int version, CancellationToken cancellationToken) =>
        (await db.Set<PlanVersion>().AsNoTracking().SingleOrDefaultAsync(v => v.PlanId == planId && v.Version == version, cancellationToken))?.ToDto();

    public async Task<Page<ReviewItemDto>> ListReviewQueueAsync(PageRequest page, CancellationToken cancellationToken)
    {
        var query = db.Set<Listing>().AsNoTracking().Where(l => l.Status == ListingStatus.Submitted);
        var total = await query.CountAsync(cancellationToken);
        var listings = await query.Include(l => l.Categories).OrderBy(l => l.SubmittedAt).ThenBy(l => l.Id).Skip(page.Skip).Take(page.Size).ToListAsync(cancellationToken);
        var views = await ViewsAsync(cancellationToken);
        var items = new List<ReviewItemDto>(listings.Count);
        foreach (var listing in listings)
        {
            items.Add(await ReviewAsync(listing, views, cancellationToken));
        }

        return new Page<ReviewItemDto>(items, page.Number, page.Size, total);
    }

    public async Task<ReviewItemDto?> GetReviewAsync(ProductId id, CancellationToken cancellationToken)
    {
        var listing = await db.Set<Listing>().AsNoTracking().Include(l => l.Categories).SingleOrDefaultAsync(l => l.Id == id, cancellationToken);
        return listing is null ? null : await ReviewAsync(listing, await ViewsAsync(cancellationToken), cancellationToken);
    }

    public async Task<MediaContent?> FindMediaAsync(MediaId id, CancellationToken cancellationToken) =>
        await db.Set<MediaFile>().AsNoTracking().Where(m => m.Id == id)
            .Select(m => new MediaContent(m.Id, m.ContentType, m.Sha256, m.Bytes))
            .SingleOrDefaultAsync(cancellationToken);

    public async IAsyncEnumerable<ListingSearchDocument> StreamPublishedForSearchAsync(DateTimeOffset? changedSince, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var query = db.Set<Listing>().AsNoTracking().Where(l => l.PublishedRevision != null);
        query = changedSince is { } since ? query.Where(l => l.ChangedAt >= since) : query.Where(l => l.Listed);
        var slugs = await db.Set<Category>().AsNoTracking().ToDictionaryAsync(c => c.Id, c => c.Slug, cancellationToken);
        for (var skip = 0; ; skip += SearchBatch)
        {
            var rows = await WithPublishedRevision(query).OrderBy(x => x.Listing.ChangedAt).ThenBy(x => x.Listing.Id).Skip(skip).Take(SearchBatch).ToListAsync(cancellationToken);
            foreach (var row in rows)
            {
                var l = row.Listing;
                var content = CatalogJson.Content(row.ContentJson);
                yield return new ListingSearchDocument(
                    l.Id, l.Slug, content.Title, content.ShortDescription, content.LongDescription, content.Highlights, content.Keywords,
                    l.SellerId, l.SellerName, content.Categories.Where(slugs.ContainsKey).Select(c => slugs[c]).ToList(),
                    ListingViews.Pricing(l).Models, l.PublishedAt ?? l.ChangedAt, Removed: !l.Listed);
            }

            if (rows.Count < SearchBatch)
            {
                yield break;
            }
        }
    }

    private IQueryable<Listing> Visible(CatalogCaller caller)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var listings = db.Set<Listing>().AsNoTracking();
        return caller.IsOperator ? listings : listings.Where(l => l.SellerId == caller.OrganisationId);
    }

    private IQueryable<PublishedRow> WithPublishedRevision(IQueryable<Listing> listings) =>
        from l in listings
        join r in db.Set<ListingRevision>() on new { l.Id, Number = l.PublishedRevision } equals new { Id = r.ProductId, Number = (int?)r.Number }
        select new PublishedRow { Listing = l, ContentJson = r.ContentJson };

    private async Task<ListingContent?> PublishedContentAsync(Listing listing, CancellationToken cancellationToken) =>
        listing.PublishedRevision is { } number
            ? CatalogJson.Content(await db.Set<ListingRevision>().Where(r => r.ProductId == listing.Id && r.Number == number).Select(r => r.ContentJson).SingleAsync(cancellationToken))
            : null;

    private async Task<ReviewItemDto> ReviewAsync(Listing listing, ListingViews views, CancellationToken cancellationToken)
    {
        var published = await PublishedContentAsync(listing, cancellationToken);
        var changes = ListingDiff.Between(published, listing.Draft(), views.Slug).ToList();
        var plans = await db.Set<Plan>().AsNoTracking().Where(p => p.ProductId == listing.Id && p.HasDraftChanges).OrderBy(p => p.CreatedAt).ToListAsync(cancellationToken);
        foreach (var plan in plans)
        {
            var before = plan.PublishedVersion is { } version
                ? await db.Set<PlanVersion>().Where(v => v.PlanId == plan.Id && v.Version == version).Select(v => v.TermsJson).SingleAsync(cancellationToken)
                : null;
            changes.Add(new FieldChange($"plans.{plan.Name}", before, plan.DraftTermsJson));
        }

        return new ReviewItemDto(listing.Id, listing.Slug, listing.Title, listing.SellerId, listing.SellerName, listing.SubmittedAt ?? listing.UpdatedAt, listing.PublishedRevision, changes);
    }

    private async Task<ListingViews> ViewsAsync(CancellationToken cancellationToken) =>
        new(await db.Set<Category>().AsNoTracking().ToDictionaryAsync(c => c.Id, cancellationToken));

    // Member-initialised (not positional) so EF can translate ordering applied after the projection.
    private sealed class PublishedRow
    {
        public required Listing Listing { get; init; }

        public required string ContentJson { get; init; }
    }
}
