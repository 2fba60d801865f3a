using System.Diagnostics;
using Tradewind.Contracts;
using Tradewind.Contracts.Accounts;
using Tradewind.Contracts.Billing;
using Tradewind.Contracts.Payments;
using Tradewind.Primitives.Ids;

namespace Tradewind.Web.Demo;

/// <summary>The demo's invoices: the usage history billed month by month, as the monthly billing job would have done.</summary>
internal sealed partial class DemoSeeder
{
    /// <summary>
    /// EUR reference rates recorded for the day the history begins: the ECB snapshot holds only the last weeks, and a
    /// conversion takes the latest rate on or before its day, so the earlier months' invoices need a rate of their own.
    /// </summary>
    private static readonly IReadOnlyList<(string Quote, decimal Rate)> HistoryRates =
    [
        ("USD", 1.1608m), ("JPY", 172.41m), ("GBP", 0.86655m), ("KRW", 1618.35m), ("INR", 101.87m), ("AUD", 1.7765m),
    ];

    /// <summary>
    /// For each of the last months, from the first month of the history to this one, a billing run at 03:00 UTC on the
    /// 1st (the clock set back to then), finalizing its invoices; then every invoice issued before this month is paid by
    /// sandbox card ten days after its issue, except one (see DemoSeeder.Collections.cs) and those the German buyer
    /// pays by SEPA direct debit (see DemoSeeder.DirectDebit.cs: each run's invoices are pre-notified at the run's time,
    /// then collected in batches on their due dates). The Japanese usage customer is invoiced in yen and in Japanese, the German one in euros
    /// and in German, the others in US dollars. Skipped without the demo clock or the billing module.
    /// </summary>
    private async Task SeedBillingAsync(OrganisationId operatorId, List<(OrganisationDto Organisation, UserDto User)> buyers, CancellationToken cancellationToken)
    {
        if (clock is not DemoClock demoClock || services.GetService<IBillingCommands>() is not { } billing)
        {
            LogBillingSkipped(logger);
            return;
        }

        var started = Stopwatch.GetTimestamp();
        var now = clock.GetUtcNow();
        var historyStart = DateOnly.FromDateTime((now - HistoryAcceptedAgo).UtcDateTime);
        foreach (var (quote, rate) in HistoryRates)
        {
            await exchangeRates.SetOverrideAsync(new NewRateOverride("EUR", quote, historyStart, rate), Actor, cancellationToken);
        }

        if (buyers.FirstOrDefault(b => b.Organisation.CountryCode == "JP") is { Organisation: { } japanese })
        {
            await accounts.UpdateBuyerProfileAsync(
                japanese.Id,
                new BuyerProfileInput(new PostalAddress("2-1-1 Kitahama, Chuo-ku", null, "Osaka", "541-0041", "JP-27", "JP"), null, "JPY", "ja", "Asia/Tokyo"),
                Actor,
                cancellationToken);
        }

        var thisMonth = new DateTimeOffset(now.Year, now.Month, 1, 0, 0, 0, TimeSpan.Zero);
        var firstMonth = new DateTimeOffset(historyStart.Year, historyStart.Month, 1, 0, 0, 0, TimeSpan.Zero).AddMonths(1);
        var invoices = 0;
        // What the seed did so far reaches its consumers now, so that each run's own events are delivered at its time.
        await DeliverOutboxAsync(cancellationToken);
        for (var month = firstMonth; month <= thisMonth; month = month.AddMonths(1))
        {
            var runAt = month.AddHours(3) < now ? month.AddHours(3) : now;
            using (demoClock.Rewind(now - runAt))
            {
                var run = await billing.RunAsync(new BillingRunRequest(month, Finalize: true, IdempotencyKey: $"demo-{month:yyyy-MM}"), "demo_seed", Actor, cancellationToken);
                invoices += run.InvoicesFinalized;
                await DeliverOutboxAsync(cancellationToken);
            }
        }

        var directDebited = await CollectDirectDebitsAsync(demoClock, cancellationToken);
        var caller = new BillingCaller(operatorId, Roles.Operator, Actor);
        var issued = await services.GetRequiredService<IBillingQueries>().ListInvoicesAsync(new InvoiceFilter(Status: InvoiceStatus.Finalized, Kind: InvoiceKind.Invoice), caller, new PageRequest(1, PageRequest.MaxSize), cancellationToken);
        await PayDemoInvoicesByCardAsync(
            demoClock,
            billing,
            issued.Items.Where(i => i.IssueDate is { } day && day < DateOnly.FromDateTime(thisMonth.UtcDateTime) && !directDebited.Contains(i.Id)).ToList(),
            cancellationToken);

        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        LogBillingSeeded(logger, invoices, seconds);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Demo billing skipped: it needs the demo clock and the billing module")]
    private static partial void LogBillingSkipped(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo billing: {Invoices} invoices issued in {Seconds:0.0} s")]
    private static partial void LogBillingSeeded(ILogger logger, int invoices, double seconds);
}
