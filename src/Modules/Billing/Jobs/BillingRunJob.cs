using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Quartz;
using Tradewind.Contracts.Billing;

namespace Tradewind.Billing.Jobs;

/// <summary>
/// The scheduled billing run: shortly after each UTC month starts, and every hour to catch up (a node that was down at
/// the month's start, late usage). It bills as of now and finalizes. Quartz uses its RAM job store on every node, so
/// each node fires the job; a run that finds its periods already rated by another node does nothing, because the
/// rated-period ledger's unique key lets only one run bill a period (docs/decisions/0024-billing-job-on-quartz-ram-store.md).
/// </summary>
internal sealed partial class BillingRunJob(IServiceScopeFactory scopes, IOptions<BillingOptions> options, TimeProvider clock, ILogger<BillingRunJob> logger) : IJob
{
    public const string Trigger = "schedule";

    public const string Actor = "billing-job";

    public static readonly JobKey Key = new("billing-run", "billing");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        if (!options.Value.Job.Enabled)
        {
            return;
        }

        await using var scope = scopes.CreateAsyncScope();
        var commands = scope.ServiceProvider.GetRequiredService<IBillingCommands>();
        var run = await commands.RunAsync(new BillingRunRequest(clock.GetUtcNow(), Finalize: true), Trigger, Actor, cancellationToken);
        LogRun(logger, run.Id.Value, run.InvoicesDrafted, run.InvoicesFinalized, run.Errors.Count);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Scheduled billing run {RunId}: {Drafted} invoices drafted, {Finalized} finalized, {Errors} errors")]
    private static partial void LogRun(ILogger logger, Guid runId, int drafted, int finalized, int errors);
}
