using Microsoft.EntityFrameworkCore;
using Tradewind.Catalog.Categories;
using Tradewind.Catalog.Listings;
using Tradewind.Contracts;
using Tradewind.Contracts.Catalog;
using Tradewind.Persistence;
using Tradewind.Primitives.Ids;

namespace Tradewind.Catalog;

internal sealed class CatalogCommands(TradewindDbContext db, TimeProvider clock) : ICatalogCommands
{
    public async Task<CategoryDto> CreateCategoryAsync(NewCategory category, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(category);
        new Validation()
            .Require(!string.IsNullOrWhiteSpace(category.Name) && category.Name.Length <= 120, "name", "Give a name of up to 120 characters.")
            .Require(!string.IsNullOrWhiteSpace(category.Group) && category.Group.Length <= 120, "group", "Give a group of up to 120 characters.")
            .Require(!string.IsNullOrWhiteSpace(category.Slug) && Slug.From(category.Slug) == category.Slug, "slug", "Use lower-case letters, digits and hyphens.")
            .ThrowIfInvalid();
        if (await db.Set<Category>().AnyAsync(c => c.Slug == category.Slug, cancellationToken))
        {
            throw new DomainException("category-exists", $"A category '{category.Slug}' already exists.", DomainErrorKind.Conflict);
        }

        var row = new Category { Id = CategoryId.New(clock), Slug = category.Slug, Name = category.Name.Trim(), Group = category.Group.Trim() };
        db.Add(row);
        await db.SaveChangesAsync(cancellationToken);
        return new CategoryDto(row.Id, row.Slug, row.Name, row.Group, 0);
    }

    public async Task<ListingDto> CreateListingAsync(NewListing listing, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(listing);
        var title = listing.Title?.Trim() ?? "";
        new Validation()
            .Require(title.Length is >= 2 and <= 120, "title", "Give a title of 2 to 120 characters.")
            .Require(!string.IsNullOrWhiteSpace(listing.ShortDescription) && listing.ShortDescription.Length <= 350, "shortDescription", "Give a short description of up to 350 characters.")
            .Require(listing.LongDescription is { Length: <= 20000 }, "longDescription", "The long description may have up to 20,000 characters.")
            .ThrowIfInvalid();
        var category = await db.Set<Category>().SingleOrDefaultAsync(c => c.Slug == listing.CategorySlug, cancellationToken)
            ?? throw new ValidationFailedException("category", $"Unknown category '{listing.CategorySlug}'.");

        var slug = await UniqueSlugAsync(Slug.From(title), cancellationToken);
        var now = clock.GetUtcNow();
        var row = new Listing
        {
            Id = ProductId.New(clock),
            SellerId = listing.SellerId,
            SellerName = listing.SellerName,
            Slug = slug,
            Title = title,
            ShortDescription = listing.ShortDescription.Trim(),
            LongDescription = listing.LongDescription.Trim(),
            CategoryId = category.Id,
            Status = listing.Publish ? ListingStatus.Published : ListingStatus.Draft,
            CreatedAt = now,
            PublishedAt = listing.Publish ? now : null,
        };
        db.Add(row);
        await db.SaveChangesAsync(cancellationToken);
        return new ListingDto(row.Id, row.Slug, row.Title, row.ShortDescription, row.LongDescription, row.SellerId, row.SellerName, category.Slug, category.Name, row.Status, row.CreatedAt);
    }

    private async Task<string> UniqueSlugAsync(string baseSlug, CancellationToken cancellationToken)
    {
        var slug = baseSlug;
        for (var n = 2; await db.Set<Listing>().AnyAsync(l => l.Slug == slug, cancellationToken); n++)
        {
            slug = $"{baseSlug}-{n}";
        }

        return slug;
    }
}
