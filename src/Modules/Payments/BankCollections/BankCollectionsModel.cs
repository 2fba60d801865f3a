using Microsoft.EntityFrameworkCore;
using Tradewind.Persistence;

namespace Tradewind.Payments.BankCollections;

/// <summary>The bank-collection tables, prefixed <c>payments_bank_</c>.</summary>
internal sealed class BankCollectionsModel : IModelContributor
{
    public void Configure(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<SepaMandate>(e =>
        {
            e.ToTable("payments_bank_mandates");
            e.HasKey(m => m.Id);
            e.Property(m => m.Reference).HasMaxLength(35);
            e.Property(m => m.DebtorName).HasMaxLength(70);
            e.Property(m => m.Iban).HasMaxLength(34);
            e.Property(m => m.Bic).HasMaxLength(11);
            e.Property(m => m.EntityCode).HasMaxLength(20);
            e.Property(m => m.CreditorId).HasMaxLength(35);
            e.Property(m => m.CreditorName).HasMaxLength(200);
            e.Property(m => m.Status).HasConversion<string>().HasMaxLength(20);
            e.Property(m => m.CreatedBy).HasMaxLength(320);
            e.Property(m => m.RevokedBy).HasMaxLength(320);
            e.Ignore(m => m.NextSequenceType);
            e.HasIndex(m => m.Reference).IsUnique();
            e.HasIndex(m => new { m.BuyerId, m.EntityCode, m.Status });
        });

        modelBuilder.Entity<BankInvoice>(e =>
        {
            e.ToTable("payments_bank_invoices");
            e.HasKey(i => i.InvoiceId);
            e.Property(i => i.Number).HasMaxLength(60);
            e.Property(i => i.EntityCode).HasMaxLength(20);
            e.Property(i => i.Currency).HasMaxLength(3).IsFixedLength();
            e.Property(i => i.RfReference).HasMaxLength(25);
            e.HasIndex(i => i.RfReference).IsUnique();
            e.HasIndex(i => i.Number);
            e.HasIndex(i => new { i.BuyerId, i.EntityCode, i.Currency });
        });

        modelBuilder.Entity<DirectDebitCollection>(e =>
        {
            e.ToTable("payments_bank_collections");
            e.HasKey(c => c.Id);
            e.Property(c => c.InvoiceNumber).HasMaxLength(60);
            e.Property(c => c.MandateReference).HasMaxLength(35);
            e.Property(c => c.EntityCode).HasMaxLength(20);
            e.Property(c => c.Currency).HasMaxLength(3).IsFixedLength();
            e.Property(c => c.Status).HasConversion<string>().HasMaxLength(20);
            e.Property(c => c.SequenceType).HasMaxLength(4);
            e.Ignore(c => c.EndToEndId);

            // One collection per invoice, ever: the guard against collecting an invoice in two batches.
            e.HasIndex(c => c.InvoiceId).IsUnique();
            e.HasIndex(c => new { c.Status, c.DueDate });
            e.HasIndex(c => c.BatchId);
            e.HasOne<SepaMandate>().WithMany().HasForeignKey(c => c.MandateId).OnDelete(DeleteBehavior.Restrict);
        });

        modelBuilder.Entity<DirectDebitBatch>(e =>
        {
            e.ToTable("payments_bank_dd_batches");
            e.HasKey(b => b.Id);
            e.Property(b => b.EntityCode).HasMaxLength(20);
            e.Property(b => b.MessageId).HasMaxLength(35);
            e.Property(b => b.Status).HasConversion<string>().HasMaxLength(20);
            e.Property(b => b.Currency).HasMaxLength(3).IsFixedLength();
            e.Property(b => b.CreatedBy).HasMaxLength(320);
            e.HasIndex(b => b.MessageId).IsUnique();
            e.HasIndex(b => b.CreatedAt);
        });

        modelBuilder.Entity<BankStatement>(e =>
        {
            e.ToTable("payments_bank_statements");
            e.HasKey(s => s.Id);
            e.Property(s => s.StatementId).HasMaxLength(35);
            e.Property(s => s.MessageId).HasMaxLength(35);
            e.Property(s => s.AccountIban).HasMaxLength(34);
            e.Property(s => s.Actor).HasMaxLength(320);
            e.HasIndex(s => s.StatementId).IsUnique();
        });

        modelBuilder.Entity<StatementEntry>(e =>
        {
            e.ToTable("payments_bank_statement_entries");
            e.HasKey(x => x.Id);
            e.Property(x => x.StatementId).HasMaxLength(35);
            e.Property(x => x.EntryReference).HasMaxLength(60);
            e.Property(x => x.Currency).HasMaxLength(3).IsFixedLength();
            e.Property(x => x.Reference).HasMaxLength(35);
            e.Property(x => x.Remittance).HasMaxLength(500);
            e.Property(x => x.DebtorName).HasMaxLength(140);
            e.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
            e.Property(x => x.Reason).HasMaxLength(300);
            e.Property(x => x.InvoiceNumber).HasMaxLength(60);
            e.Property(x => x.Note).HasMaxLength(1000);
            e.Property(x => x.ResolvedBy).HasMaxLength(320);

            // Re-importing a statement adds nothing: an entry is known by its statement and the bank's reference.
            e.HasIndex(x => new { x.StatementId, x.EntryReference }).IsUnique();
            e.HasIndex(x => new { x.Status, x.CreatedAt });
            e.HasOne<BankStatement>().WithMany().HasForeignKey(x => x.StatementRowId).OnDelete(DeleteBehavior.Restrict);
        });
    }
}
