using Microsoft.Extensions.DependencyInjection;
using Tradewind.Billing.Data;
using Tradewind.Billing.Documents;
using Tradewind.Billing.Jobs;
using Tradewind.Billing.Rating;
using Tradewind.Billing.Replacements;
using Tradewind.Contracts.Agreements;
using Tradewind.Contracts.Billing;
using Tradewind.Contracts.Events;
using Tradewind.Persistence;

namespace Tradewind.Billing;

/// <summary>Billing: billing runs, rating, invoices and credit notes, their numbering and their documents (HTML, PDF, UBL 2.1).</summary>
public static class BillingModule
{
    /// <summary>Needs the Agreements, Metering, Accounts, Tax and Payments (exchange rates) modules' contracts.</summary>
    public static IServiceCollection AddBillingModule(this IServiceCollection services)
    {
        services.AddSingleton<IModelContributor, BillingModel>();
        services.AddOptions<BillingOptions>().BindConfiguration(BillingOptions.Section);
        services.AddSingleton<IRater, Rater>();
        services.AddSingleton<IInvoiceDocuments, InvoiceDocuments>();
        services.AddScoped<IBillingQueries, BillingQueries>();
        services.AddScoped<BillingCommands>();
        services.AddScoped<IBillingCommands>(sp => sp.GetRequiredService<BillingCommands>());
        services.AddScoped<IIntegrationEventConsumer<AgreementReplaced>, AgreementReplacedConsumer>();
        services.AddBillingJobs();
        return services;
    }
}
