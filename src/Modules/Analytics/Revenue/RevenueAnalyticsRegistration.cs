using Microsoft.Extensions.DependencyInjection;
using Tradewind.Analytics.Revenue.Jobs;
using Tradewind.Analytics.Revenue.Reports;
using Tradewind.Analytics.Revenue.Rollups;
using Tradewind.Contracts.Analytics;
using Tradewind.Persistence;

namespace Tradewind.Analytics.Revenue;

internal static class RevenueAnalyticsRegistration
{
    /// <summary>MRR snapshots and movements, NRR/GRR and the other SaaS revenue metrics.</summary>
    public static IServiceCollection AddRevenueAnalytics(this IServiceCollection services)
    {
        services.AddSingleton<IModelContributor, RevenueRollupsModel>();
        services.AddOptions<RevenueOptions>().BindConfiguration(RevenueOptions.Section);
        services.AddScoped<IRevenueRollups, MrrRollup>();
        services.AddScoped<IRevenueReports, RevenueReports>();
        services.AddHostedService<MrrRollupJob>();
        return services;
    }
}
