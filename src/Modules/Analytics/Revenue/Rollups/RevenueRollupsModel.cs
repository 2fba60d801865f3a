using Microsoft.EntityFrameworkCore;
using Tradewind.Persistence;

namespace Tradewind.Analytics.Revenue.Rollups;

/// <summary>The revenue rollups: <c>analytics_mrr_snapshots</c> and <c>analytics_mrr_movements</c>.</summary>
internal sealed class RevenueRollupsModel : IModelContributor
{
    public void Configure(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<MrrSnapshot>(e =>
        {
            e.ToTable("analytics_mrr_snapshots");
            e.HasKey(x => new { x.Month, x.SellerId, x.ProductId, x.BuyerId, x.Currency });
            e.Property(x => x.Currency).HasMaxLength(3);
            e.Property(x => x.BuyerCountry).HasMaxLength(2);
            e.HasIndex(x => new { x.SellerId, x.Month });
        });

        modelBuilder.Entity<MrrMovementRow>(e =>
        {
            e.ToTable("analytics_mrr_movements");
            e.HasKey(x => new { x.Month, x.SellerId, x.BuyerId, x.Currency, x.Stream });
            e.Property(x => x.Currency).HasMaxLength(3);
            e.Property(x => x.Stream).HasMaxLength(10);
            e.Property(x => x.Kind).HasMaxLength(20);
            e.HasIndex(x => new { x.SellerId, x.Month });
        });
    }
}
