using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Tradewind.Contracts.Agreements;

namespace Tradewind.Agreements.Jobs;

/// <summary>
/// Runs the lifecycle sweep (and expires private offers past their expiry day) every <see cref="AgreementsOptions.SweepInterval"/> on every node. No lease is needed: each
/// agreement's change is guarded by its version, so concurrent sweeps apply it once (see docs/decisions). The interval is
/// measured on the injected <see cref="TimeProvider"/>; tests turn the job off and call <see cref="IAgreementsCommands.SweepAsync"/>.
/// </summary>
internal sealed partial class AgreementLifecycleJob(IServiceScopeFactory scopes, IOptions<AgreementsOptions> options, TimeProvider clock, ILogger<AgreementLifecycleJob> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = options.Value.SweepInterval;
        if (interval <= TimeSpan.Zero)
        {
            return;
        }

        using var timer = new PeriodicTimer(interval, clock);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var result = await scope.ServiceProvider.GetRequiredService<IAgreementsCommands>().SweepAsync(stoppingToken);
                var offersExpired = await scope.ServiceProvider.GetRequiredService<IPrivateOffersCommands>().ExpireDueAsync(stoppingToken);
                if (offersExpired > 0)
                {
                    LogOffersExpired(logger, offersExpired);
                }

                if (result.TrialsConverted + result.RemindersSent + result.CancellationsApplied + result.ContractsExpired + result.PeriodsRolled > 0)
                {
                    LogSwept(logger, result.TrialsConverted, result.RemindersSent, result.CancellationsApplied, result.ContractsExpired, result.PeriodsRolled);
                }
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                LogSweepFailed(logger, exception);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Agreements sweep: {Converted} trials converted, {Reminders} reminders, {Cancelled} cancellations, {Expired} expired, {Rolled} periods rolled")]
    private static partial void LogSwept(ILogger logger, int converted, int reminders, int cancelled, int expired, int rolled);

    [LoggerMessage(Level = LogLevel.Information, Message = "Private offers sweep: {Expired} expired")]
    private static partial void LogOffersExpired(ILogger logger, int expired);

    [LoggerMessage(Level = LogLevel.Error, Message = "Agreements sweep failed")]
    private static partial void LogSweepFailed(ILogger logger, Exception exception);
}
