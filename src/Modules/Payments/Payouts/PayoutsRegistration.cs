using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Quartz;
using Tradewind.Contracts.Payments;
using Tradewind.Persistence;

namespace Tradewind.Payments.Payouts;

/// <summary>Seller payouts: the tables, the planner, commands and queries, and the scheduled run.</summary>
internal static class PayoutsRegistration
{
    public static IServiceCollection AddPayouts(this IServiceCollection services)
    {
        services.AddSingleton<IModelContributor, PayoutsModel>();
        services.AddOptions<PayoutOptions>().BindConfiguration(PayoutOptions.Section);
        services.AddScoped<PayoutPlanner>();
        services.AddScoped<IPayoutQueries, PayoutQueries>();
        services.AddScoped<IPayoutCommands, PayoutCommands>();
        services.AddQuartz(q =>
        {
            q.AddJob<PayoutRunJob>(j => j.WithIdentity(PayoutRunJob.Key));
            q.AddTrigger<PayoutRunJob>((sp, t) => t
                .ForJob(PayoutRunJob.Key)
                .WithIdentity("payout-run", "payments")
                .WithCronSchedule(sp.GetRequiredService<IOptions<PayoutOptions>>().Value.Job.Cron, c => c.InTimeZone(TimeZoneInfo.Utc)));
        });
        return services;
    }
}
