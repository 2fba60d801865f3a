using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Tradewind.Accounts.AwsAccessKeys;
using Tradewind.Accounts.BankAccounts;
using Tradewind.Accounts.Data;
using Tradewind.Accounts.Notifications;
using Tradewind.Accounts.Peppol;
using Tradewind.Accounts.Routing;
using Tradewind.Accounts.Users;
using Tradewind.Contracts.Accounts;
using Tradewind.Persistence;

namespace Tradewind.Accounts;

/// <summary>Organisations, people (ASP.NET Core Identity), roles, API keys, AWS access keys, the operator's legal entities and issuing-entity routing, sellers' legal entities (KYC) and payout bank accounts.</summary>
public static class AccountsModule
{
    public static IServiceCollection AddAccountsModule(this IServiceCollection services)
    {
        services.AddSingleton<IModelContributor, AccountsModel>();
        services.AddScoped<IAccountsQueries, AccountsQueries>();
        services.AddScoped<IAccountsCommands, AccountsCommands>();
        services.AddSingleton<IModelContributor, NotificationsModel>();
        services.AddScoped<IBuyerNotifications, BuyerNotifications>();
        services.AddScoped<IStartupTask, RoleSeeder>();
        services.AddScoped<IStartupTask, DefaultRoutingRules>();
        services.AddScoped<BankAccountProtector>();
        services.AddScoped<IPaymentAccounts, PaymentAccounts>();
        services.AddScoped<AwsSecretProtector>();
        services.AddSingleton<AwsSigningCredentialCache>();
        services.AddOptions<PeppolAddressOptions>().BindConfiguration(PeppolAddressOptions.Section);

        services.AddIdentity<User, Role>(options =>
            {
                options.User.RequireUniqueEmail = true;
                options.Password.RequiredLength = 10;
                options.Password.RequireNonAlphanumeric = false;
                options.Lockout.MaxFailedAccessAttempts = 10;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
            })
            .AddEntityFrameworkStores<TradewindDbContext>()
            .AddClaimsPrincipalFactory<TradewindClaimsPrincipalFactory>()
            .AddDefaultTokenProviders();
        return services;
    }
}
