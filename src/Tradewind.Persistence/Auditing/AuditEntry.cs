using Microsoft.EntityFrameworkCore;

namespace Tradewind.Persistence.Auditing;

/// <summary>
/// One line of the audit trail: who did what to which thing, when. Append-only; written in the same
/// transaction as the change it describes.
/// </summary>
public sealed class AuditEntry : IAppendOnly
{
    public Guid Id { get; set; }

    public DateTimeOffset At { get; set; }

    /// <summary>Who acted: a user's e-mail, <c>api-key:{id}</c>, or <c>system</c>.</summary>
    public string Actor { get; set; } = "";

    /// <summary>The organisation whose data changed, when there is one (tenants see only their own lines).</summary>
    public Guid? OrganisationId { get; set; }

    /// <summary>Dotted verb, e.g. <c>api-key.issued</c>.</summary>
    public string Action { get; set; } = "";

    /// <summary>The thing acted on, e.g. <c>api-key:0195…</c>.</summary>
    public string Subject { get; set; } = "";

    public string Details { get; set; } = "";

    internal static void Configure(ModelBuilder modelBuilder)
    {
        var e = modelBuilder.Entity<AuditEntry>();
        e.ToTable("platform_audit_trail");
        e.HasKey(a => a.Id);
        e.Property(a => a.Actor).HasMaxLength(320);
        e.Property(a => a.Action).HasMaxLength(100);
        e.Property(a => a.Subject).HasMaxLength(200);
        e.Property(a => a.Details).HasMaxLength(4000);
        e.HasIndex(a => new { a.OrganisationId, a.At });
        e.HasIndex(a => a.At);
    }
}
