using Tradewind.Contracts.Billing;

namespace Tradewind.Web.Demo;

internal sealed partial class DemoSeeder
{
    /// <summary>
    /// Bills the seeded history: one billing run as of now (it bills every month that has ended), with finalization, so the
    /// demo has numbered invoices in several currencies and countries. As of now rather than the month's start because the
    /// demo's exchange rates are the last two weeks' only. A failure for one agreement is in the run's errors.
    /// </summary>
    private async Task SeedInvoicesAsync(CancellationToken cancellationToken)
    {
        if (services.GetService<IBillingCommands>() is not { } billing)
        {
            return;
        }

        var run = await billing.RunAsync(new BillingRunRequest(clock.GetUtcNow(), Finalize: true), "demo-seed", Actor, cancellationToken);
        LogBilled(logger, run.InvoicesFinalized, run.Errors.Count);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo billing run: {Finalized} invoices finalized, {Errors} errors")]
    private static partial void LogBilled(ILogger logger, int finalized, int errors);
}
