using Microsoft.Extensions.DependencyInjection;
using Tradewind.Contracts;
using Tradewind.Contracts.Accounts;
using Tradewind.Contracts.Agreements;
using Tradewind.Contracts.Metering;
using Tradewind.Web.Demo;
using Tradewind.Web.Tests.Infrastructure;

namespace Tradewind.Web.Tests;

public sealed class DemoUsageSeedTests(DemoApp app) : IClassFixture<DemoApp>
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_demo_holds_three_months_of_usage_and_every_month_of_the_growing_customers_has_some()
    {
        var (now, months, earliest, agreements) = await app.WithScopeAsync(async s =>
        {
            var clock = s.GetRequiredService<TimeProvider>().GetUtcNow();
            var caller = await OperatorAsync(s);
            var usage = s.GetRequiredService<IUsageQueries>();
            var totals = await usage.GetTotalsAsync(new UsageQuery(clock.AddDays(-91), clock.AddHours(1), UsageGranularity.Month), caller, _ct);
            var oldest = await usage.ListRecordsAsync(new UsageRecordFilter(From: clock.AddDays(-91), To: clock.AddDays(-88)), caller, new PageRequest(1, 1), _ct);
            var list = await s.GetRequiredService<IAgreementsQueries>().ListAsync(
                new AgreementFilter(), new AgreementsCaller(caller.OrganisationId, Roles.Operator, "test"), new PageRequest(1, PageRequest.MaxSize), _ct);
            return (clock, totals, oldest.TotalCount, list.Items);
        });

        Assert.True(earliest > 0, "no records three months back");
        var growers = DemoSeeder.UsagePatterns.Where(p => p.Trend == DemoUsageTrend.FastGrowth).ToList();
        Assert.Equal(2, growers.Count);
        foreach (var grower in growers)
        {
            var buyer = DemoCatalog.Buyers[grower.BuyerIndex].Name;
            var agreement = Assert.Single(agreements, a => a.BuyerName == buyer && a.ProductTitle == DemoCatalog.Sellers[0].Products[grower.ProductIndex].Title);
            Assert.True(agreement.AcceptedAt <= now.AddDays(-90), $"{buyer} accepted {agreement.AcceptedAt:O}");
            var perMonth = months.Where(t => t.CustomerIdentifier == agreement.CustomerIdentifier && t.Dimension == grower.Dimension)
                .OrderBy(t => t.PeriodStart).ToList();
            Assert.InRange(perMonth.Count, 3, 5);
            Assert.All(perMonth, m => Assert.True(m.Quantity > 0, $"{buyer} {m.PeriodStart:yyyy-MM}"));
            // Whole months only: the first and the current month are partial.
            var whole = perMonth.Where(m => m.PeriodStart >= now.AddDays(-90) && m.PeriodEnd <= now).ToList();
            Assert.True(whole.Count == 0 || whole[^1].Quantity > whole[0].Quantity || whole.Count == 1);
        }
    }

    [Fact]
    public async Task The_stored_history_of_a_customer_is_what_the_generator_gives_for_the_seed()
    {
        var (records, customer) = await app.WithScopeAsync(async s =>
        {
            var caller = await OperatorAsync(s);
            var clock = s.GetRequiredService<TimeProvider>().GetUtcNow();
            var buyer = DemoCatalog.Buyers[DemoSeeder.UsagePatterns[2].BuyerIndex].Name;
            var list = await s.GetRequiredService<IAgreementsQueries>().ListAsync(
                new AgreementFilter(), new AgreementsCaller(caller.OrganisationId, Roles.Operator, "test"), new PageRequest(1, PageRequest.MaxSize), _ct);
            var identifier = list.Items.Single(a => a.BuyerName == buyer && a.ProductTitle == DemoCatalog.Sellers[0].Products[DemoSeeder.UsagePatterns[2].ProductIndex].Title).CustomerIdentifier;
            var usage = s.GetRequiredService<IUsageQueries>();
            var all = new List<UsageRecordDto>();
            for (var number = 1; ; number++)
            {
                var page = await usage.ListRecordsAsync(new UsageRecordFilter(From: clock.AddDays(-95), To: clock.AddDays(1), CustomerIdentifier: identifier), caller, new PageRequest(number, PageRequest.MaxSize), _ct);
                all.AddRange(page.Items.Where(r => r.Source == UsageSource.Import));
                if (!page.HasNext)
                {
                    break;
                }
            }

            return (all, identifier);
        });

        // The seed's period ended at the hour it ran, at most a night of empty hours after the last record.
        var last = records.Max(r => r.Hour).AddHours(1);
        var stored = records.Select(r => (r.Timestamp, r.Quantity)).OrderBy(r => r.Timestamp).ToList();
        var matches = Enumerable.Range(0, 25).Select(extra => last.AddHours(extra))
            .Select(to => DemoUsage.Generate(customer, DemoSeeder.UsagePatterns[2], to - DemoSeeder.UsageHistory, to, DemoSeeder.UsageSeed + 2)
                .Select(r => (r.Timestamp, r.Quantity)).OrderBy(r => r.Timestamp).ToList())
            .Any(generated => generated.SequenceEqual(stored));
        Assert.True(stored.Count > 500, $"{stored.Count} records");
        Assert.True(matches, "the stored history is not the generator's for any end hour");
    }

    private async Task<UsageCaller> OperatorAsync(IServiceProvider services)
    {
        var accounts = services.GetRequiredService<IAccountsQueries>();
        var operatorOrganisation = (await accounts.ListOrganisationsAsync(OrganisationKind.Operator, new PageRequest(1, 1), _ct)).Items[0];
        return new UsageCaller(operatorOrganisation.Id, Roles.Operator, "test");
    }
}
