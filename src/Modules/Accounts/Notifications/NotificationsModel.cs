using Microsoft.EntityFrameworkCore;
using Tradewind.Accounts.Organisations;
using Tradewind.Persistence;

namespace Tradewind.Accounts.Notifications;

/// <summary>The inbox tables: <c>accounts_notifications</c> and their e-mails, <c>accounts_notification_emails</c>.</summary>
internal sealed class NotificationsModel : IModelContributor
{
    public void Configure(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Notification>(e =>
        {
            e.ToTable("accounts_notifications");
            e.HasKey(n => n.Id);
            e.Property(n => n.SourceKey).HasMaxLength(200);
            e.HasIndex(n => n.SourceKey).IsUnique();
            e.Property(n => n.Kind).HasConversion<string>().HasMaxLength(40);
            e.Property(n => n.Language).HasMaxLength(20);
            e.Property(n => n.Subject).HasMaxLength(300);
            e.Property(n => n.Body).HasMaxLength(4000);
            e.Property(n => n.Link).HasMaxLength(300);
            e.HasIndex(n => new { n.RecipientId, n.OccurredAt });
            e.HasIndex(n => new { n.RecipientId, n.ReadAt });
            e.HasOne<Organisation>().WithMany().HasForeignKey(n => n.RecipientId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<NotificationEmail>(e =>
        {
            e.ToTable("accounts_notification_emails");
            e.HasKey(m => m.Id);
            e.Property(m => m.To).HasMaxLength(256);
            e.Property(m => m.Language).HasMaxLength(20);
            e.Property(m => m.Subject).HasMaxLength(300);
            e.Property(m => m.Body).HasMaxLength(4000);
            e.Property(m => m.Status).HasConversion<string>().HasMaxLength(20);
            e.Property(m => m.LastError).HasMaxLength(2000);
            e.HasIndex(m => new { m.Status, m.NextAttemptAt });
            e.HasIndex(m => m.NotificationId);
            e.HasOne<Notification>().WithMany().HasForeignKey(m => m.NotificationId).OnDelete(DeleteBehavior.Cascade);
        });
    }
}
