using Microsoft.Extensions.DependencyInjection;
using Tradewind.Agreements.AwsApi;
using Tradewind.Agreements.Data;
using Tradewind.Agreements.Jobs;
using Tradewind.Agreements.PrivateOffers;
using Tradewind.Contracts.Agreements;
using Tradewind.Contracts.AwsApi;
using Tradewind.Persistence;

namespace Tradewind.Agreements;

/// <summary>Agreements (the accepted terms, copied), private offers, entitlements, the trial lifecycle, fulfilment tokens and support tickets.</summary>
public static class AgreementsModule
{
    /// <summary>Needs an <see cref="Contracts.Webhooks.IWebhookPublisher"/> registered by the host (the Webhooks module).</summary>
    public static IServiceCollection AddAgreementsModule(this IServiceCollection services)
    {
        services.AddSingleton<IModelContributor, AgreementsModel>();
        services.AddOptions<AgreementsOptions>().BindConfiguration(AgreementsOptions.Section);
        services.AddScoped<IAgreementsQueries, AgreementsQueries>();
        services.AddScoped<IAgreementsCommands, AgreementsCommands>();
        services.AddOptions<PrivateOffersOptions>().BindConfiguration(PrivateOffersOptions.Section);
        services.AddScoped<IPrivateOffersQueries, PrivateOffersQueries>();
        services.AddScoped<IPrivateOffersCommands, PrivateOffersCommands>();
        services.AddHostedService<AgreementLifecycleJob>();
        services.AddHttpContextAccessor();
        services.AddSingleton<PageTokens>();
        services.AddScoped<SiteUrl>();
        services.AddScoped<IAwsOperation, GetEntitlementsOperation>();
        services.AddScoped<IAwsOperation, SearchAgreementsOperation>();
        services.AddScoped<IAwsOperation, DescribeAgreementOperation>();
        services.AddScoped<IAwsOperation, GetAgreementTermsOperation>();
        return services;
    }
}
