using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Quartz;
using Stripe;
using Tradewind.Contracts.Billing;
using Tradewind.Contracts.Events;
using Tradewind.Contracts.Payments;
using Tradewind.Persistence;

namespace Tradewind.Payments.Collections;

/// <summary>Card collections: the gateway (Stripe when a key is configured, else the sandbox), payments, refunds and dunning.</summary>
internal static class CollectionsRegistration
{
    public static IServiceCollection AddCollections(this IServiceCollection services)
    {
        services.AddSingleton<IModelContributor, CollectionsModel>();
        services.AddOptions<StripeOptions>().BindConfiguration(StripeOptions.Section);
        services.AddOptions<DunningOptions>().BindConfiguration(DunningOptions.Section);
        services.AddHttpClient(StripeOptions.HttpClientName, client => client.Timeout = TimeSpan.FromSeconds(80));
        services.AddScoped<IPaymentGateway>(sp =>
        {
            var stripe = sp.GetRequiredService<IOptions<StripeOptions>>().Value;
            if (!stripe.IsConfigured)
            {
                return new SandboxGateway(sp.GetRequiredService<TimeProvider>());
            }

            var http = sp.GetRequiredService<IHttpClientFactory>().CreateClient(StripeOptions.HttpClientName);
            return new StripeGateway(new StripeClient(
                apiKey: stripe.SecretKey,
                httpClient: new SystemNetHttpClient(http, stripe.MaxNetworkRetries),
                apiBase: string.IsNullOrWhiteSpace(stripe.ApiBase) ? null : stripe.ApiBase));
        });
        services.AddScoped<ICollectionsQueries, CollectionsQueries>();
        services.AddScoped<ICollectionsCommands, CollectionsCommands>();
        services.AddScoped<IIntegrationEventConsumer<InvoiceFinalized>, RefundOnCreditNote>();
        services.AddScoped<ReinstateOnPayment>();
        services.AddScoped<IIntegrationEventConsumer<InvoicePaid>>(sp => sp.GetRequiredService<ReinstateOnPayment>());
        services.AddScoped<IIntegrationEventConsumer<InvoiceVoided>>(sp => sp.GetRequiredService<ReinstateOnPayment>());
        // Quartz's scheduler and hosted service are registered once by Billing's jobs; this adds the dunning job to them.
        services.AddQuartz(q =>
        {
            q.AddJob<DunningJob>(j => j.WithIdentity(DunningJob.Key));
            q.AddTrigger<DunningJob>((sp, t) => t
                .ForJob(DunningJob.Key)
                .WithIdentity("dunning-run-hourly", "payments")
                .WithCronSchedule(sp.GetRequiredService<IOptions<DunningOptions>>().Value.Job.Cron, c => c.InTimeZone(TimeZoneInfo.Utc)));
        });
        return services;
    }
}
