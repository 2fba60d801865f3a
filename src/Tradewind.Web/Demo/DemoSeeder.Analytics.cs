using System.Diagnostics;
using Tradewind.Contracts;
using Tradewind.Contracts.Accounts;
using Tradewind.Contracts.Agreements;
using Tradewind.Contracts.Analytics;
using Tradewind.Contracts.Catalog;
using Tradewind.Primitives.Ids;

namespace Tradewind.Web.Demo;

/// <summary>Three months of listing traffic behind the demo's subscriptions, and the analytics rollups built from it.</summary>
internal sealed partial class DemoSeeder
{
    private const int TrafficDays = 91;

    /// <summary>Months of history the revenue rollups cover: the seeded agreements and billing start within them.</summary>
    private const int RevenueMonths = 6;

    private async Task SeedAnalyticsAsync(OrganisationId operatorId, List<(OrganisationDto Organisation, UserDto User)> buyers, CancellationToken cancellationToken)
    {
        if (services.GetService<IAnalyticsHistoryImport>() is not { } import)
        {
            return;
        }

        var started = Stopwatch.GetTimestamp();
        var catalogQueries = services.GetRequiredService<ICatalogQueries>();
        var listings = new List<DemoTrafficListing>();
        OrganisationId? busiestSeller = null;
        for (var page = 1; ; page++)
        {
            var published = await catalogQueries.ListPublishedAsync(null, new PageRequest(page, PageRequest.MaxSize), cancellationToken);
            foreach (var listing in published.Items)
            {
                // Some listings draw four times the traffic of others; the first seller's are the busiest.
                busiestSeller ??= listing.SellerId;
                var popularity = 0.35 + ((listings.Count * 37 % 17) / 10.0) + (listing.SellerId == busiestSeller ? 0.6 : 0);
                listings.Add(new DemoTrafficListing(listing.Id, listing.SellerId, popularity));
            }

            if (!published.HasNext)
            {
                break;
            }
        }

        var countries = buyers.ToDictionary(b => b.Organisation.Id, b => b.Organisation.CountryCode);
        var agreementQueries = services.GetRequiredService<IAgreementsQueries>();
        var caller = new AgreementsCaller(operatorId, Roles.Operator, Actor);
        var conversions = new List<DemoTrafficConversion>();
        for (var page = 1; ; page++)
        {
            var agreements = await agreementQueries.ListAsync(new AgreementFilter(), caller, new PageRequest(page, PageRequest.MaxSize), cancellationToken);
            foreach (var a in agreements.Items.Where(a => a.PrivateOfferId is null && countries.ContainsKey(a.BuyerId)))
            {
                conversions.Add(new DemoTrafficConversion(a.ProductId, a.SellerId, a.Id, a.AcceptedAt, countries[a.BuyerId], a.TrialEndsAt is not null));
            }

            if (!agreements.HasNext)
            {
                break;
            }
        }

        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var visits = DemoTraffic.Generate(listings, conversions, today.AddDays(1 - TrafficDays), today, now, seed: 20261128);
        var events = await import.ImportVisitsAsync(visits, cancellationToken);

        // Usage events for the seeded usage history, then every rollup over the months the history spans, then
        // yesterday's upgrade-candidate scores. Lifecycle events reach the store through the outbox once the host
        // runs; the lifecycle job's first pass rebuilds their rollups.
        var firstDay = today.AddDays(1 - TrafficDays);
        var lifecycle = services.GetRequiredService<ILifecycleAnalytics>();
        for (var day = firstDay; day < today; day = day.AddDays(1))
        {
            await lifecycle.ReportUsageAsync(day, cancellationToken);
        }

        var firstMonth = new DateOnly(today.Year, today.Month, 1).AddMonths(1 - RevenueMonths);
        await services.GetRequiredService<IAnalyticsRollups>().RebuildAsync(firstMonth, today, cancellationToken);
        await services.GetRequiredService<IUpgradeCandidates>().EvaluateDayAsync(today.AddDays(-1), cancellationToken);
        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        LogAnalyticsSeeded(logger, events, conversions.Count, seconds);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo analytics: {Events} listing events behind {Conversions} subscriptions in {Seconds:0.0} s")]
    private static partial void LogAnalyticsSeeded(ILogger logger, int events, int conversions, double seconds);
}
