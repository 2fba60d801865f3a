using Microsoft.EntityFrameworkCore;
using Tradewind.Analytics.Events;
using Tradewind.Persistence;

namespace Tradewind.Analytics.Data;

/// <summary>The event store, <c>analytics_events</c>. Rollup tables have contributors of their own.</summary>
internal sealed class AnalyticsEventsModel : IModelContributor
{
    public void Configure(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<AnalyticsEvent>(e =>
        {
            e.ToTable("analytics_events");
            e.HasKey(x => x.Id);
            e.Property(x => x.Name).HasMaxLength(40);
            e.Property(x => x.DedupeKey).HasMaxLength(200);
            e.Property(x => x.OfferType).HasMaxLength(30);
            e.Property(x => x.VisitorDayHash).HasMaxLength(16);
            e.Property(x => x.Source).HasMaxLength(100);
            e.Property(x => x.Medium).HasMaxLength(100);
            e.Property(x => x.Campaign).HasMaxLength(100);
            e.Property(x => x.Content).HasMaxLength(100);
            e.Property(x => x.Term).HasMaxLength(100);
            e.Property(x => x.ReferrerHost).HasMaxLength(255);
            e.Property(x => x.Channel).HasMaxLength(30);
            e.Property(x => x.Country).HasMaxLength(2);
            e.Property(x => x.Locale).HasMaxLength(20);
            e.Property(x => x.TranslationKind).HasMaxLength(20);
            e.Property(x => x.Currency).HasMaxLength(3);
            e.Property(x => x.Dimension).HasMaxLength(64);
            e.Property(x => x.Quantity).HasPrecision(28, 8);
            e.Property(x => x.BotReason).HasMaxLength(40);
            e.Property(x => x.Detail).HasMaxLength(1000);
            e.HasIndex(x => x.DedupeKey).IsUnique();
            e.HasIndex(x => new { x.Name, x.OccurredAt });
            e.HasIndex(x => new { x.SellerId, x.Name, x.OccurredAt });
            e.HasIndex(x => new { x.BuyerId, x.ProductId, x.Name });
            e.HasIndex(x => x.AttributionViewId);
        });
    }
}
