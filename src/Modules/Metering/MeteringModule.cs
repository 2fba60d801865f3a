using Microsoft.Extensions.DependencyInjection;
using Tradewind.Contracts.AwsApi;
using Tradewind.Contracts.Metering;
using Tradewind.Metering.AwsApi;
using Tradewind.Metering.Data;
using Tradewind.Metering.Signing;
using Tradewind.Persistence;

namespace Tradewind.Metering;

/// <summary>Usage metering: records in (REST and the AWS-compatible Metering service), counted once, kept durably, summed per period.</summary>
public static class MeteringModule
{
    /// <summary>Needs <see cref="Contracts.Agreements.IAgreementsQueries"/> and <see cref="Contracts.Agreements.IAgreementsCommands"/> (the Agreements module).</summary>
    public static IServiceCollection AddMeteringModule(this IServiceCollection services)
    {
        services.AddSingleton<IModelContributor, MeteringSigningModel>();

        // The AWS-compatible Metering service (docs/aws-compatible-api.md).
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
