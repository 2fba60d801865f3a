using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Quartz;
using Tradewind.Contracts.Payments;

namespace Tradewind.Payments.Collections;

/// <summary>
/// The scheduled dunning run, hourly (after the billing catch-up run), as of now. Like the billing job it uses the
/// Quartz RAM store on every node: two nodes running at once take each step once, because a step is unique per invoice
/// and a charge's idempotency key is the step's (docs/decisions/0031-card-collections-gateway-and-dunning.md).
/// </summary>
internal sealed partial class DunningJob(IServiceScopeFactory scopes, IOptions<DunningOptions> options, TimeProvider clock, ILogger<DunningJob> logger) : IJob
{
    public const string Actor = "dunning-job";

    public static readonly JobKey Key = new("dunning-run", "payments");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        if (!options.Value.Job.Enabled)
        {
            return;
        }

        await using var scope = scopes.CreateAsyncScope();
        var run = await scope.ServiceProvider.GetRequiredService<ICollectionsCommands>().RunDunningAsync(clock.GetUtcNow(), Actor, cancellationToken);
        LogRun(logger, run.OverdueInvoices, run.Steps.Count);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Scheduled dunning run: {Overdue} overdue invoices, {Steps} steps taken")]
    private static partial void LogRun(ILogger logger, int overdue, int steps);
}
