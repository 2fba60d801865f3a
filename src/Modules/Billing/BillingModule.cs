using Microsoft.Extensions.DependencyInjection;
using Tradewind.Billing.Rating;
using Tradewind.Billing.Documents;
using Tradewind.Contracts.Billing;

namespace Tradewind.Billing;

/// <summary>Billing: billing runs, rating, invoices and credit notes, their numbering and their documents (HTML, PDF, UBL 2.1).</summary>
public static class BillingModule
{
    /// <summary>Needs the Agreements, Metering, Accounts, Tax and Payments (exchange rates) modules' contracts.</summary>
    public static IServiceCollection AddBillingModule(this IServiceCollection services)
    {
        services.AddSingleton<IRater, Rater>();
        services.AddSingleton<IInvoiceDocuments, InvoiceDocuments>();
        return services;
    }
}
