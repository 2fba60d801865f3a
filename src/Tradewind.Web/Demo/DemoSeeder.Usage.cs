using System.Diagnostics;
using Tradewind.Contracts;
using Tradewind.Contracts.Accounts;
using Tradewind.Contracts.Agreements;
using Tradewind.Contracts.Catalog;
using Tradewind.Contracts.Legal;
using Tradewind.Contracts.Metering;
using Tradewind.Contracts.Webhooks;
using Tradewind.Primitives.Ids;

namespace Tradewind.Web.Demo;

/// <summary>Three months of usage for the first demo seller's customers, and a few recent submissions for its "test your integration" page.</summary>
internal sealed partial class DemoSeeder
{
    /// <summary>How far back the usage history goes.</summary>
    public static readonly TimeSpan UsageHistory = TimeSpan.FromDays(90);

    /// <summary>
    /// The history agreements are accepted this long ago, before the first record; not a whole number of months, so the
    /// current billing period is a week or so old and the buyer's subscription page shows usage in it.
    /// </summary>
    private static readonly TimeSpan HistoryAcceptedAgo = TimeSpan.FromDays(100);

    /// <summary>The seed of the history's random numbers: the same clock gives the same records.</summary>
    public const int UsageSeed = 20261127;

    /// <summary>
    /// Who uses what of the first demo seller's three products (per unit with a trial, graduated, volume): two fast
    /// growers (upgrade candidates), one growing steadily, one flat, one declining, and a small office-hours customer.
    /// The first buyer (the demo buyer login) allocates its requests between two teams.
    /// </summary>
    public static readonly IReadOnlyList<DemoUsagePattern> UsagePatterns =
    [
        new(0, 1, "requests", DemoUsageTrend.FastGrowth, 900, 1, Teams: ["search", "ingest"]),
        new(1, 1, "requests", DemoUsageTrend.FastGrowth, 400, 0),
        new(2, 2, "gigabytes", DemoUsageTrend.Flat, 30, -5),
        new(3, 2, "gigabytes", DemoUsageTrend.Declining, 45, 9),
        new(4, 0, "requests", DemoUsageTrend.Growth, 250, 9),
        new(5, 1, "requests", DemoUsageTrend.Flat, 20, 5, Small: true),
    ];

    /// <summary>
    /// The buyers in <see cref="UsagePatterns"/> subscribe to the first seller's products with the clock set back
    /// <see cref="HistoryAcceptedAgo"/> (the Agreements module's own commands; a lifecycle sweep at the real time then
    /// converts the trial and rolls the billing periods), so three months of records fall inside their agreements. The
    /// history goes in through the ingest as imports in batches of 1,000; then a few REST submissions arrive now, with
    /// a duplicate and rejections. Skipped without the host's <see cref="DemoClock"/> (a test that brings its own clock)
    /// or without a webhook publisher (no agreements are seeded then).
    /// </summary>
    private async Task SeedUsageAsync(OrganisationId sellerId, List<(OrganisationDto Organisation, UserDto User)> buyers, CancellationToken cancellationToken)
    {
        if (clock is not DemoClock demoClock || services.GetService<IWebhookPublisher>() is null || services.GetService<IUsageIngest>() is not { } ingest)
        {
            LogUsageSkipped(logger);
            return;
        }

        var started = Stopwatch.GetTimestamp();
        var agreements = services.GetRequiredService<IAgreementsCommands>();
        var catalogQueries = services.GetRequiredService<ICatalogQueries>();
        var products = (await catalogQueries.ListBySellerAsync(sellerId, new PageRequest(1, 10), cancellationToken)).Items
            .OrderBy(p => p.Id.Value).ToList();
        var customers = new List<(DemoUsagePattern Pattern, AgreementDto Agreement)>();
        using (demoClock.Rewind(HistoryAcceptedAgo))
        {
            foreach (var pattern in UsagePatterns)
            {
                if (pattern.ProductIndex >= products.Count
                    || await catalogQueries.FindPublishedBySlugAsync(products[pattern.ProductIndex].Slug, cancellationToken) is not { Plans.Count: > 0 } listing)
                {
                    continue;
                }

                var plan = listing.Plans.FirstOrDefault(p => p.Terms.Dimensions?.Any(d => d.Key == pattern.Dimension && d.Price is not null) == true) ?? listing.Plans[0];
                var (organisation, user) = buyers[pattern.BuyerIndex];
                var licenceVersion = listing.Licence.Kind == LicenceKind.Standard ? StandardContract.CurrentVersion : $"revision-{listing.Revision}";
                var subscription = await agreements.SubscribeAsync(
                    new SubscribeRequest(listing.Id, plan.PlanId, licenceVersion, "en"), new AgreementsCaller(organisation.Id, Roles.Buyer, user.Email), cancellationToken);
                customers.Add((pattern, subscription.Agreement));
            }
        }

        await agreements.SweepAsync(cancellationToken);

        var now = clock.GetUtcNow();
        var currentHour = new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, 0, 0, TimeSpan.Zero);
        var from = currentHour - UsageHistory;
        var records = customers
            .SelectMany((c, i) => DemoUsage.Generate(c.Agreement.CustomerIdentifier, c.Pattern, from, currentHour, UsageSeed + i))
            .OrderBy(r => r.Timestamp)
            .ToList();
        foreach (var batch in records.Chunk(IUsageIngest.MaxBatchSize))
        {
            await ingest.SubmitAsync(new UsageSubmission(sellerId, UsageSource.Import, batch, Actor), UsageSubmitOptions.Default, cancellationToken);
        }

        await SeedRecentSubmissionsAsync(ingest, sellerId, customers.Select(c => (c.Agreement.CustomerIdentifier, c.Pattern.Dimension)).ToList(), now, cancellationToken);
        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        LogUsageSeeded(logger, records.Count, customers.Count, seconds);
    }

    /// <summary>
    /// What the seller's software sent in the last minutes, for the "test your integration" page: a clean batch, a resend
    /// with a changed quantity (a duplicate: the first stands), and a batch with an unknown dimension and an unknown customer.
    /// </summary>
    private static async Task SeedRecentSubmissionsAsync(
        IUsageIngest ingest, OrganisationId sellerId, List<(string Customer, string Dimension)> customers, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (customers.Count < 3)
        {
            return;
        }

        const string KeyActor = "api-key:demo metering key";
        var at = now.AddMinutes(-1);
        UsageRecordInput Record(int customer, long quantity, string? dimension = null, string? identifier = null) =>
            new(identifier ?? customers[customer].Customer, null, dimension ?? customers[customer].Dimension, quantity, at);

        await ingest.SubmitAsync(new UsageSubmission(sellerId, UsageSource.Rest, [Record(0, 1200), Record(1, 640), Record(2, 28)], KeyActor), UsageSubmitOptions.Default, cancellationToken);
        await ingest.SubmitAsync(new UsageSubmission(sellerId, UsageSource.Rest, [Record(1, 700)], KeyActor), UsageSubmitOptions.Default, cancellationToken);
        await ingest.SubmitAsync(
            new UsageSubmission(sellerId, UsageSource.Rest, [Record(3, 41), Record(0, 5, dimension: "api_calls"), Record(0, 3, identifier: "UNKNOWN00CUST")], KeyActor),
            UsageSubmitOptions.Default,
            cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Demo usage history skipped: it needs the demo clock, a webhook publisher and the metering module")]
    private static partial void LogUsageSkipped(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo usage: {Records} records for {Customers} customers in {Seconds:0.0} s")]
    private static partial void LogUsageSeeded(ILogger logger, int records, int customers, double seconds);
}
