using Microsoft.EntityFrameworkCore;
using Tradewind.Catalog.Categories;
using Tradewind.Catalog.Listings;
using Tradewind.Persistence;

namespace Tradewind.Catalog.Data;

internal sealed class CatalogModel : IModelContributor
{
    public void Configure(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Category>(e =>
        {
            e.ToTable("catalog_categories");
            e.HasKey(c => c.Id);
            e.Property(c => c.Slug).HasMaxLength(80);
            e.Property(c => c.Name).HasMaxLength(120);
            e.Property(c => c.Group).HasMaxLength(120);
            e.HasIndex(c => c.Slug).IsUnique();
        });

        modelBuilder.Entity<Listing>(e =>
        {
            e.ToTable("catalog_listings");
            e.HasKey(l => l.Id);
            e.Property(l => l.SellerName).HasMaxLength(200);
            e.Property(l => l.Slug).HasMaxLength(120);
            e.Property(l => l.Title).HasMaxLength(120);
            e.Property(l => l.ShortDescription).HasMaxLength(350);
            e.Property(l => l.LongDescription).HasMaxLength(20000);
            e.Property(l => l.Status).HasConversion<string>().HasMaxLength(20);
            e.HasIndex(l => l.Slug).IsUnique();
            e.HasIndex(l => new { l.Status, l.PublishedAt });
            e.HasIndex(l => new { l.SellerId, l.CreatedAt });
            e.HasOne<Category>().WithMany().HasForeignKey(l => l.CategoryId).OnDelete(DeleteBehavior.Restrict);
        });
    }
}
