using Microsoft.Extensions.DependencyInjection;

namespace Tradewind.Analytics.Lifecycle;

internal static class LifecycleAnalyticsRegistration
{
    /// <summary>Lifecycle events from the outbox, the funnel, trial cohorts, usage, retention and private-offer reports.</summary>
    public static IServiceCollection AddLifecycleAnalytics(this IServiceCollection services)
    {
        return services;
    }
}
