using Microsoft.EntityFrameworkCore;
using Tradewind.Payments.ExchangeRates;
using Tradewind.Payments.Ledger;
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

        modelBuilder.Entity<LedgerEntry>(e =>
        {
            e.ToTable("payments_ledger_entries");
            e.HasKey(x => x.Id);
            e.Property(x => x.SourceKey).HasMaxLength(LedgerPosting.MaxSourceKeyLength);
            e.Property(x => x.Kind).HasMaxLength(20);
            e.Property(x => x.EntityCode).HasMaxLength(20);
            e.Property(x => x.Description).HasMaxLength(500);
            e.Property(x => x.Actor).HasMaxLength(320);
            e.HasIndex(x => x.SourceKey).IsUnique();
            e.HasIndex(x => new { x.EntityCode, x.EffectiveAt });
            e.HasMany(x => x.Lines).WithOne().HasForeignKey(l => l.EntryId).OnDelete(DeleteBehavior.Restrict);
        });

        modelBuilder.Entity<LedgerLine>(e =>
        {
            e.ToTable("payments_ledger_lines");
            e.HasKey(x => x.Id);
            e.Property(x => x.EntityCode).HasMaxLength(20);
            e.Property(x => x.Account).HasConversion<string>().HasMaxLength(30);
            e.Property(x => x.Subject).HasMaxLength(100);
            e.Property(x => x.Currency).HasMaxLength(3).IsFixedLength();
            e.Property(x => x.Memo).HasMaxLength(200);
            e.HasIndex(x => new { x.EntryId, x.LineNumber }).IsUnique();
            // The trial balance groups by account within an entity and currency, filtered by date.
            e.HasIndex(x => new { x.EntityCode, x.Currency, x.Account, x.Subject, x.EffectiveAt });
        });
    }
}
