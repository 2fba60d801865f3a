using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Tradewind.Contracts.Agreements;
using Tradewind.Contracts.AwsApi;
using Tradewind.Contracts.Events;
using Tradewind.Contracts.Metering;
using Tradewind.Metering.AwsApi;
using Tradewind.Metering.Data;
using Tradewind.Metering.Jobs;
using Tradewind.Metering.Signing;
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
        services.AddScoped<IIntegrationEventConsumer<AgreementCreated>, CustomerDirectoryInvalidation>();
        services.AddScoped<IIntegrationEventConsumer<AgreementSuspended>, CustomerDirectoryInvalidation>();
        services.AddScoped<IIntegrationEventConsumer<AgreementReinstated>, CustomerDirectoryInvalidation>();
        services.AddScoped<IIntegrationEventConsumer<AgreementCancelled>, CustomerDirectoryInvalidation>();
        services.AddScoped<IIntegrationEventConsumer<AgreementExpired>, CustomerDirectoryInvalidation>();
        services.AddScoped<IIntegrationEventConsumer<TrialConverted>, CustomerDirectoryInvalidation>();
        services.AddScoped<IIntegrationEventConsumer<AgreementCancellationScheduled>, CustomerDirectoryInvalidation>();
        services.AddScoped<IIntegrationEventConsumer<AgreementCancellationWithdrawn>, CustomerDirectoryInvalidation>();
        services.AddScoped<IIntegrationEventConsumer<AgreementPeriodStarted>, CustomerDirectoryInvalidation>();
        services.AddSingleton<FirstUsageRecorder>();
        services.AddHostedService(sp => sp.GetRequiredService<FirstUsageRecorder>());
        services.AddSingleton<UsageWriter>();
        services.AddHostedService(sp => sp.GetRequiredService<UsageWriter>());
        services.AddScoped<IUsageIngest, UsageIngest>();
        services.AddScoped<IUsageQueries, UsageQueries>();
        services.AddHostedService<SubmissionLogCleanupJob>();

        // The AWS-compatible Metering service (docs/aws-compatible-api.md).
        services.AddSingleton<IModelContributor, MeteringSigningModel>();
        services.AddSingleton<OwnedProducts>();
        services.AddScoped<SellerProducts>();
        services.AddSingleton<MeteringSigningKeyHolder>();
        services.AddScoped<MeteringSigner>();
        services.AddScoped<IMeteringPublicKey>(sp => sp.GetRequiredService<MeteringSigner>());
        services.AddScoped<IAwsOperation, BatchMeterUsageOperation>();
        services.AddScoped<IAwsOperation, MeterUsageOperation>();
        services.AddScoped<IAwsOperation, ResolveCustomerOperation>();
        services.AddScoped<IAwsOperation, RegisterUsageOperation>();
        return services;
    }
}
