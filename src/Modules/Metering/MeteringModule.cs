using Microsoft.Extensions.DependencyInjection;

namespace Tradewind.Metering;

/// <summary>Usage metering: records in (REST and the AWS-compatible Metering service), counted once, kept durably, summed per period.</summary>
public static class MeteringModule
{
    /// <summary>Needs <see cref="Contracts.Agreements.IAgreementsQueries"/> and <see cref="Contracts.Agreements.IAgreementsCommands"/> (the Agreements module).</summary>
    public static IServiceCollection AddMeteringModule(this IServiceCollection services)
    {
        return services;
    }
}
