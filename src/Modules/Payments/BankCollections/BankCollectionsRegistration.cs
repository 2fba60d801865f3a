using Microsoft.Extensions.DependencyInjection;
using Tradewind.Contracts.Billing;
using Tradewind.Contracts.Events;
using Tradewind.Contracts.Payments;
using Tradewind.Persistence;

namespace Tradewind.Payments.BankCollections;

internal static class BankCollectionsRegistration
{
    /// <summary>SEPA direct debit (mandates, pain.008 batches) and bank transfer (RF references, camt.053 matching).</summary>
    public static IServiceCollection AddBankCollections(this IServiceCollection services)
    {
        services.AddSingleton<IModelContributor, BankCollectionsModel>();
        services.AddOptions<BankCollectionOptions>().BindConfiguration(BankCollectionOptions.Section).Validate(o => o.PreNotificationDays is >= 1 and <= 60, "Payments:BankCollections:PreNotificationDays is 1 to 60.");
        services.AddScoped<IBankCollectionQueries, BankCollectionQueries>();
        services.AddScoped<BankCollectionCommands>();
        services.AddScoped<IBankCollectionCommands>(sp => sp.GetRequiredService<BankCollectionCommands>());
        services.AddScoped<BankInvoiceConsumer>();
        services.AddScoped<IIntegrationEventConsumer<InvoiceFinalized>>(sp => sp.GetRequiredService<BankInvoiceConsumer>());
        services.AddScoped<IIntegrationEventConsumer<InvoicePaid>>(sp => sp.GetRequiredService<BankInvoiceConsumer>());
        return services;
    }
}
