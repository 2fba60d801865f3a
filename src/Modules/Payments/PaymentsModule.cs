using Microsoft.Extensions.DependencyInjection;
using Tradewind.Contracts.Payments;
using Tradewind.Payments.Data;
using Tradewind.Payments.ExchangeRates;
using Tradewind.Persistence;

namespace Tradewind.Payments;

/// <summary>Exchange rates (ECB reference rates, operator overrides) and recorded currency conversions.</summary>
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
        return services;
    }
}
