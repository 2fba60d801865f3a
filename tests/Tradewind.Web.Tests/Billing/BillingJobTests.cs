using System.Text.Json;
using Quartz;
using Tradewind.Billing.Jobs;
using Tradewind.Web.Tests.Infrastructure;
using static Tradewind.Web.Tests.Infrastructure.CatalogRequests;

namespace Tradewind.Web.Tests.Billing;

/// <summary>
/// The scheduled billing run (<see cref="BillingRunJob"/>, decision 0024) in the real host: the job is enabled and fired
/// through the Quartz scheduler the host registers. Its cron triggers are configured for 2099 (<c>Billing:Job:*Cron</c>),
/// so only the tests fire it; the job bills as of the fake clock's now.
/// </summary>
public sealed class BillingJobTests(BillingJobApp app) : IClassFixture<BillingJobApp>
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    private DateTimeOffset Month => new(app.Clock.GetUtcNow().Year, app.Clock.GetUtcNow().Month, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task The_host_schedules_the_job_with_the_configured_cron_expressions_in_utc()
    {
        var scheduler = await app.SchedulerAsync();

        var triggers = await scheduler.GetTriggersOfJob(BillingRunJob.Key, _ct);

        Assert.Equal(SchedulerStatus.Running, scheduler.Status);
        Assert.Equal(2, triggers.Count);
        var monthly = Assert.IsAssignableFrom<ICronTrigger>(Assert.Single(triggers, t => t.Key.Name == "billing-run-monthly"));
        var catchUp = Assert.IsAssignableFrom<ICronTrigger>(Assert.Single(triggers, t => t.Key.Name == "billing-run-catch-up"));
        Assert.Equal(BillingJobApp.MonthlyCron, monthly.CronExpressionString);
        Assert.Equal(BillingJobApp.CatchUpCron, catchUp.CronExpressionString);
        Assert.Equal(TimeZoneInfo.Utc, monthly.TimeZone);
        Assert.Equal(TimeZoneInfo.Utc, catchUp.TimeZone);
    }

    [Fact]
    public async Task The_job_firing_twice_at_once_bills_the_due_month_exactly_once()
    {
        var agreement = await app.SubscribeAsync(app.SellerA, app.UsBuyer, "Job Twice", UsagePlan("Usage", PerUnit("0.01")));
        var month = Month;
        await app.MeterAsync(app.SellerA, agreement, ("requests", 1_000, month.AddDays(4)));
        app.MoveTo(month.AddMonths(1).AddMinutes(15));

        var runs = await app.FireJobAsync(times: 2);

        // 1,000 × 0.01 = 10.00 USD, on one finalized invoice; the two runs drafted one invoice between them.
        var invoice = Assert.Single(await InvoicesWithAsync(agreement));
        Assert.Equal("finalized", invoice.GetProperty("status").GetString());
        Assert.Equal("10.00", invoice.GetProperty("subtotal").GetString());
        Assert.Equal(2, runs.Count);
        Assert.All(runs, r =>
        {
            Assert.Equal(BillingRunJob.Trigger, r.GetProperty("trigger").GetString());
            Assert.Equal(BillingRunJob.Actor, r.GetProperty("actor").GetString());
            Assert.Equal("completed", r.GetProperty("status").GetString());
            Assert.Equal(0, r.GetProperty("errors").GetArrayLength());
            Assert.Equal(month.AddMonths(1).AddMinutes(15), r.GetProperty("asOf").GetDateTimeOffset());
        });
        Assert.Equal(1, runs.Sum(r => r.GetProperty("invoicesDrafted").GetInt32()));
        Assert.Equal(1, runs.Sum(r => r.GetProperty("invoicesFinalized").GetInt32()));

        // A third firing later in the month finds the month rated and bills nothing.
        app.MoveTo(month.AddMonths(1).AddHours(1).AddMinutes(40));
        var again = Assert.Single(await app.FireJobAsync(times: 1));
        Assert.Equal(0, again.GetProperty("invoicesDrafted").GetInt32());
        Assert.Single(await InvoicesWithAsync(agreement));
    }

    [Fact]
    public async Task An_on_demand_run_racing_the_scheduled_job_bills_the_due_month_exactly_once()
    {
        var agreement = await app.SubscribeAsync(app.SellerB, app.UsBuyer, "Job Race", UsagePlan("Usage", PerUnit("0.0125")));
        var month = Month;
        await app.MeterAsync(app.SellerB, agreement, ("requests", 1_234, month.AddDays(9)));
        var asOf = month.AddMonths(1);
        app.MoveTo(asOf.AddMinutes(15));

        var scheduled = app.FireJobAsync(times: 1);
        var onDemand = app.BillAsync(asOf);
        await Task.WhenAll(scheduled, onDemand);

        // 1,234 × 0.0125 = 15.425 → 15.43 USD, once.
        var invoice = Assert.Single(await InvoicesWithAsync(agreement));
        Assert.Equal("finalized", invoice.GetProperty("status").GetString());
        Assert.Equal("15.43", Assert.Single(invoice.GetProperty("lines").EnumerateArray()).GetProperty("amount").GetString());
        var job = Assert.Single(await scheduled);
        var api = await onDemand;
        Assert.Equal("api", api.GetProperty("trigger").GetString());
        Assert.Equal(0, job.GetProperty("errors").GetArrayLength());
        Assert.Equal(0, api.GetProperty("errors").GetArrayLength());
        Assert.Equal(1, job.GetProperty("invoicesDrafted").GetInt32() + api.GetProperty("invoicesDrafted").GetInt32());
    }

    private async Task<IReadOnlyList<JsonElement>> InvoicesWithAsync(JsonElement agreement)
    {
        var id = agreement.GetProperty("id").GetString();
        return (await app.InvoicesOfAsync(app.UsBuyer, "invoice"))
            .Where(i => i.GetProperty("lines").EnumerateArray().Any(l => l.GetProperty("agreementId").GetString() == id))
            .ToList();
    }
}
