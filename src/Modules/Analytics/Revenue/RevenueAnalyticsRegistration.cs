using Microsoft.Extensions.DependencyInjection;

namespace Tradewind.Analytics.Revenue;

internal static class RevenueAnalyticsRegistration
{
    /// <summary>MRR snapshots and movements, NRR/GRR and the other SaaS revenue metrics.</summary>
    public static IServiceCollection AddRevenueAnalytics(this IServiceCollection services)
    {
        return services;
    }
}
