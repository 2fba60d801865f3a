using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Tradewind.Persistence.Auditing;
using Tradewind.Persistence.Idempotency;
using Tradewind.Persistence.Outbox;

namespace Tradewind.Persistence;

public static class PersistenceRegistration
{
    /// <summary>Registers the unit of work, the outbox and its dispatcher, the audit trail and the initializer.</summary>
    public static IServiceCollection AddTradewindPersistence(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        var settings = DatabaseSettings.From(configuration, contentRoot);
        services.AddSingleton(settings);
        services.AddDbContext<TradewindDbContext>(settings.Configure);
        services.AddScoped<Outbox.Outbox>();
        services.AddScoped<AuditTrail>();
        services.AddSingleton<OutboxProcessor>();
        services.Configure<OutboxOptions>(configuration.GetSection("Outbox"));
        services.AddHostedService<OutboxDispatcher>();
        services.AddSingleton<IdempotencyKeyPurger>();
        services.AddHostedService(sp => sp.GetRequiredService<IdempotencyKeyPurger>());
        services.AddScoped<DatabaseInitializer>();
        return services;
    }
}
