using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Tradewind.Catalog.Categories;
using Tradewind.Catalog.Listings;
using Tradewind.Catalog.Media;
using Tradewind.Catalog.Pricing;
using Tradewind.Persistence;
using Tradewind.Primitives.Ids;

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
            JsonList(e.Property(l => l.Highlights)).HasMaxLength(1000);
            JsonList(e.Property(l => l.Keywords)).HasMaxLength(1000);
            JsonList(e.Property(l => l.ExcludedCountries)).HasMaxLength(2000);
            e.Property(l => l.ScreenshotMediaIds).HasConversion(
                v => CatalogJson.Serialize(v.Select(id => id.Value)),
                v => CatalogJson.Deserialize<List<Guid>>(v).Select(MediaId.From).ToList(),
                new ValueComparer<IReadOnlyList<MediaId>>((a, b) => a!.SequenceEqual(b!), v => v.Count, v => v.ToList()))
                .HasMaxLength(400);
            e.Property(l => l.SupportEmail).HasMaxLength(256);
            e.Property(l => l.SupportUrl).HasMaxLength(2000);
            e.Property(l => l.FulfilmentUrl).HasMaxLength(2000);
            e.Property(l => l.LicenceKind).HasConversion<string>().HasMaxLength(20);
            e.Property(l => l.LicenceTerms).HasMaxLength(100_000);
            e.Property(l => l.Status).HasConversion<string>().HasMaxLength(20);
            e.Property(l => l.PublishedPricingJson).HasMaxLength(1000);
            e.Property(l => l.RejectionReason).HasMaxLength(2000);
            e.Property(l => l.RestrictionReason).HasMaxLength(2000);
            e.HasIndex(l => l.Slug).IsUnique();
            e.HasIndex(l => new { l.Listed, l.PublishedAt });
            e.HasIndex(l => new { l.Status, l.SubmittedAt });
            e.HasIndex(l => new { l.SellerId, l.CreatedAt });
            e.HasIndex(l => l.ChangedAt);
            e.HasMany(l => l.Categories).WithOne().HasForeignKey(c => c.ProductId).OnDelete(DeleteBehavior.Cascade);
            e.Navigation(l => l.Categories).AutoInclude(false);
        });

        modelBuilder.Entity<ProductCategory>(e =>
        {
            e.ToTable("catalog_product_categories");
            e.HasKey(c => new { c.ProductId, c.Published, c.CategoryId });
            e.HasIndex(c => new { c.CategoryId, c.Published });
            e.HasOne<Category>().WithMany().HasForeignKey(c => c.CategoryId).OnDelete(DeleteBehavior.Restrict);
        });

        modelBuilder.Entity<ListingRevision>(e =>
        {
            e.ToTable("catalog_listing_revisions");
            e.HasKey(r => new { r.ProductId, r.Number });
            e.Property(r => r.ApprovedBy).HasMaxLength(320);
            e.HasOne<Listing>().WithMany().HasForeignKey(r => r.ProductId).OnDelete(DeleteBehavior.Restrict);
        });

        modelBuilder.Entity<Plan>(e =>
        {
            e.ToTable("catalog_plans");
            e.HasKey(p => p.Id);
            e.Property(p => p.Name).HasMaxLength(100);
            e.HasIndex(p => new { p.ProductId, p.CreatedAt });
            e.HasOne<Listing>().WithMany().HasForeignKey(p => p.ProductId).OnDelete(DeleteBehavior.Restrict);
        });

        modelBuilder.Entity<PlanVersion>(e =>
        {
            e.ToTable("catalog_plan_versions");
            e.HasKey(v => new { v.PlanId, v.Version });
            e.HasIndex(v => v.ProductId);
            e.HasOne<Plan>().WithMany().HasForeignKey(v => v.PlanId).OnDelete(DeleteBehavior.Restrict);
        });

        modelBuilder.Entity<MediaFile>(e =>
        {
            e.ToTable("catalog_media");
            e.HasKey(m => m.Id);
            e.Property(m => m.Kind).HasConversion<string>().HasMaxLength(20);
            e.Property(m => m.ContentType).HasMaxLength(50);
            e.Property(m => m.Sha256).HasMaxLength(64);
            e.HasIndex(m => new { m.ProductId, m.CreatedAt });
            e.HasOne<Listing>().WithMany().HasForeignKey(m => m.ProductId).OnDelete(DeleteBehavior.Restrict);
        });
    }

    private static PropertyBuilder<IReadOnlyList<string>> JsonList(PropertyBuilder<IReadOnlyList<string>> property) =>
        property.HasConversion(
            v => CatalogJson.Serialize(v),
            v => CatalogJson.Deserialize<List<string>>(v),
            new ValueComparer<IReadOnlyList<string>>((a, b) => a!.SequenceEqual(b!), v => v.Count, v => v.ToList()));
}
