using Microsoft.EntityFrameworkCore;
using Tradewind.Persistence;

namespace Tradewind.Payments.Payouts;

/// <summary>The payout tables, prefixed <c>payments_payouts_</c>.</summary>
internal sealed class PayoutsModel : IModelContributor
{
    public void Configure(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Payout>(e =>
        {
            e.ToTable("payments_payouts");
            e.HasKey(p => p.Id);
            e.Property(p => p.SellerEntityName).HasMaxLength(200);
            e.Property(p => p.EntityCode).HasMaxLength(20);
            e.Property(p => p.Currency).HasMaxLength(3).IsFixedLength();
            e.Property(p => p.Status).HasConversion<string>().HasMaxLength(20);
            e.Property(p => p.EndToEndId).HasMaxLength(35);
            e.Property(p => p.AccountLast4).HasMaxLength(4);
            e.Property(p => p.PeriodKey).HasMaxLength(20);
            e.Property(p => p.RequestedBy).HasMaxLength(320);
            e.Property(p => p.ReturnReason).HasMaxLength(500);
            e.Ignore(p => p.Amount);
            e.HasIndex(p => p.EndToEndId).IsUnique();
            // One payout per seller, paying entity, currency and schedule period: two runs at once create one.
            e.HasIndex(p => new { p.EntityCode, p.SellerId, p.Currency, p.PeriodKey }).IsUnique();
            e.HasIndex(p => new { p.SellerId, p.RequestedAt });
            e.HasIndex(p => new { p.Status, p.EntityCode, p.Currency });
            e.HasIndex(p => p.FileId);
            e.HasMany(p => p.Invoices).WithOne().HasForeignKey(i => i.PayoutId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<PayoutInvoice>(e =>
        {
            e.ToTable("payments_payouts_invoices");
            e.HasKey(i => new { i.PayoutId, i.InvoiceId });
            e.HasIndex(i => i.InvoiceId);
        });

        modelBuilder.Entity<PayoutFile>(e =>
        {
            e.ToTable("payments_payouts_files");
            e.HasKey(f => f.Id);
            e.Property(f => f.MessageId).HasMaxLength(35);
            e.Property(f => f.EntityCode).HasMaxLength(20);
            e.Property(f => f.Currency).HasMaxLength(3).IsFixedLength();
            e.Property(f => f.CreatedBy).HasMaxLength(320);
            e.HasIndex(f => f.MessageId).IsUnique();
        });

        modelBuilder.Entity<PayoutSchedule>(e =>
        {
            e.ToTable("payments_payouts_schedules");
            e.HasKey(s => s.SellerEntityId);
            e.Property(s => s.Frequency).HasConversion<string>().HasMaxLength(20);
            e.Property(s => s.UpdatedBy).HasMaxLength(320);
        });
    }
}
