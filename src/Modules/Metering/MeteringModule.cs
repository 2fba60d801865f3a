using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Tradewind.Contracts.Metering;
using Tradewind.Metering.Data;
using Tradewind.Metering.Jobs;
using Tradewind.Metering.Storage;
using Tradewind.Metering.Usage;
using Tradewind.Persistence;

namespace Tradewind.Metering;

/// <summary>Usage metering: records in (REST and the AWS-compatible Metering service), counted once, kept durably, summed per period.</summary>
public static class MeteringModule
{
    /// <summary>Needs <see cref="Contracts.Agreements.IAgreementsQueries"/> and <see cref="Contracts.Agreements.IAgreementsCommands"/> (the Agreements module).</summary>
    public static IServiceCollection AddMeteringModule(this IServiceCollection services)
    {
        services.AddSingleton<IModelContributor, MeteringModel>();
        services.AddOptions<MeteringOptions>().BindConfiguration(MeteringOptions.Section);
        services.AddMemoryCache();
        services.AddSingleton<UsageStore>(sp =>
        {
            var settings = sp.GetRequiredService<DatabaseSettings>();
            return settings.Provider == DatabaseProvider.Postgres
                ? new PostgresUsageStore(settings, sp.GetRequiredService<IOptions<MeteringOptions>>().Value.PostgresWriters)
                : new SqliteUsageStore(settings);
        });
        services.AddSingleton<CustomerDirectory>();
        services.AddSingleton<FirstUsageRecorder>();
        services.AddHostedService(sp => sp.GetRequiredService<FirstUsageRecorder>());
        services.AddSingleton<UsageWriter>();
        services.AddHostedService(sp => sp.GetRequiredService<UsageWriter>());
        services.AddScoped<IUsageIngest, UsageIngest>();
        services.AddScoped<IUsageQueries, UsageQueries>();
        services.AddHostedService<SubmissionLogCleanupJob>();
        return services;
    }
}
