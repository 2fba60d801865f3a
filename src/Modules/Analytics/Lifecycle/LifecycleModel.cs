using Microsoft.EntityFrameworkCore;
using Tradewind.Analytics.Lifecycle.Rollups;
using Tradewind.Persistence;

namespace Tradewind.Analytics.Lifecycle;

/// <summary>The lifecycle rollups: <c>analytics_daily_lifecycle</c> and <c>analytics_daily_usage</c>.</summary>
internal sealed class LifecycleModel : IModelContributor
{
    public void Configure(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<DailyLifecycle>(e =>
        {
            e.ToTable("analytics_daily_lifecycle");
            e.HasKey(x => new { x.Day, x.SellerId, x.ProductId, x.Name, x.Country, x.OfferType, x.Currency });
            e.Property(x => x.Name).HasMaxLength(40);
            e.Property(x => x.Country).HasMaxLength(2);
            e.Property(x => x.OfferType).HasMaxLength(30);
            e.Property(x => x.Currency).HasMaxLength(3);
            e.HasIndex(x => new { x.SellerId, x.Name, x.Day });
            e.HasIndex(x => new { x.Name, x.Day });
        });

        modelBuilder.Entity<DailyUsage>(e =>
        {
            e.ToTable("analytics_daily_usage");
            e.HasKey(x => new { x.Day, x.SellerId, x.ProductId, x.Dimension });
            e.Property(x => x.Dimension).HasMaxLength(64);
            e.Property(x => x.Quantity).HasPrecision(28, 8);
            e.HasIndex(x => new { x.SellerId, x.Day });
        });
    }
}
