using Microsoft.EntityFrameworkCore;

namespace Tradewind.Persistence.Idempotency;

/// <summary>
/// The remembered outcome of one write made with an <c>Idempotency-Key</c>. The key is scoped to the caller
/// (organisation or anonymous client), the method and the path, so two tenants never collide.
/// A record without <see cref="CompletedAt"/> marks a request still in flight.
/// </summary>
public sealed class IdempotencyRecord
{
    /// <summary>SHA-256 (hex) of scope, method, path and the client's key.</summary>
    public string Id { get; set; } = "";

    /// <summary>SHA-256 (hex) of the request body: the same key with another body is refused.</summary>
    public string RequestHash { get; set; } = "";

    public int? StatusCode { get; set; }

    public string? ContentType { get; set; }

    public string? Location { get; set; }

    public byte[]? Body { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? CompletedAt { get; set; }

    internal static void Configure(ModelBuilder modelBuilder)
    {
        var e = modelBuilder.Entity<IdempotencyRecord>();
        e.ToTable("platform_idempotency_keys");
        e.HasKey(r => r.Id);
        e.Property(r => r.Id).HasMaxLength(64);
        e.Property(r => r.RequestHash).HasMaxLength(64);
        e.Property(r => r.ContentType).HasMaxLength(200);
        e.Property(r => r.Location).HasMaxLength(2000);
        e.HasIndex(r => r.CreatedAt);
    }
}
