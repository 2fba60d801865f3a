using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Tradewind.Contracts.Webhooks;
using Tradewind.Persistence;
using Tradewind.Webhooks.Data;
using Tradewind.Webhooks.Deliveries;
using Tradewind.Webhooks.Endpoints;
using Tradewind.Webhooks.Jobs;

namespace Tradewind.Webhooks;

/// <summary>Seller webhook endpoints and signed, at-least-once notification delivery.</summary>
public static class WebhooksModule
{
    public static IServiceCollection AddWebhooksModule(this IServiceCollection services)
    {
        services.AddSingleton<IModelContributor, WebhooksModel>();
        services.AddOptions<WebhookOptions>().BindConfiguration(WebhookOptions.Section);
        services.AddDataProtection();
        // The back-off schedule is the retry policy; the client makes exactly one request per attempt, follows no
        // redirects, uses no proxy, and connects only to addresses the SSRF rule allows.
        services.AddHttpClient(WebhookOptions.HttpClientName, (sp, client) =>
                client.Timeout = sp.GetRequiredService<IOptions<WebhookOptions>>().Value.Delivery.Timeout + TimeSpan.FromSeconds(5))
            .ConfigurePrimaryHttpMessageHandler(sp =>
            {
                var options = sp.GetRequiredService<IOptions<WebhookOptions>>().Value;
                return new SocketsHttpHandler
                {
                    AllowAutoRedirect = false,
                    UseProxy = false,
                    UseCookies = false,
                    PooledConnectionLifetime = TimeSpan.FromMinutes(2),
                    ConnectCallback = (context, ct) => PublicAddressConnector.ConnectAsync(context, options, ct),
                };
            });
        services.AddSingleton<SigningSecrets>();
        services.AddScoped<WebhookSender>();
        services.AddScoped<IWebhookPublisher, WebhookPublisher>();
        services.AddScoped<IWebhookQueries, WebhookQueries>();
        services.AddScoped<IWebhookCommands, WebhookCommands>();
        services.AddSingleton<WebhookDeliveryProcessor>();
        services.AddSingleton<IWebhookDispatcher>(sp => sp.GetRequiredService<WebhookDeliveryProcessor>());
        services.AddHostedService<WebhookDeliveryJob>();
        return services;
    }
}
