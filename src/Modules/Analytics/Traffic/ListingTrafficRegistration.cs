using Microsoft.Extensions.DependencyInjection;

namespace Tradewind.Analytics.Traffic;

internal static class ListingTrafficRegistration
{
    /// <summary>Listing views, CTA clicks, bot filtering, visitor-day hashes, the traffic rollups and reports.</summary>
    public static IServiceCollection AddListingTraffic(this IServiceCollection services)
    {
        return services;
    }
}
