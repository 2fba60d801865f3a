using Microsoft.Extensions.DependencyInjection;
using Tradewind.Catalog.Data;
using Tradewind.Catalog.Jobs;
using Tradewind.Catalog.Search;
using Tradewind.Contracts.Catalog;
using Tradewind.Contracts.Events;
using Tradewind.Contracts.Localization;
using Tradewind.Persistence;

namespace Tradewind.Catalog;

/// <summary>Categories and listings: what the storefront shows and sellers manage.</summary>
public static class CatalogModule
{
    public static IServiceCollection AddCatalogModule(this IServiceCollection services)
    {
        services.AddSingleton<IModelContributor, CatalogModel>();
        services.AddScoped<ICatalogQueries, CatalogQueries>();
        services.AddScoped<ICatalogCommands, CatalogCommands>();
        services.AddOptions<CatalogSearchOptions>().BindConfiguration("Catalog:Search");
        services.AddSingleton<CatalogSearch>();
        services.AddSingleton<ICatalogSearch>(sp => sp.GetRequiredService<CatalogSearch>());
        services.AddSingleton<ICatalogSearchIndex>(sp => sp.GetRequiredService<CatalogSearch>());
        services.AddHostedService<SearchIndexRefreshJob>();
        services.AddScoped<IIntegrationEventConsumer<ListingTranslationsChanged>, TranslationsChangedConsumer>();
        return services;
    }
}
