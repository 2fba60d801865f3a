using Microsoft.EntityFrameworkCore;
using Tradewind.Persistence;

namespace Tradewind.Payments.Collections;

/// <summary>The card collection tables, prefixed <c>payments_collections_</c>.</summary>
internal sealed class CollectionsModel : IModelContributor
{
    public void Configure(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<PaymentMethod>(e =>
        {
            e.ToTable("payments_collections_payment_methods");
            e.HasKey(x => x.Id);
            e.Property(x => x.Gateway).HasMaxLength(20);
            e.Property(x => x.Token).HasMaxLength(200);
            e.Property(x => x.CustomerReference).HasMaxLength(200);
            e.Property(x => x.Brand).HasMaxLength(30);
            e.Property(x => x.Last4).HasMaxLength(4);
            e.HasIndex(x => new { x.BuyerId, x.CreatedAt });
        });

        modelBuilder.Entity<Payment>(e =>
        {
            e.ToTable("payments_collections_payments");
            e.HasKey(x => x.Id);
            e.Property(x => x.InvoiceNumber).HasMaxLength(40);
            e.Property(x => x.EntityCode).HasMaxLength(20);
            e.Property(x => x.CardBrand).HasMaxLength(30);
            e.Property(x => x.CardLast4).HasMaxLength(4);
            e.Property(x => x.Currency).HasMaxLength(3).IsFixedLength();
            e.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
            e.Property(x => x.Gateway).HasMaxLength(20);
            e.Property(x => x.GatewayReference).HasMaxLength(200);
            e.Property(x => x.DeclineCode).HasMaxLength(100);
            e.Property(x => x.Message).HasMaxLength(500);
            e.Property(x => x.Trigger).HasMaxLength(20);
            e.Property(x => x.IdempotencyKey).HasMaxLength(255);
            e.Property(x => x.Actor).HasMaxLength(320);
            e.HasIndex(x => new { x.BuyerId, x.IdempotencyKey }).IsUnique();
            // One payment in flight or succeeded per invoice: a payment settles the invoice in full, so a second one
            // would exceed what is open. Declined attempts stay and do not count.
            e.HasIndex(x => x.InvoiceId).IsUnique().HasFilter("status IN ('Pending', 'Succeeded')").HasDatabaseName("ix_payments_collections_payments_live_invoice");
            e.HasIndex(x => new { x.InvoiceId, x.CreatedAt });
            e.HasIndex(x => x.CreatedAt);
        });

        modelBuilder.Entity<Refund>(e =>
        {
            e.ToTable("payments_collections_refunds");
            e.HasKey(x => x.Id);
            e.Property(x => x.Currency).HasMaxLength(3).IsFixedLength();
            e.Property(x => x.Status).HasMaxLength(20);
            e.Property(x => x.GatewayReference).HasMaxLength(200);
            e.HasIndex(x => x.CreditNoteId).IsUnique();
            e.HasIndex(x => x.PaymentId);
        });

        modelBuilder.Entity<DunningStep>(e =>
        {
            e.ToTable("payments_collections_dunning_steps");
            e.HasKey(x => x.Id);
            e.Property(x => x.InvoiceNumber).HasMaxLength(40);
            e.Property(x => x.Step).HasMaxLength(20);
            e.Property(x => x.Outcome).HasMaxLength(30);
            e.Property(x => x.Agreements).HasMaxLength(4000);
            e.Property(x => x.Actor).HasMaxLength(320);
            e.HasIndex(x => new { x.InvoiceId, x.Step }).IsUnique();
            e.HasIndex(x => x.TakenAt);
        });
    }
}
