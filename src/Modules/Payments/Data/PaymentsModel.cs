using Microsoft.EntityFrameworkCore;
using Tradewind.Payments.ExchangeRates;
using Tradewind.Persistence;

namespace Tradewind.Payments.Data;

/// <summary>The Payments tables, prefixed <c>payments_</c>.</summary>
internal sealed class PaymentsModel : IModelContributor
{
    public void Configure(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<ExchangeRate>(e =>
        {
            e.ToTable("payments_exchange_rates");
            e.HasKey(r => r.Id);
            e.Property(r => r.Source).HasMaxLength(20);
            e.Property(r => r.Base).HasMaxLength(3).IsFixedLength();
            e.Property(r => r.Quote).HasMaxLength(3).IsFixedLength();
            // numeric(20,10) on PostgreSQL; TEXT on SQLite, exact either way. Never compared or summed in SQL.
            e.Property(r => r.Rate).HasPrecision(20, ExchangeRate.Scale);
            e.Property(r => r.CreatedBy).HasMaxLength(320);
            e.HasIndex(r => new { r.Source, r.Base, r.Quote, r.AsOf }).IsUnique();
            e.HasIndex(r => new { r.Base, r.Quote, r.AsOf });
        });

        modelBuilder.Entity<CurrencyConversion>(e =>
        {
            e.ToTable("payments_conversions");
            e.HasKey(c => c.Id);
            e.Property(c => c.FromCurrency).HasMaxLength(3).IsFixedLength();
            e.Property(c => c.ToCurrency).HasMaxLength(3).IsFixedLength();
            // No precision on purpose: unconstrained numeric on PostgreSQL (TEXT on SQLite) stores the decimal exactly as
            // computed, so a cross rate keeps all of its 28 significant digits and the conversion can be redone.
            e.Property(c => c.Source).HasMaxLength(20);
            e.Property(c => c.Rounding).HasConversion<string>().HasMaxLength(20);
            e.Property(c => c.Purpose).HasMaxLength(200);
            e.HasOne<ExchangeRate>().WithMany().HasForeignKey(c => c.RateId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<ExchangeRate>().WithMany().HasForeignKey(c => c.CrossRateId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(c => c.CreatedAt);
        });
    }
}
