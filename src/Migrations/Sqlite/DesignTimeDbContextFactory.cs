using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.Extensions.DependencyInjection;
using Tradewind.Accounts;
using Tradewind.Agreements;
using Tradewind.Analytics;
using Tradewind.Catalog;
using Tradewind.Localization;
using Tradewind.Payments;
using Tradewind.Persistence;
using Tradewind.Webhooks;
using Tradewind.Metering;
using Tradewind.Billing;
using Tradewind.Tax;

namespace Tradewind.Migrations.Sqlite;

/// <summary>
/// Builds the full model for <c>dotnet ef migrations add</c>. Every module must be registered here, or its tables
/// are missing from the migrations (a test compares this model with the web host's).
/// </summary>
public sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<TradewindDbContext>
{
    public TradewindDbContext CreateDbContext(string[] args)
    {
        var services = new ServiceCollection()
            .AddAccountsModule()
            .AddAgreementsModule()
            .AddCatalogModule()
            .AddLocalizationModule()
            .AddPaymentsModule()
            .AddWebhooksModule()
            .AddTaxModule()
            .AddMeteringModule()
            .AddBillingModule()
            .AddAnalyticsModule()
            .BuildServiceProvider();
        var options = new DbContextOptionsBuilder<TradewindDbContext>();
        new DatabaseSettings(DatabaseProvider.Sqlite, "Data Source=design-time.db", ".").Configure(options);
        return new TradewindDbContext(options.Options, services.GetServices<IModelContributor>());
    }
}
