using Microsoft.EntityFrameworkCore;
using Tradewind.Analytics.Traffic.Capture;
using Tradewind.Analytics.Traffic.Rollups;
using Tradewind.Persistence;

namespace Tradewind.Analytics.Data;

/// <summary>The traffic tables other reports join: <c>analytics_attributions</c> and <c>analytics_daily_visitors</c>.</summary>
internal sealed class TrafficSharedModel : IModelContributor
{
    public void Configure(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<ListingAttribution>(e =>
        {
            e.ToTable("analytics_attributions");
            e.HasKey(x => x.AgreementId);
            e.HasIndex(x => x.ViewId);
        });

        modelBuilder.Entity<DailyVisitors>(e =>
        {
            e.ToTable("analytics_daily_visitors");
            e.HasKey(x => new { x.Day, x.SellerId, x.ProductId });
            e.HasIndex(x => new { x.SellerId, x.Day });
        });
    }
}
