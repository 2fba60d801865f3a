using System.Security.Cryptography;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Tradewind.Analytics.Traffic.Capture;
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
        AddCapture(services);
        return services;
    }

    private static void AddCapture(IServiceCollection services)
    {
        services.AddSingleton<IModelContributor, CaptureModel>();
        services.AddOptions<CaptureOptions>().BindConfiguration(CaptureOptions.Section);
        services.AddOptions<GeoIpOptions>().BindConfiguration(GeoIpOptions.Section);
        services.AddSingleton<CaptureStore>(sp =>
        {
            var settings = sp.GetRequiredService<DatabaseSettings>();
            return settings.Provider == DatabaseProvider.Postgres ? new PostgresCaptureStore(settings) : new SqliteCaptureStore(settings);
        });
        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<CaptureOptions>>().Value;
            var key = string.IsNullOrWhiteSpace(options.TokenSecret)
                ? RandomNumberGenerator.GetBytes(32)
                : Convert.FromBase64String(options.TokenSecret);
            return new ViewToken(key, options.TokenLifetime);
        });
        services.AddSingleton<CountryLookup>();
        services.AddSingleton<VisitorSalts>();
        services.AddSingleton<CaptureQueue>();
        services.AddSingleton<ListingTrafficCapture>();
        services.AddSingleton<IListingTrafficCapture>(sp => sp.GetRequiredService<ListingTrafficCapture>());
        services.AddHostedService<CaptureWriter>();
        services.AddHostedService<VisitorSaltCleanupJob>();
    }
}
