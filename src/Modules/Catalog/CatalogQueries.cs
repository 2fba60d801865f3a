using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Tradewind.Catalog.Categories;
using Tradewind.Catalog.Listings;
using Tradewind.Contracts;
using Tradewind.Contracts.Catalog;
using Tradewind.Persistence;
using Tradewind.Primitives.Ids;

namespace Tradewind.Catalog;

internal sealed class CatalogQueries(TradewindDbContext db) : ICatalogQueries
{
    public async Task<IReadOnlyList<CategoryDto>> ListCategoriesAsync(CancellationToken cancellationToken)
    {
        var counts = await db.Set<Listing>().Where(l => l.Status == ListingStatus.Published)
            .GroupBy(l => l.CategoryId).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        var categories = await db.Set<Category>().AsNoTracking().OrderBy(c => c.Group).ThenBy(c => c.Name).ToListAsync(cancellationToken);
        return categories.Select(c => new CategoryDto(c.Id, c.Slug, c.Name, c.Group, counts.GetValueOrDefault(c.Id))).ToList();
    }

    public async Task<Page<ListingSummaryDto>> ListPublishedAsync(string? categorySlug, PageRequest page, CancellationToken cancellationToken)
    {
        var query = Summaries().Where(l => l.Status == ListingStatus.Published);
        if (!string.IsNullOrWhiteSpace(categorySlug))
        {
            query = query.Where(l => l.CategorySlug == categorySlug);
        }

        return await ToPageAsync(query, page, cancellationToken);
    }

    public async Task<ListingDto?> FindPublishedBySlugAsync(string slug, CancellationToken cancellationToken) =>
        await (from l in db.Set<Listing>().AsNoTracking()
               join c in db.Set<Category>() on l.CategoryId equals c.Id
               where l.Slug == slug && l.Status == ListingStatus.Published
               select new ListingDto(l.Id, l.Slug, l.Title, l.ShortDescription, l.LongDescription, l.SellerId, l.SellerName, c.Slug, c.Name, l.Status, l.CreatedAt))
            .SingleOrDefaultAsync(cancellationToken);

    public Task<Page<ListingSummaryDto>> ListBySellerAsync(OrganisationId sellerId, PageRequest page, CancellationToken cancellationToken) =>
        ToPageAsync(Summaries().Where(l => l.SellerId == sellerId), page, cancellationToken);

    public Task<int> CountPublishedAsync(CancellationToken cancellationToken) =>
        db.Set<Listing>().CountAsync(l => l.Status == ListingStatus.Published, cancellationToken);

    /// <summary>
    /// STUB until the catalog rewrite lands: today's listings have no highlights, keywords, pricing models or change
    /// timestamps, so this streams every published listing whatever <paramref name="changedSince"/> says, and never
    /// reports a removal. The real implementation replaces this whole method.
    /// </summary>
    public async IAsyncEnumerable<ListingSearchDocument> StreamPublishedForSearchAsync(
        DateTimeOffset? changedSince, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var rows = from l in db.Set<Listing>().AsNoTracking()
                   join c in db.Set<Category>() on l.CategoryId equals c.Id
                   where l.Status == ListingStatus.Published
                   select new { l.Id, l.Slug, l.Title, l.ShortDescription, l.LongDescription, l.SellerId, l.SellerName, CategorySlug = c.Slug, l.PublishedAt, l.CreatedAt };
        await foreach (var r in rows.AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            yield return new ListingSearchDocument(
                r.Id, r.Slug, r.Title, r.ShortDescription, r.LongDescription, [], [], r.SellerId, r.SellerName, [r.CategorySlug], [], r.PublishedAt ?? r.CreatedAt, Removed: false);
        }
    }

    private IQueryable<ListingRow> Summaries() =>
        from l in db.Set<Listing>().AsNoTracking()
        join c in db.Set<Category>() on l.CategoryId equals c.Id
        select new ListingRow
        {
            Id = l.Id,
            Slug = l.Slug,
            Title = l.Title,
            ShortDescription = l.ShortDescription,
            SellerId = l.SellerId,
            SellerName = l.SellerName,
            CategorySlug = c.Slug,
            CategoryName = c.Name,
            Status = l.Status,
            CreatedAt = l.CreatedAt,
        };

    private static async Task<Page<ListingSummaryDto>> ToPageAsync(IQueryable<ListingRow> query, PageRequest page, CancellationToken cancellationToken)
    {
        var total = await query.CountAsync(cancellationToken);
        var rows = await query.OrderByDescending(l => l.CreatedAt).ThenBy(l => l.Slug).Skip(page.Skip).Take(page.Size).ToListAsync(cancellationToken);
        var items = rows.Select(r => new ListingSummaryDto(r.Id, r.Slug, r.Title, r.ShortDescription, r.SellerId, r.SellerName, r.CategorySlug, r.CategoryName, r.Status)).ToList();
        return new Page<ListingSummaryDto>(items, page.Number, page.Size, total);
    }

    // Member-initialised (not positional) so EF can translate filters applied after the projection.
    private sealed class ListingRow
    {
        public ProductId Id { get; init; }

        public required string Slug { get; init; }

        public required string Title { get; init; }

        public required string ShortDescription { get; init; }

        public OrganisationId SellerId { get; init; }

        public required string SellerName { get; init; }

        public required string CategorySlug { get; init; }

        public required string CategoryName { get; init; }

        public ListingStatus Status { get; init; }

        public DateTimeOffset CreatedAt { get; init; }
    }
}
