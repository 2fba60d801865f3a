using Microsoft.Extensions.DependencyInjection;
using Tradewind.Contracts.Billing;
using Tradewind.Contracts.Events;
using Tradewind.Contracts.Payments;
using Tradewind.Payments.BankCollections;
using Tradewind.Payments.Collections;
using Tradewind.Payments.Data;
using Tradewind.Payments.ExchangeRates;
using Tradewind.Payments.Ledger;
using Tradewind.Payments.Payouts;
using Tradewind.Persistence;

namespace Tradewind.Payments;

/// <summary>Exchange rates (ECB reference rates, operator overrides), recorded currency conversions and the double-entry ledger.</summary>
public static class PaymentsModule
{
    public static IServiceCollection AddPaymentsModule(this IServiceCollection services)
    {
        services.AddSingleton<IModelContributor, PaymentsModel>();
        services.AddOptions<FxOptions>().BindConfiguration(FxOptions.Section);
        services.AddHttpClient(FxOptions.HttpClientName, client => client.Timeout = TimeSpan.FromSeconds(30));
        services.AddScoped<RateBook>();
        services.AddScoped<IExchangeRateQueries, ExchangeRateQueries>();
        services.AddScoped<IExchangeRateCommands, ExchangeRateCommands>();
        services.AddScoped<ICurrencyConverter, CurrencyConverter>();
        services.AddOptions<ListingFeeOptions>().BindConfiguration(ListingFeeOptions.Section);
        services.AddScoped<LedgerQueries>();
        services.AddScoped<ILedgerQueries>(sp => sp.GetRequiredService<LedgerQueries>());
        services.AddScoped<ILedgerPosting, LedgerPosting>();
        services.AddScoped<DocumentLedgerConsumer>();
        services.AddScoped<IIntegrationEventConsumer<InvoiceFinalized>>(sp => sp.GetRequiredService<DocumentLedgerConsumer>());
        services.AddScoped<IIntegrationEventConsumer<InvoicePaid>>(sp => sp.GetRequiredService<DocumentLedgerConsumer>());
        services.AddScoped<IIntegrationEventConsumer<InvoiceVoided>>(sp => sp.GetRequiredService<DocumentLedgerConsumer>());
        services.AddScoped<FxSettlement>();
        services.AddScoped<ListingFees>();
        services.AddBankCollections();
        services.AddCollections();
        services.AddPayouts();
        return services;
    }
}
