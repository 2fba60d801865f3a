using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Tradewind.Accounts.Addresses;
using Tradewind.Accounts.ApiKeys;
using Tradewind.Accounts.AwsAccessKeys;
using Tradewind.Accounts.BankAccounts;
using Tradewind.Accounts.BuyerProfiles;
using Tradewind.Accounts.OperatorEntities;
using Tradewind.Accounts.Organisations;
using Tradewind.Accounts.Peppol;
using Tradewind.Accounts.Routing;
using Tradewind.Accounts.SellerEntities;
using Tradewind.Accounts.Users;
using Tradewind.Persistence;

namespace Tradewind.Accounts.Data;

/// <summary>The Accounts tables, including ASP.NET Core Identity's (schema version 3), all prefixed <c>accounts_</c>.</summary>
internal sealed class AccountsModel : IModelContributor
{
    public void Configure(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Organisation>(e =>
        {
            e.ToTable("accounts_organisations");
            e.HasKey(o => o.Id);
            e.Property(o => o.Name).HasMaxLength(200);
            e.Property(o => o.Kind).HasConversion<string>().HasMaxLength(20);
            e.Property(o => o.CountryCode).HasMaxLength(2).IsFixedLength();
            e.Property(o => o.SubdivisionCode).HasMaxLength(6);
            e.Ignore(o => o.Role);
            e.HasIndex(o => new { o.Kind, o.Name });
        });

        modelBuilder.Entity<BuyerProfile>(e =>
        {
            e.ToTable("accounts_buyer_profiles");
            e.HasKey(p => p.OrganisationId);
            e.OwnsOne(p => p.Address, ConfigureAddress);
            e.Navigation(p => p.Address).IsRequired();
            e.Property(p => p.TaxId).HasMaxLength(40);
            e.Property(p => p.TaxIdDisplay).HasMaxLength(60);
            e.Property(p => p.InvoiceCurrency).HasMaxLength(3).IsFixedLength();
            e.Property(p => p.Language).HasMaxLength(20);
            e.Property(p => p.TimeZone).HasMaxLength(64);
            e.HasOne<Organisation>().WithOne().HasForeignKey<BuyerProfile>(p => p.OrganisationId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<OperatorEntity>(e =>
        {
            e.ToTable("accounts_operator_entities");
            e.HasKey(o => o.Id);
            e.Property(o => o.Code).HasMaxLength(10);
            e.HasIndex(o => o.Code).IsUnique();
            e.Property(o => o.LegalName).HasMaxLength(200);
            e.Property(o => o.CountryCode).HasMaxLength(2).IsFixedLength();
            e.Property(o => o.CurrencyCode).HasMaxLength(3).IsFixedLength();
            e.Property(o => o.InvoicePrefix).HasMaxLength(20);
            e.Property(o => o.ServesRegion).HasMaxLength(200);
            e.Property(o => o.PeppolParticipantId).HasMaxLength(60);
            e.Property(o => o.SepaCreditorId).HasMaxLength(35);
            e.OwnsOne(o => o.Address, ConfigureAddress);
            e.Navigation(o => o.Address).IsRequired();
            e.OwnsMany(o => o.TaxRegistrations, t =>
            {
                t.ToTable("accounts_operator_entity_tax_registrations");
                t.WithOwner().HasForeignKey("OperatorEntityId");
                t.Property<int>("Id");
                t.HasKey("Id");
                t.Property(r => r.CountryCode).HasMaxLength(2).IsFixedLength();
                t.Property(r => r.SubdivisionCode).HasMaxLength(6);
                t.Property(r => r.Number).HasMaxLength(50);
            });
            e.OwnsMany(o => o.CollectionAccounts, a =>
            {
                a.ToTable("accounts_operator_collection_accounts");
                a.WithOwner().HasForeignKey("OperatorEntityId");
                a.Property<int>("Id");
                a.HasKey("Id");
                a.Property(c => c.CountryCode).HasMaxLength(2).IsFixedLength();
                a.Property(c => c.CurrencyCode).HasMaxLength(3).IsFixedLength();
                a.Property(c => c.HolderName).HasMaxLength(200);
                a.Property(c => c.Last4).HasMaxLength(4);
                a.Property(c => c.Fingerprint).HasMaxLength(64);
                a.Property(c => c.ProtectedDetails).HasMaxLength(4000);
            });
        });

        modelBuilder.Entity<PeppolBuyerAddress>(e =>
        {
            e.ToTable("accounts_peppol_buyer_addresses");
            e.HasKey(a => a.OrganisationId);
            e.HasIndex(a => a.LocationReference).IsUnique();
            e.Property(a => a.ParticipantId).HasMaxLength(60);
            e.HasOne<Organisation>().WithOne().HasForeignKey<PeppolBuyerAddress>(a => a.OrganisationId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<RoutingRule>(e =>
        {
            e.ToTable("accounts_routing_rules");
            e.HasKey(r => r.Id);
            e.Property(r => r.SellerCondition).HasConversion<string>().HasMaxLength(20);
            e.Property(r => r.SellerCountry).HasMaxLength(2).IsFixedLength();
            e.Property(r => r.EntityCode).HasMaxLength(10);
            e.HasIndex(r => r.Priority);
        });

        modelBuilder.Entity<SellerEntity>(e =>
        {
            e.ToTable("accounts_seller_entities");
            e.HasKey(s => s.Id);
            e.Property(s => s.LegalName).HasMaxLength(200);
            e.Property(s => s.CountryCode).HasMaxLength(2).IsFixedLength();
            e.Property(s => s.TaxId).HasMaxLength(50);
            e.Property(s => s.KycState).HasConversion<string>().HasMaxLength(20);
            e.Property(s => s.KycReason).HasMaxLength(1000);
            e.Property(s => s.KycReviewedBy).HasMaxLength(256);
            e.Ignore(s => s.RequiredTaxForm);
            e.OwnsOne(s => s.Address, ConfigureAddress);
            e.Navigation(s => s.Address).IsRequired();
            e.HasIndex(s => new { s.SellerId, s.CreatedAt });
            e.HasIndex(s => new { s.KycState, s.CreatedAt });
            e.HasOne<Organisation>().WithMany().HasForeignKey(s => s.SellerId).OnDelete(DeleteBehavior.Restrict);
        });

        modelBuilder.Entity<SellerTaxForm>(e =>
        {
            e.ToTable("accounts_seller_tax_forms");
            e.HasKey(f => f.SellerEntityId);
            e.Property(f => f.Kind).HasMaxLength(20);
            e.Property(f => f.FileName).HasMaxLength(200);
            e.Property(f => f.Sha256).HasMaxLength(64);
            e.Property(f => f.UploadedBy).HasMaxLength(256);
            e.HasOne<SellerEntity>().WithOne().HasForeignKey<SellerTaxForm>(f => f.SellerEntityId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<SellerBankAccount>(e =>
        {
            e.ToTable("accounts_seller_bank_accounts");
            e.HasKey(a => a.Id);
            e.Property(a => a.CountryCode).HasMaxLength(2).IsFixedLength();
            e.Property(a => a.CurrencyCode).HasMaxLength(3).IsFixedLength();
            e.Property(a => a.HolderName).HasMaxLength(200);
            e.Property(a => a.Last4).HasMaxLength(4);
            e.Property(a => a.Fingerprint).HasMaxLength(64);
            e.Property(a => a.ProtectedDetails).HasMaxLength(4000);
            e.Property(a => a.ProtectedMicroDeposits).HasMaxLength(1000);
            e.Property(a => a.Status).HasConversion<string>().HasMaxLength(30);
            e.Property(a => a.VerifiedBy).HasMaxLength(256);
            e.Property(a => a.VerificationNote).HasMaxLength(1000);
            // The same account twice in the same currency for one entity is a mistake; the fingerprint finds it.
            e.HasIndex(a => new { a.SellerEntityId, a.CurrencyCode, a.Fingerprint }).IsUnique();
            e.HasIndex(a => a.SellerId);
            e.HasOne<SellerEntity>().WithMany().HasForeignKey(a => a.SellerEntityId).OnDelete(DeleteBehavior.Restrict);
        });

        modelBuilder.Entity<PayoutCurrency>(e =>
        {
            e.ToTable("accounts_payout_currencies");
            e.HasKey(p => new { p.SellerEntityId, p.CurrencyCode });
            e.Property(p => p.CurrencyCode).HasMaxLength(3).IsFixedLength();
            e.HasIndex(p => p.SellerId);
            e.HasOne<SellerEntity>().WithMany().HasForeignKey(p => p.SellerEntityId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<SellerBankAccount>().WithMany().HasForeignKey(p => p.BankAccountId).OnDelete(DeleteBehavior.Restrict);
        });

        modelBuilder.Entity<ApiKey>(e =>
        {
            e.ToTable("accounts_api_keys");
            e.HasKey(k => k.Id);
            e.Property(k => k.Name).HasMaxLength(100);
            e.Property(k => k.Role).HasMaxLength(20);
            e.Property(k => k.Prefix).HasMaxLength(12);
            e.Property(k => k.SecretHash).HasMaxLength(64);
            e.HasIndex(k => k.Prefix).IsUnique();
            e.HasIndex(k => new { k.OrganisationId, k.CreatedAt });
            e.HasOne<Organisation>().WithMany().HasForeignKey(k => k.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        });

        modelBuilder.Entity<AwsAccessKey>(e =>
        {
            e.ToTable("accounts_aws_access_keys");
            e.HasKey(k => k.Id);
            e.Property(k => k.Name).HasMaxLength(100);
            e.Property(k => k.AccessKeyId).HasMaxLength(AwsAccessKey.AccessKeyIdLength);
            e.Property(k => k.ProtectedSecret).HasMaxLength(1000);
            e.Property(k => k.BoundCustomerIdentifier).HasMaxLength(AwsAccessKey.CustomerIdentifierMaxLength);
            e.HasIndex(k => k.AccessKeyId).IsUnique();
            e.HasIndex(k => new { k.OrganisationId, k.CreatedAt });
            e.HasOne<Organisation>().WithMany().HasForeignKey(k => k.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        });

        ConfigureIdentity(modelBuilder);
    }

    private static void ConfigureAddress<TOwner>(OwnedNavigationBuilder<TOwner, Address> address)
        where TOwner : class
    {
        address.Property(a => a.Line1).HasMaxLength(200);
        address.Property(a => a.Line2).HasMaxLength(200);
        address.Property(a => a.City).HasMaxLength(100);
        address.Property(a => a.PostalCode).HasMaxLength(20);
        address.Property(a => a.Region).HasMaxLength(100);
        address.Property(a => a.CountryCode).HasMaxLength(2).IsFixedLength();
    }

    // Mirrors IdentityDbContext's configuration (Identity schema v3) with our table names.
    private static void ConfigureIdentity(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<User>(b =>
        {
            b.ToTable("accounts_users");
            b.HasKey(u => u.Id);
            b.HasIndex(u => u.NormalizedUserName).HasDatabaseName("ix_accounts_users_normalized_user_name").IsUnique();
            b.HasIndex(u => u.NormalizedEmail).HasDatabaseName("ix_accounts_users_normalized_email");
            b.HasIndex(u => u.OrganisationId);
            b.Property(u => u.ConcurrencyStamp).IsConcurrencyToken().HasMaxLength(100);
            b.Property(u => u.SecurityStamp).HasMaxLength(100);
            b.Property(u => u.PasswordHash).HasMaxLength(400);
            b.Property(u => u.PhoneNumber).HasMaxLength(50);
            b.Property(u => u.UserName).HasMaxLength(256);
            b.Property(u => u.NormalizedUserName).HasMaxLength(256);
            b.Property(u => u.Email).HasMaxLength(256);
            b.Property(u => u.NormalizedEmail).HasMaxLength(256);
            b.Property(u => u.DisplayName).HasMaxLength(200);
            b.Property(u => u.PreferredLanguage).HasMaxLength(35);
            b.HasOne<Organisation>().WithMany().HasForeignKey(u => u.OrganisationId).OnDelete(DeleteBehavior.Restrict);
            b.HasMany<IdentityUserClaim<Guid>>().WithOne().HasForeignKey(uc => uc.UserId).IsRequired();
            b.HasMany<IdentityUserLogin<Guid>>().WithOne().HasForeignKey(ul => ul.UserId).IsRequired();
            b.HasMany<IdentityUserToken<Guid>>().WithOne().HasForeignKey(ut => ut.UserId).IsRequired();
            b.HasMany<IdentityUserRole<Guid>>().WithOne().HasForeignKey(ur => ur.UserId).IsRequired();
        });

        modelBuilder.Entity<IdentityUserClaim<Guid>>(b =>
        {
            b.ToTable("accounts_user_claims");
            b.HasKey(uc => uc.Id);
            b.Property(uc => uc.ClaimType).HasMaxLength(256);
            b.Property(uc => uc.ClaimValue).HasMaxLength(1000);
        });

        modelBuilder.Entity<IdentityUserLogin<Guid>>(b =>
        {
            b.ToTable("accounts_user_logins");
            b.HasKey(l => new { l.LoginProvider, l.ProviderKey });
            b.Property(l => l.LoginProvider).HasMaxLength(128);
            b.Property(l => l.ProviderKey).HasMaxLength(128);
            b.Property(l => l.ProviderDisplayName).HasMaxLength(256);
        });

        modelBuilder.Entity<IdentityUserToken<Guid>>(b =>
        {
            b.ToTable("accounts_user_tokens");
            b.HasKey(t => new { t.UserId, t.LoginProvider, t.Name });
            b.Property(t => t.LoginProvider).HasMaxLength(128);
            b.Property(t => t.Name).HasMaxLength(128);
            b.Property(t => t.Value).HasMaxLength(1000);
        });

        modelBuilder.Entity<Role>(b =>
        {
            b.ToTable("accounts_roles");
            b.HasKey(r => r.Id);
            b.HasIndex(r => r.NormalizedName).HasDatabaseName("ix_accounts_roles_normalized_name").IsUnique();
            b.Property(r => r.ConcurrencyStamp).IsConcurrencyToken().HasMaxLength(100);
            b.Property(r => r.Name).HasMaxLength(256);
            b.Property(r => r.NormalizedName).HasMaxLength(256);
            b.HasMany<IdentityUserRole<Guid>>().WithOne().HasForeignKey(ur => ur.RoleId).IsRequired();
            b.HasMany<IdentityRoleClaim<Guid>>().WithOne().HasForeignKey(rc => rc.RoleId).IsRequired();
        });

        modelBuilder.Entity<IdentityRoleClaim<Guid>>(b =>
        {
            b.ToTable("accounts_role_claims");
            b.HasKey(rc => rc.Id);
            b.Property(rc => rc.ClaimType).HasMaxLength(256);
            b.Property(rc => rc.ClaimValue).HasMaxLength(1000);
        });

        modelBuilder.Entity<IdentityUserRole<Guid>>(b =>
        {
            b.ToTable("accounts_user_roles");
            b.HasKey(r => new { r.UserId, r.RoleId });
        });
    }
}
