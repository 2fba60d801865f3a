using Microsoft.Extensions.DependencyInjection;
using Tradewind.Analytics.Traffic.Jobs;
using Tradewind.Analytics.Traffic.Reports;
using Tradewind.Analytics.Traffic.Rollups;
using Tradewind.Contracts.Analytics;
using Tradewind.Persistence;

namespace Tradewind.Analytics.Traffic;

internal static class ListingTrafficRegistration
{
    /// <summary>Listing views, CTA clicks, bot filtering, visitor-day hashes, the traffic rollups and reports.</summary>
    public static IServiceCollection AddListingTraffic(this IServiceCollection services)
    {
        services.AddSingleton<IModelContributor, TrafficRollupsModel>();
        services.AddOptions<TrafficOptions>().BindConfiguration(TrafficOptions.Section);
        services.AddScoped<ITrafficRollups, TrafficRollups>();
        services.AddScoped<ITrafficReports, TrafficReports>();
        services.AddHostedService<TrafficRollupJob>();
        return services;
    }
}
