using System.Text.Json;
using System.Threading.Channels;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Quartz;
using Tradewind.Billing.Jobs;

namespace Tradewind.Web.Tests.Infrastructure;

/// <summary>
/// The billing host with the scheduled billing job enabled. Its cron triggers are set to a moment that never comes during
/// a test run (1 January 2099), so the job runs only when a test fires it through the host's scheduler.
/// </summary>
public sealed class BillingJobApp : BillingApp
{
    public const string MonthlyCron = "0 15 0 1 1 ? 2099";

    public const string CatchUpCron = "0 40 0 1 1 ? 2099";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Billing:Job:Enabled", "true");
        builder.UseSetting("Billing:Job:MonthlyCron", MonthlyCron);
        builder.UseSetting("Billing:Job:CatchUpCron", CatchUpCron);
    }

    /// <summary>The Quartz scheduler the host registered and started.</summary>
    public Task<IScheduler> SchedulerAsync() => Services.GetRequiredService<ISchedulerFactory>().GetScheduler().AsTask();

    /// <summary>
    /// Fires the billing job <paramref name="times"/> times at once through the host's scheduler, waits until every
    /// firing has finished, and returns the runs the job recorded (through the API), oldest first.
    /// </summary>
    public async Task<IReadOnlyList<JsonElement>> FireJobAsync(int times)
    {
        var scheduler = await SchedulerAsync();
        var before = await ScheduledRunIdsAsync();
        var listener = new Completions($"billing-job-test-{Guid.NewGuid():N}");
        scheduler.ListenerManager.AddJobListener(listener, [Matchers.Key(BillingRunJob.Key)]);
        try
        {
            for (var i = 0; i < times; i++)
            {
                await scheduler.TriggerJob(BillingRunJob.Key);
            }

            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
            for (var i = 0; i < times; i++)
            {
                var failure = await listener.Finished.ReadAsync(timeout.Token);
                Assert.True(failure is null, failure?.ToString());
            }
        }
        finally
        {
            scheduler.ListenerManager.RemoveJobListener(listener.Name);
        }

        var client = ClientFor(Operator);
        var runs = new List<JsonElement>();
        foreach (var id in (await ScheduledRunIdsAsync()).Except(before))
        {
            runs.Add(await (await client.GetAsync($"/api/v1/billing-runs/{id}", CancellationToken.None)).ReadJsonAsync());
        }

        return runs.OrderBy(r => r.GetProperty("startedAt").GetDateTimeOffset()).ToList();
    }

    private async Task<IReadOnlyList<string>> ScheduledRunIdsAsync()
    {
        var list = await (await ClientFor(Operator).GetAsync("/api/v1/billing-runs?pageSize=100", CancellationToken.None)).ReadJsonAsync();
        return list.GetProperty("items").EnumerateArray()
            .Where(r => r.GetProperty("trigger").GetString() == BillingRunJob.Trigger)
            .Select(r => r.GetProperty("id").GetString()!)
            .ToList();
    }

    /// <summary>Reports each finished execution of the billing job (with its exception, if it failed).</summary>
    private sealed class Completions(string name) : IJobListener
    {
        private readonly Channel<JobExecutionException?> _finished = Channel.CreateUnbounded<JobExecutionException?>();

        public string Name { get; } = name;

        public ChannelReader<JobExecutionException?> Finished => _finished.Reader;

        public ValueTask JobToBeExecuted(IJobExecutionContext context, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;

        public ValueTask JobExecutionVetoed(IJobExecutionContext context, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;

        public ValueTask JobWasExecuted(IJobExecutionContext context, JobExecutionException? jobException, CancellationToken cancellationToken = default)
        {
            _finished.Writer.TryWrite(jobException);
            return ValueTask.CompletedTask;
        }
    }
}
