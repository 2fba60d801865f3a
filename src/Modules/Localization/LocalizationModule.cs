using Microsoft.Extensions.DependencyInjection;
using Tradewind.Contracts.Catalog;
using Tradewind.Contracts.Events;
using Tradewind.Contracts.Localization;
using Tradewind.Localization.Data;
using Tradewind.Localization.Engines;
using Tradewind.Localization.Jobs;
using Tradewind.Persistence;

namespace Tradewind.Localization;

/// <summary>Listing translation: engines, translation memory, glossary, per-field status, background jobs.</summary>
public static class LocalizationModule
{
    public static IServiceCollection AddLocalizationModule(this IServiceCollection services)
    {
        services.AddSingleton<IModelContributor, LocalizationModel>();
        services.AddOptions<TranslationSettings>().BindConfiguration("Localization:Translation");
        services.AddHttpClient(TranslationEngines.HttpClientName, client => client.Timeout = TimeSpan.FromSeconds(60));
        services.AddSingleton<TranslationEngines>();
        services.AddScoped<ListingTranslationService>();
        services.AddScoped<IListingTranslationQueries>(sp => sp.GetRequiredService<ListingTranslationService>());
        services.AddScoped<IListingTranslationCommands>(sp => sp.GetRequiredService<ListingTranslationService>());
        services.AddScoped<IIntegrationEventConsumer<ProductPublished>, ProductPublishedTranslationConsumer>();
        services.AddHostedService<TranslationWorker>();
        return services;
    }
}
