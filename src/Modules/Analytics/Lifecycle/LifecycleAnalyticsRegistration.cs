using Microsoft.Extensions.DependencyInjection;
using Tradewind.Contracts.Agreements;
using Tradewind.Contracts.Analytics;
using Tradewind.Contracts.Events;
using Tradewind.Persistence;

namespace Tradewind.Analytics.Lifecycle;

internal static class LifecycleAnalyticsRegistration
{
    /// <summary>Lifecycle events from the outbox, the funnel, trial cohorts, usage, retention and private-offer reports.</summary>
    public static IServiceCollection AddLifecycleAnalytics(this IServiceCollection services)
    {
        services.AddSingleton<IModelContributor, LifecycleModel>();
        services.AddOptions<LifecycleAnalyticsOptions>().BindConfiguration(LifecycleAnalyticsOptions.Section);
        services.AddScoped<LifecycleEventWriter>();
        services.AddScoped<LifecycleEventConsumers>();
        services.AddScoped<ILifecycleAnalytics, LifecycleAnalytics>();
        services.AddScoped<ILifecycleReports, LifecycleReports>();
        services.AddHostedService<LifecycleAnalyticsJob>();
        Consume<AgreementCreated>(services);
        Consume<FirstUsageRecorded>(services);
        Consume<TrialConverted>(services);
        Consume<AgreementCancelled>(services);
        Consume<AgreementExpired>(services);
        Consume<AgreementReplaced>(services);
        Consume<SupportTicketOpened>(services);
        Consume<PrivateOfferPublished>(services);
        Consume<PrivateOfferViewed>(services);
        Consume<PrivateOfferAccepted>(services);
        Consume<PrivateOfferDeclined>(services);
        Consume<PrivateOfferExpired>(services);
        Consume<PrivateOfferWithdrawn>(services);
        return services;
    }

    private static void Consume<TEvent>(IServiceCollection services)
        where TEvent : IIntegrationEvent =>
        services.AddScoped<IIntegrationEventConsumer<TEvent>>(sp => (IIntegrationEventConsumer<TEvent>)(object)sp.GetRequiredService<LifecycleEventConsumers>());
}
