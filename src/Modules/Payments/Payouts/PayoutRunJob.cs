using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Quartz;
using Tradewind.Contracts.Payments;

namespace Tradewind.Payments.Payouts;

/// <summary>
/// The scheduled payout run, hourly by default, as of now. Each seller is paid at most once per period of its schedule
/// (a unique key per seller, paying entity, currency and period), so the hourly run and every node running it pay once.
/// </summary>
internal sealed partial class PayoutRunJob(IServiceScopeFactory scopes, IOptions<PayoutOptions> options, TimeProvider clock, ILogger<PayoutRunJob> logger) : IJob
{
    public const string Actor = "payout-job";

    public static readonly JobKey Key = new("payout-run", "payments");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        if (!options.Value.Job.Enabled)
        {
            return;
        }

        await using var scope = scopes.CreateAsyncScope();
        var commands = scope.ServiceProvider.GetRequiredService<IPayoutCommands>();
        var run = await commands.RunAsync(clock.GetUtcNow(), Actor, cancellationToken);
        var blocked = run.Held.Count(h => h.Reason == "no-verified-account");
        LogRun(logger, run.Created.Count, blocked);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Scheduled payout run: {Created} payouts requested, {Blocked} balances blocked without a verified account")]
    private static partial void LogRun(ILogger logger, int created, int blocked);
}
