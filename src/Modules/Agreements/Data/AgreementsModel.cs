using Microsoft.EntityFrameworkCore;
using Tradewind.Agreements.Agreements;
using Tradewind.Agreements.Fulfilment;
using Tradewind.Agreements.PrivateOffers;
using Tradewind.Agreements.Support;
using Tradewind.Persistence;

namespace Tradewind.Agreements.Data;

/// <summary>The Agreements tables, prefixed <c>agreements_</c>.</summary>
internal sealed class AgreementsModel : IModelContributor
{
    public void Configure(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Customer>(e =>
        {
            e.ToTable("agreements_customers");
            e.HasKey(c => c.Id);
            e.Property(c => c.Identifier).HasMaxLength(32);
            e.HasIndex(c => c.Identifier).IsUnique();
            e.HasIndex(c => new { c.BuyerId, c.ProductId }).IsUnique();
            e.Property(c => c.Subscriptions).IsConcurrencyToken();
        });

        modelBuilder.Entity<Agreement>(e =>
        {
            e.ToTable("agreements_agreements");
            e.HasKey(a => a.Id);
            e.Property(a => a.CustomerIdentifier).HasMaxLength(32);
            e.Property(a => a.BuyerName).HasMaxLength(200);
            e.Property(a => a.BuyerCountry).HasMaxLength(2).IsFixedLength();
            e.Property(a => a.ProductTitle).HasMaxLength(200);
            e.Property(a => a.ProductSlug).HasMaxLength(200);
            e.Property(a => a.Currency).HasMaxLength(3).IsFixedLength();
            e.Property(a => a.LicenceKind).HasConversion<string>().HasMaxLength(20);
            e.Property(a => a.LicenceVersion).HasMaxLength(40);
            e.Property(a => a.LicenceLanguage).HasMaxLength(20);
            e.Property(a => a.Status).HasConversion<string>().HasMaxLength(20);
            e.Property(a => a.StatusBeforeSuspension).HasConversion<string>().HasMaxLength(20);
            e.Property(a => a.SuspensionReason).HasMaxLength(1000);
            e.Property(a => a.Version).IsConcurrencyToken();
            e.Ignore(a => a.OfferId);
            e.Ignore(a => a.InForce);
            e.HasMany(a => a.Entitlements).WithOne().HasForeignKey(x => x.AgreementId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(a => new { a.BuyerId, a.ProductId, a.Status });
            e.HasIndex(a => new { a.SellerId, a.Status });
            e.HasIndex(a => a.CustomerIdentifier);
            e.HasIndex(a => new { a.Status, a.TrialEndsAt });
            e.HasIndex(a => new { a.Status, a.PeriodEnd });
            e.HasIndex(a => a.PrivateOfferId);
        });

        modelBuilder.Entity<PrivateOffer>(e =>
        {
            e.ToTable("agreements_private_offers");
            e.HasKey(o => o.Id);
            e.Property(o => o.SellerName).HasMaxLength(200);
            e.Property(o => o.SellerEntityName).HasMaxLength(200);
            e.Property(o => o.ProductTitle).HasMaxLength(200);
            e.Property(o => o.ProductSlug).HasMaxLength(200);
            e.Property(o => o.BuyerName).HasMaxLength(200);
            e.Property(o => o.BuyerEmailDomain).HasMaxLength(253);
            e.Property(o => o.Name).HasMaxLength(200);
            e.Property(o => o.Currency).HasMaxLength(3).IsFixedLength();
            e.Property(o => o.Status).HasConversion<string>().HasMaxLength(20);
            e.Property(o => o.DeclineReason).HasMaxLength(1000);
            e.Property(o => o.Version).IsConcurrencyToken();
            e.Ignore(o => o.OfferId);
            e.Ignore(o => o.IsOpen);
            e.Ignore(o => o.Draft);
            e.Ignore(o => o.Terms);
            e.Ignore(o => o.History);
            e.Ignore(o => o.ExpiresAt);
            e.HasIndex(o => new { o.SellerId, o.CreatedAt });
            e.HasIndex(o => new { o.BuyerId, o.Status });
            e.HasIndex(o => o.BuyerEmailDomain);
            e.HasIndex(o => new { o.Status, o.ExpiresOn });
            e.HasIndex(o => o.AgreementId);
        });

        modelBuilder.Entity<OfferTemplate>(e =>
        {
            e.ToTable("agreements_offer_templates");
            e.HasKey(t => t.Id);
            e.Property(t => t.Name).HasMaxLength(200);
            e.Property(t => t.CreatedBy).HasMaxLength(200);
            e.HasIndex(t => new { t.SellerId, t.CreatedAt });
        });

        modelBuilder.Entity<AgreementEntitlement>(e =>
        {
            e.ToTable("agreements_entitlements");
            e.HasKey(x => x.Id);
            e.Property(x => x.CustomerIdentifier).HasMaxLength(32);
            e.Property(x => x.Dimension).HasMaxLength(64);
            e.Property(x => x.Quantity).HasPrecision(20, 6);
            e.HasIndex(x => new { x.ProductId, x.CustomerIdentifier, x.Dimension });
            e.HasIndex(x => new { x.SellerId, x.ProductId });
            e.HasIndex(x => x.BuyerId);
        });

        modelBuilder.Entity<RegistrationToken>(e =>
        {
            e.ToTable("agreements_registration_tokens");
            e.HasKey(t => t.Id);
            e.Property(t => t.Hash).HasMaxLength(64).IsFixedLength();
            e.HasIndex(t => t.Hash).IsUnique();
            e.HasOne<Agreement>().WithMany().HasForeignKey(t => t.AgreementId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<Ticket>(e =>
        {
            e.ToTable("agreements_tickets");
            e.HasKey(t => t.Id);
            e.Property(t => t.BuyerName).HasMaxLength(200);
            e.Property(t => t.ProductTitle).HasMaxLength(200);
            e.Property(t => t.Subject).HasMaxLength(200);
            e.Property(t => t.Category).HasConversion<string>().HasMaxLength(20);
            e.Property(t => t.Severity).HasConversion<string>().HasMaxLength(20);
            e.Property(t => t.Status).HasConversion<string>().HasMaxLength(20);
            e.HasOne<Agreement>().WithMany().HasForeignKey(t => t.AgreementId).OnDelete(DeleteBehavior.Restrict);
            e.HasMany(t => t.Messages).WithOne().HasForeignKey(m => m.TicketId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(t => new { t.SellerId, t.Status });
            e.HasIndex(t => new { t.BuyerId, t.Status });
        });

        modelBuilder.Entity<TicketMessage>(e =>
        {
            e.ToTable("agreements_ticket_messages");
            e.HasKey(m => m.Id);
            e.Property(m => m.AuthorRole).HasMaxLength(20);
            e.Property(m => m.AuthorName).HasMaxLength(200);
            e.Property(m => m.Text).HasMaxLength(10000);
            e.HasIndex(m => new { m.TicketId, m.Number }).IsUnique();
        });
    }
}
