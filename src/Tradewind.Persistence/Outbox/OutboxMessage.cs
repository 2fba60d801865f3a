using Microsoft.EntityFrameworkCore;

namespace Tradewind.Persistence.Outbox;

/// <summary>
/// An integration event waiting to be delivered. Written in the same transaction as the change that raised it,
/// so an event exists exactly when its change committed. Delivery is at least once.
/// </summary>
public sealed class OutboxMessage
{
    public Guid Id { get; set; }

    /// <summary>The event's CLR type name (assembly-qualified without version), used to deserialize it.</summary>
    public string Type { get; set; } = "";

    public string Payload { get; set; } = "";

    public DateTimeOffset OccurredAt { get; set; }

    public DateTimeOffset? ProcessedAt { get; set; }

    /// <summary>Until when a dispatcher node holds this message; another node may take it after that.</summary>
    public DateTimeOffset? LockedUntil { get; set; }

    public int Attempts { get; set; }

    public string? LastError { get; set; }

    internal static void Configure(ModelBuilder modelBuilder)
    {
        var e = modelBuilder.Entity<OutboxMessage>();
        e.ToTable("platform_outbox_messages");
        e.HasKey(m => m.Id);
        e.Property(m => m.Type).HasMaxLength(300);
        e.Property(m => m.LastError).HasMaxLength(2000);
        e.HasIndex(m => new { m.ProcessedAt, m.OccurredAt });
    }
}
