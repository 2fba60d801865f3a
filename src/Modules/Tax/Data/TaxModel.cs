using Microsoft.EntityFrameworkCore;
using Tradewind.Persistence;
using Tradewind.Tax.Liability;
using Tradewind.Tax.Quotes;

namespace Tradewind.Tax.Data;

/// <summary>The Tax tables, prefixed <c>tax_</c>. The rates themselves are a versioned file, not a table.</summary>
internal sealed class TaxModel : IModelContributor
{
    public void Configure(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<TaxQuote>(e =>
        {
            e.ToTable("tax_quotes");
            e.HasKey(q => q.Id);
            e.Property(q => q.IssuingEntity).HasMaxLength(10);
            e.Property(q => q.BuyerCountry).HasMaxLength(2).IsFixedLength();
            e.Property(q => q.Currency).HasMaxLength(3).IsFixedLength();
            e.Property(q => q.RatesVersion).HasMaxLength(40);
            e.Property(q => q.CreatedBy).HasMaxLength(320);
            e.Property(q => q.CommittedAs).HasMaxLength(60);
            e.Property(q => q.ReversedBy).HasMaxLength(60);
            e.HasIndex(q => q.CreatedAt);
        });

        modelBuilder.Entity<TaxTransaction>(e =>
        {
            e.ToTable("tax_transactions");
            e.HasKey(t => new { t.QuoteId, t.Kind, t.LineNo });
            e.Property(t => t.Kind).HasMaxLength(20);
            e.Property(t => t.LineId).HasMaxLength(100);
            e.Property(t => t.DocumentNumber).HasMaxLength(60);
            e.Property(t => t.IssuingEntity).HasMaxLength(10);
            e.Property(t => t.Jurisdiction).HasMaxLength(6);
            e.Property(t => t.TaxType).HasMaxLength(40);
            e.Property(t => t.Treatment).HasMaxLength(20);
            e.Property(t => t.Rule).HasMaxLength(80);
            // Exact decimals, never summed in SQL: numeric on PostgreSQL, TEXT on SQLite.
            e.Property(t => t.Rate).HasPrecision(12, 8);
            e.Property(t => t.FxRate);
            e.Property(t => t.Currency).HasMaxLength(3).IsFixedLength();
            e.Property(t => t.ReturnCurrency).HasMaxLength(3).IsFixedLength();
            e.HasOne<TaxQuote>().WithMany().HasForeignKey(t => t.QuoteId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(t => new { t.TaxDate, t.IssuingEntity });
        });
    }
}
