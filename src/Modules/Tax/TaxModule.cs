using Microsoft.Extensions.DependencyInjection;
using Tradewind.Contracts.Tax;
using Tradewind.Persistence;
using Tradewind.Tax.Data;
using Tradewind.Tax.Liability;
using Tradewind.Tax.Quotes;
using Tradewind.Tax.Rates;
using Tradewind.Tax.Rules;
using Tradewind.Tax.TaxIds;

namespace Tradewind.Tax;

/// <summary>
/// The tax engine: rates as a versioned data file, the rules that decide each line's tax, tax-id checks, stored
/// quotes, committed tax transactions and the liability report. The rates file is loaded and checked when the
/// services are built, so a broken file stops the start-up.
/// </summary>
public static class TaxModule
{
    public static IServiceCollection AddTaxModule(this IServiceCollection services)
    {
        services.AddSingleton<IModelContributor, TaxModel>();
        services.AddSingleton(_ => RateBook.Embedded());
        services.AddSingleton<TaxRules>();
        services.AddSingleton<TaxCalculator>();
        services.AddScoped<TaxIdChecker>();
        services.AddScoped<ITaxQuotes, TaxQuoteService>();
        services.AddScoped<ITaxQueries, TaxQueries>();
        services.AddSingleton<IStartupTask, RatesCheck>();
        return services;
    }
}
