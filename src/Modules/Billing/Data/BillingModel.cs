using Microsoft.EntityFrameworkCore;
using Tradewind.Billing.Invoices;
using Tradewind.Billing.Numbering;
using Tradewind.Billing.Runs;
using Tradewind.Persistence;

namespace Tradewind.Billing.Data;

/// <summary>The Billing tables, prefixed <c>billing_</c>.</summary>
internal sealed class BillingModel : IModelContributor
{
    public void Configure(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<BillingRun>(e =>
        {
            e.ToTable("billing_runs");
            e.HasKey(r => r.Id);
            e.Property(r => r.Status).HasConversion<string>().HasMaxLength(20);
            e.Property(r => r.Trigger).HasMaxLength(40);
            e.Property(r => r.Actor).HasMaxLength(200);
            e.Property(r => r.IdempotencyKey).HasMaxLength(200);
            e.HasIndex(r => r.IdempotencyKey).IsUnique();
            e.HasIndex(r => r.StartedAt);
        });

        modelBuilder.Entity<RatedPeriod>(e =>
        {
            e.ToTable("billing_rated_periods");
            e.HasKey(r => r.Id);
            e.HasIndex(r => new { r.AgreementId, r.PeriodStart, r.Revision }).IsUnique();
            e.Property(r => r.UsageJson).HasMaxLength(8000);
        });

        modelBuilder.Entity<NumberSeries>(e =>
        {
            e.ToTable("billing_number_series");
            e.HasKey(s => new { s.EntityCode, s.Kind, s.Year });
            e.Property(s => s.EntityCode).HasMaxLength(20);
            e.Property(s => s.Kind).HasConversion<string>().HasMaxLength(20);
        });

        modelBuilder.Entity<Invoice>(e =>
        {
            e.ToTable("billing_invoices");
            e.HasKey(i => i.Id);
            e.Property(i => i.Kind).HasConversion<string>().HasMaxLength(20);
            e.Property(i => i.Status).HasConversion<string>().HasMaxLength(20);
            e.Property(i => i.Number).HasMaxLength(60);
            e.HasIndex(i => i.Number).IsUnique();
            e.Property(i => i.BuyerName).HasMaxLength(200);
            e.Property(i => i.BuyerCountry).HasMaxLength(2).IsFixedLength();
            e.Property(i => i.IssuerEntityCode).HasMaxLength(20);
            e.Property(i => i.Currency).HasMaxLength(3).IsFixedLength();
            e.Property(i => i.TaxCurrency).HasMaxLength(3).IsFixedLength();
            e.Property(i => i.Language).HasMaxLength(20);
            e.Property(i => i.PaymentReference).HasMaxLength(60);
            e.Property(i => i.CorrectsInvoiceNumber).HasMaxLength(60);
            e.Property(i => i.IdempotencyKey).HasMaxLength(200);
            e.Property(i => i.GroupKey).HasMaxLength(200);
            e.Property(i => i.VoidReason).HasMaxLength(1000);
            e.Property(i => i.Version).IsConcurrencyToken();
            e.HasMany(i => i.Lines).WithOne().HasForeignKey(l => l.InvoiceId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(i => new { i.BuyerId, i.Status });
            e.HasIndex(i => new { i.Status, i.CreatedAt });
            // One invoice per (buyer, issuing entity, currency, period), whichever run drafts it; credit notes share
            // their invoice's key.
            e.HasIndex(i => i.GroupKey).IsUnique().HasFilter("kind = 'Invoice'");
            e.HasIndex(i => new { i.CorrectsInvoiceId, i.IdempotencyKey }).IsUnique();
        });

        modelBuilder.Entity<InvoiceLine>(e =>
        {
            e.ToTable("billing_invoice_lines");
            e.HasKey(l => l.Id);
            e.Property(l => l.Kind).HasConversion<string>().HasMaxLength(20);
            e.Property(l => l.ProductTitle).HasMaxLength(200);
            e.Property(l => l.Dimension).HasMaxLength(64);
            e.Property(l => l.Description).HasMaxLength(500);
            e.Property(l => l.Quantity).HasPrecision(28, 6);
            e.Property(l => l.Unit).HasMaxLength(40);
            e.Property(l => l.UnitPrice).HasMaxLength(40);
            e.Property(l => l.ExactAmount).HasPrecision(38, 12);
            e.Property(l => l.PlanCurrency).HasMaxLength(3).IsFixedLength();
            e.Property(l => l.TaxCode).HasMaxLength(60);
            e.Property(l => l.TaxJurisdiction).HasMaxLength(20);
            e.Property(l => l.TaxType).HasMaxLength(20);
            e.Property(l => l.TaxRate).HasPrecision(12, 8);
            e.Property(l => l.TaxTreatment).HasMaxLength(20);
            e.Property(l => l.TaxCategory).HasMaxLength(4);
            e.Property(l => l.TaxNote).HasMaxLength(1000);
            e.HasIndex(l => new { l.InvoiceId, l.LineNumber }).IsUnique();
            e.HasIndex(l => new { l.AgreementId, l.ServiceStart });
            e.HasIndex(l => l.SellerId);
        });
    }
}
