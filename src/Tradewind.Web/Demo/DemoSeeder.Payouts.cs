using System.Diagnostics;
using Tradewind.Contracts;
using Tradewind.Contracts.Accounts;
using Tradewind.Contracts.Payments;
using Tradewind.Persistence.Outbox;

namespace Tradewind.Web.Demo;

/// <summary>The demo's payouts: the paid history paid out month by month after the hold, the files sent, one payout returned.</summary>
internal sealed partial class DemoSeeder
{
    /// <summary>The EU entity also collects (and pays sellers) in US dollars: a USD account in Luxembourg, a test IBAN.</summary>
    private static readonly NewCollectionAccount EuUsdAccount = new("LU", "USD", "Tradewind Marketplace Europe S.à r.l.", "LU98 0019 4006 4475 0001", null, null, null);

    /// <summary>
    /// Posts the billing history to the ledger (the outbox, drained now rather than by the background dispatcher), then
    /// on the 1st of each month after the first runs the payouts as the scheduled job would have (the clock set back to
    /// then), downloads each month's files and confirms the payouts paid, except the last month's first payout outside
    /// the EU entity (whose payouts the demo's direct debits fund), which the bank returns: its amount is owed to the seller again and shows as due. Sellers without a verified account in
    /// the currency stay blocked. Robust to invoices already paid: only the ledger's payments count.
    /// </summary>
    private async Task SeedPayoutsAsync(CancellationToken cancellationToken)
    {
        if (clock is not DemoClock demoClock || services.GetService<IPayoutCommands>() is not { } payouts || services.GetService<OutboxProcessor>() is not { } outbox)
        {
            return;
        }

        var started = Stopwatch.GetTimestamp();
        if (OperatorEntities.FirstOrDefault(e => e.Code == "EU") is { } eu && eu.CollectionAccounts is { } existing
            && !existing.Any(a => a.CurrencyCode == EuUsdAccount.CurrencyCode))
        {
            await accounts.UpdateOperatorEntityAsync(eu.Code, eu with { CollectionAccounts = [.. existing, EuUsdAccount] }, Actor, cancellationToken);
        }

        while (await outbox.DispatchPendingAsync(cancellationToken) > 0)
        {
        }

        var now = clock.GetUtcNow();
        var thisMonth = new DateTimeOffset(now.Year, now.Month, 1, 0, 0, 0, TimeSpan.Zero);
        var firstMonth = new DateTimeOffset(DateOnly.FromDateTime((now - HistoryAcceptedAgo).UtcDateTime).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        firstMonth = new DateTimeOffset(firstMonth.Year, firstMonth.Month, 1, 0, 0, 0, TimeSpan.Zero).AddMonths(1);
        var created = 0;
        for (var month = firstMonth; month <= thisMonth; month = month.AddMonths(1))
        {
            var runAt = month.AddHours(6) < now ? month.AddHours(6) : now;
            using (demoClock.Rewind(now - runAt))
            {
                var run = await payouts.RunAsync(runAt, Actor, cancellationToken);
                created += run.Created.Count;
                var last = month.AddMonths(1) > thisMonth;
                var returned = false;
                foreach (var payout in run.Created)
                {
                    try
                    {
                        await payouts.GetFileAsync(payout.Id, Actor, cancellationToken);
                    }
                    catch (DomainException)
                    {
                        // An entity without any account to pay from: the payout waits, requested, for the operator.
                        continue;
                    }

                    // The EU entity's payouts carry the German buyer's direct debits, which the demo shows paid out.
                    if (last && !returned && payout.EntityCode != DirectDebitEntity)
                    {
                        returned = true;
                        await payouts.MarkReturnedAsync(payout.Id, "AC04 account closed (demo)", Actor, cancellationToken);
                    }
                    else
                    {
                        await payouts.MarkPaidAsync(payout.Id, Actor, cancellationToken);
                    }
                }
            }
        }

        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        LogPayoutsSeeded(logger, created, seconds);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo payouts: {Payouts} payouts in {Seconds:0.0} s")]
    private static partial void LogPayoutsSeeded(ILogger logger, int payouts, double seconds);
}
