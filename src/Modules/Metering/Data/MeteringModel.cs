using Microsoft.EntityFrameworkCore;
using Tradewind.Metering.Submissions;
using Tradewind.Metering.Usage;
using Tradewind.Persistence;

namespace Tradewind.Metering.Data;

/// <summary>
/// The Metering tables, prefixed <c>metering_</c>. Indexes are few on purpose: every index is written on every ingested
/// record (docs/decisions/0016-usage-storage-and-group-commit.md).
/// </summary>
internal sealed class MeteringModel : IModelContributor
{
    public const string RecordsTable = "metering_usage_records";
    public const string SubmissionsTable = "metering_submissions";

    public void Configure(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<UsageRecord>(e =>
        {
            e.ToTable(RecordsTable);
            e.HasKey(x => x.Id);
            e.Property(x => x.CustomerIdentifier).HasMaxLength(UsageRecord.MaxCustomerIdentifierLength);
            e.Property(x => x.Dimension).HasMaxLength(UsageRecord.MaxDimensionLength);
            e.Property(x => x.IdempotencyKey).HasMaxLength(UsageRecord.MaxIdempotencyKeyLength);
            e.Property(x => x.Source).HasConversion<string>().HasMaxLength(20);
            // The AWS natural key: the customer identifier is per buyer × product, so it implies the product.
            e.HasIndex(x => new { x.CustomerIdentifier, x.Dimension, x.Hour }).IsUnique();
            e.HasIndex(x => new { x.SellerId, x.IdempotencyKey }).IsUnique().HasFilter("idempotency_key IS NOT NULL");
            // Totals and billing per agreement × dimension × hour.
            e.HasIndex(x => new { x.AgreementId, x.Dimension, x.Hour });
            // The seller's latest records and totals over a period.
            e.HasIndex(x => new { x.SellerId, x.Hour });
            // Billing runs look for late usage among the records received since their watermark (a range, usually the
            // last hours), never by scanning the table.
            e.HasIndex(x => x.ReceivedAt);
        });

        modelBuilder.Entity<SubmissionLog>(e =>
        {
            e.ToTable(SubmissionsTable);
            e.HasKey(x => x.Id);
            e.Property(x => x.Source).HasConversion<string>().HasMaxLength(20);
            e.Property(x => x.Actor).HasMaxLength(320);
            e.Property(x => x.BatchRejectionCode).HasMaxLength(40);
            e.HasIndex(x => new { x.SellerId, x.ReceivedAt });
        });
    }
}
