using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Quartz;

namespace Tradewind.Billing.Jobs;

/// <summary>Registers the billing run with Quartz.NET: the RAM job store, a monthly and an hourly cron trigger in UTC.</summary>
internal static class BillingJobs
{
    public static IServiceCollection AddBillingJobs(this IServiceCollection services)
    {
        services.AddQuartz(q =>
        {
            q.AddJob<BillingRunJob>(j => j.WithIdentity(BillingRunJob.Key));
            q.AddTrigger<BillingRunJob>((sp, t) => t
                .ForJob(BillingRunJob.Key)
                .WithIdentity("billing-run-monthly", "billing")
                .WithCronSchedule(sp.GetRequiredService<IOptions<BillingOptions>>().Value.Job.MonthlyCron, c => c.InTimeZone(TimeZoneInfo.Utc)));
            q.AddTrigger<BillingRunJob>((sp, t) => t
                .ForJob(BillingRunJob.Key)
                .WithIdentity("billing-run-catch-up", "billing")
                .WithCronSchedule(sp.GetRequiredService<IOptions<BillingOptions>>().Value.Job.CatchUpCron, c => c.InTimeZone(TimeZoneInfo.Utc)));
        });
        services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
        return services;
    }
}
