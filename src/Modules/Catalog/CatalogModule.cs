using Microsoft.Extensions.DependencyInjection;
using Tradewind.Catalog.Data;
using Tradewind.Contracts.Catalog;
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
        return services;
    }
}
