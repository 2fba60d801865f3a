using Microsoft.EntityFrameworkCore;
using Tradewind.Analytics.Traffic.Rollups;
using Tradewind.Persistence;

namespace Tradewind.Analytics.Traffic;

/// <summary>The traffic rollups this part owns: <c>analytics_daily_traffic</c> and <c>analytics_daily_language_conversion</c>.</summary>
internal sealed class TrafficRollupsModel : IModelContributor
{
    public void Configure(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<DailyTraffic>(e =>
        {
            e.ToTable("analytics_daily_traffic");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).ValueGeneratedOnAdd();
            e.Property(x => x.Source).HasMaxLength(100);
            e.Property(x => x.Medium).HasMaxLength(100);
            e.Property(x => x.Campaign).HasMaxLength(100);
            e.Property(x => x.ReferrerHost).HasMaxLength(255);
            e.Property(x => x.Channel).HasMaxLength(30);
            e.Property(x => x.Country).HasMaxLength(2);
            e.Property(x => x.Locale).HasMaxLength(20);
            e.Property(x => x.TranslationKind).HasMaxLength(20);
            e.HasIndex(x => new { x.SellerId, x.Day });
            e.HasIndex(x => new { x.Day, x.SellerId });
        });

        modelBuilder.Entity<DailyLanguageConversion>(e =>
        {
            e.ToTable("analytics_daily_language_conversion");
            e.HasKey(x => new { x.Day, x.SellerId, x.ProductId, x.Locale, x.TranslationKind });
            e.Property(x => x.Locale).HasMaxLength(20);
            e.Property(x => x.TranslationKind).HasMaxLength(20);
            e.HasIndex(x => new { x.SellerId, x.Day });
        });
    }
}
