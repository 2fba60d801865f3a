using Microsoft.EntityFrameworkCore;
using Tradewind.Persistence;
using Tradewind.Webhooks.Deliveries;
using Tradewind.Webhooks.Endpoints;

namespace Tradewind.Webhooks.Data;

/// <summary>The Webhooks tables, prefixed <c>webhooks_</c>.</summary>
internal sealed class WebhooksModel : IModelContributor
{
    public void Configure(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<WebhookEndpoint>(e =>
        {
            e.ToTable("webhooks_endpoints");
            e.HasKey(x => x.Id);
            e.Property(x => x.Url).HasMaxLength(Endpoints.WebhookUrl.MaxLength);
            e.Property(x => x.Description).HasMaxLength(WebhookEndpoint.MaxDescriptionLength);
            e.Property(x => x.MessageTypes).HasMaxLength(1000);
            e.Property(x => x.Secret).HasMaxLength(2000);
            e.Property(x => x.PreviousSecret).HasMaxLength(2000);
            e.Ignore(x => x.MessageTypeList);
            e.HasIndex(x => new { x.SellerId, x.CreatedAt });
        });

        modelBuilder.Entity<WebhookDelivery>(e =>
        {
            e.ToTable("webhooks_deliveries");
            e.HasKey(x => x.Id);
            e.Property(x => x.MessageType).HasMaxLength(100);
            e.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
            e.Property(x => x.LastError).HasMaxLength(WebhookAttempt.MaxErrorLength);
            // Deleting an endpoint deletes its log: nothing would be sent and the URL it names is gone.
            e.HasOne<WebhookEndpoint>().WithMany().HasForeignKey(x => x.EndpointId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(x => new { x.Status, x.NextAttemptAt });
            e.HasIndex(x => new { x.SellerId, x.CreatedAt });
            e.HasIndex(x => new { x.EndpointId, x.CreatedAt });
        });

        modelBuilder.Entity<WebhookAttempt>(e =>
        {
            e.ToTable("webhooks_attempts");
            e.HasKey(x => x.Id);
            e.Property(x => x.Error).HasMaxLength(WebhookAttempt.MaxErrorLength);
            e.Property(x => x.ResponseExcerpt).HasMaxLength(WebhookAttempt.MaxExcerptBytes);
            e.Property(x => x.TriggeredBy).HasMaxLength(320);
            e.HasOne<WebhookDelivery>().WithMany().HasForeignKey(x => x.DeliveryId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(x => new { x.DeliveryId, x.Number }).IsUnique();
        });
    }
}
