using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Tradewind.Accounts.ApiKeys;
using Tradewind.Accounts.OperatorEntities;
using Tradewind.Accounts.Organisations;
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

        modelBuilder.Entity<OperatorEntity>(e =>
        {
            e.ToTable("accounts_operator_entities");
            e.HasKey(o => o.Id);
            e.Property(o => o.LegalName).HasMaxLength(200);
            e.Property(o => o.CountryCode).HasMaxLength(2).IsFixedLength();
            e.Property(o => o.CurrencyCode).HasMaxLength(3).IsFixedLength();
            e.Property(o => o.TaxRegistration).HasMaxLength(100);
            e.Property(o => o.ServesRegion).HasMaxLength(200);
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

        ConfigureIdentity(modelBuilder);
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
