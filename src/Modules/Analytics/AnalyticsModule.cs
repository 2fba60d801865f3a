using Microsoft.Extensions.DependencyInjection;
using Tradewind.Analytics.Candidates;
using Tradewind.Analytics.Data;
using Tradewind.Analytics.History;
using Tradewind.Analytics.Lifecycle;
using Tradewind.Analytics.Marketplace;
using Tradewind.Analytics.Revenue;
using Tradewind.Analytics.Rollups;
using Tradewind.Analytics.Traffic;
using Tradewind.Contracts.Analytics;
using Tradewind.Persistence;

namespace Tradewind.Analytics;

/// <summary>
/// PLG analytics: listing traffic captured on the storefront, lifecycle events from every other module's outbox,
/// one append-only event store, daily rollups rebuilt from it, the seller and operator reports, and the daily
/// upgrade-candidate (PQL) scores.
/// </summary>
public static class AnalyticsModule
{
    public static IServiceCollection AddAnalyticsModule(this IServiceCollection services)
    {
        services.AddSingleton<IModelContributor, AnalyticsEventsModel>();
        services.AddSingleton<IModelContributor, TrafficSharedModel>();
        services.AddOptions<AnalyticsOptions>().BindConfiguration(AnalyticsOptions.Section);
        services.AddScoped<IAnalyticsHistoryImport, AnalyticsHistoryImport>();
        services.AddScoped<IAnalyticsRollups, AnalyticsRollups>();
        services.AddListingTraffic();
        services.AddLifecycleAnalytics();
        services.AddRevenueAnalytics();
        services.AddUpgradeCandidates();
        services.AddScoped<IMarketplaceReports, MarketplaceReports>();
        return services;
    }
}
