using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Tradewind.Web.Tests.Infrastructure;
using static Tradewind.Web.Tests.Infrastructure.CatalogRequests;

namespace Tradewind.Web.Tests.Analytics;

/// <summary>
/// The revenue report from real agreements and real billing: a US buyer's annual contract (1,200.00 USD in 12
/// installments = 100.00 MRR) and a German business's pay-as-you-go usage (2,000 requests × 0.01 USD in November,
/// invoiced in EUR but counted in the listing's USD = 20.00 PAYG MRR), billed on 1 December, then the contract
/// cancelled on 2 December. The fake clock starts on 2 November 2026.
/// </summary>
public sealed class RevenueReportTests(RevenueApp app) : IClassFixture<RevenueApp>
{
    private static readonly SemaphoreSlim Once = new(1, 1);
    private static readonly Dictionary<RevenueApp, bool> Prepared = [];

    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task Committed_and_payg_mrr_come_from_the_contract_and_the_billed_usage_and_churn_follows_the_cancellation()
    {
        var contract = await PrepareAsync();

        var december = await RevenueAsync(app.SellerA, "from=2026-11&to=2026-11");
        var usd = Assert.Single(december.GetProperty("byCurrency").EnumerateArray());
        Assert.Equal("USD", usd.GetProperty("currency").GetString());
        var november = Assert.Single(usd.GetProperty("months").EnumerateArray());

        // Closing MRR of November (1 December): 100.00 committed + 20.00 PAYG, both new business.
        Assert.Equal("100.00", Figure(november, "mrr", "committed"));
        Assert.Equal("20.00", Figure(november, "mrr", "payg"));
        Assert.Equal("120.00", Figure(november, "mrr"));
        Assert.Equal("1440.00", Figure(november, "arr"));
        Assert.Equal("120.00", Figure(november, "new_business"));
        Assert.Equal("120.00", Figure(november, "net_new_mrr"));
        Assert.Equal("2", Figure(november, "paying_customers"));
        Assert.Equal("60.00", Figure(november, "arpa"));
        Assert.Equal("undefined", Figure(november, "quick_ratio"));
        Assert.Equal("undefined", Figure(november, "nrr"));
        Assert.Contains("normalised to one month", Definition(november, "mrr"), StringComparison.Ordinal);

        var countries = usd.GetProperty("byCountry").EnumerateArray().ToDictionary(c => c.GetProperty("country").GetString()!, c => c.GetProperty("mrrMinor").GetInt64());
        Assert.Equal(10_000, countries["US"]);
        Assert.Equal(2_000, countries["DE"]);

        // December (in progress, measured on 2 December after the cancellation): the contract churned.
        var report = await RevenueAsync(app.SellerA, "from=2026-12&to=2026-12&currency=usd");
        var dec = Assert.Single(Assert.Single(report.GetProperty("byCurrency").EnumerateArray()).GetProperty("months").EnumerateArray());
        Assert.Equal("100.00", Figure(dec, "churn"));
        Assert.Equal("20.00", Figure(dec, "mrr"));
        Assert.Equal("-100.00", Figure(dec, "net_new_mrr"));
        // NRR = GRR = 20 ÷ 120; logo churn 1 of 2; gross churn 100 ÷ 120.
        Assert.Equal("16.7 %", Figure(dec, "nrr"));
        Assert.Equal("16.7 %", Figure(dec, "grr"));
        Assert.Equal("50.0 %", Figure(dec, "logo_churn_rate"));
        Assert.Equal("83.3 %", Figure(dec, "gross_mrr_churn_rate"));
        Assert.Equal("0.00", Figure(dec, "quick_ratio"));
        Assert.Equal("100.0 %", Figure(dec, "nrr", "payg"));
        Assert.Equal("0.0 %", Figure(dec, "nrr", "committed"));
        Assert.NotNull(contract);
    }

    [Fact]
    public async Task Revenue_cohorts_follow_the_month_of_first_payment()
    {
        await PrepareAsync();

        var cohorts = await GetJsonAsync(app.SellerA, "/api/v1/analytics/revenue/cohorts?from=2026-11&to=2026-12");

        var november = Assert.Single(cohorts.GetProperty("cohorts").EnumerateArray());
        Assert.Equal("2026-11-01", november.GetProperty("cohortMonth").GetString());
        Assert.Equal(2, november.GetProperty("customers").GetInt32());
        Assert.Equal(12_000, november.GetProperty("firstMonthMrrMinor").GetInt64());
        var cells = november.GetProperty("months").EnumerateArray().ToList();
        Assert.Equal(["100.0 %", "16.7 %"], cells.Select(c => c.GetProperty("display").GetString()));
        Assert.Equal("revenue_retention_cohort", cohorts.GetProperty("definition").GetProperty("code").GetString());
    }

    [Fact]
    public async Task A_seller_sees_only_its_own_revenue_and_the_operator_chooses_a_seller_or_the_marketplace()
    {
        await PrepareAsync();

        var other = await RevenueAsync(app.SellerB, "from=2026-11&to=2026-11");
        var seller = await RevenueAsync(app.Operator, $"from=2026-11&to=2026-11&sellerId={app.SellerA.Organisation.Id}");
        var marketplace = await RevenueAsync(app.Operator, "from=2026-11&to=2026-11");
        // A seller cannot widen its scope with sellerId.
        var widened = await RevenueAsync(app.SellerB, $"from=2026-11&to=2026-11&sellerId={app.SellerA.Organisation.Id}");

        Assert.Empty(other.GetProperty("byCurrency").EnumerateArray());
        Assert.Empty(widened.GetProperty("byCurrency").EnumerateArray());
        Assert.Equal("120.00", Figure(Assert.Single(Assert.Single(seller.GetProperty("byCurrency").EnumerateArray()).GetProperty("months").EnumerateArray()), "mrr"));
        Assert.Contains(marketplace.GetProperty("currencies").EnumerateArray(), c => c.GetString() == "USD");
        var buyer = await app.ClientFor(app.Buyer).GetAsync("/api/v1/analytics/revenue", _ct);
        Assert.Equal(HttpStatusCode.Forbidden, buyer.StatusCode);
    }

    [Fact]
    public async Task The_report_downloads_as_csv_with_each_figures_definition()
    {
        await PrepareAsync();

        var response = await app.ClientFor(app.SellerA).GetAsync("/api/v1/analytics/revenue?from=2026-11&to=2026-11&format=csv", _ct);
        var text = await response.Content.ReadAsStringAsync(_ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("Currency,Month,Stream,Metric,AmountMinor,Ratio,Count,Display,Definition", lines[0], StringComparison.Ordinal);
        Assert.Contains(lines, l => l.StartsWith("USD,2026-11,total,mrr,12000,,,120.00,", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("from=2026-13")]
    [InlineData("from=november")]
    [InlineData("from=2026-11&to=2026-10")]
    [InlineData("from=2020-01&to=2026-11")]
    [InlineData("currency=dollars")]
    [InlineData("format=xml")]
    public async Task Bad_input_is_a_validation_problem(string query)
    {
        var response = await app.ClientFor(app.SellerA).GetAsync($"/api/v1/analytics/revenue?{query}", _ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Rebuilding_the_same_months_again_leaves_the_same_rollups()
    {
        await PrepareAsync();

        var first = await app.RebuildRevenueAsync(new DateOnly(2026, 11, 1), new DateOnly(2026, 12, 1));
        var second = await app.RebuildRevenueAsync(new DateOnly(2026, 11, 1), new DateOnly(2026, 12, 1));

        Assert.Equal(first, second);
        Assert.True(first.Snapshots > 0);
    }

    private static string Figure(JsonElement month, string code, string stream = "total") =>
        month.GetProperty("figures").EnumerateArray()
            .Single(f => f.GetProperty("definition").GetProperty("code").GetString() == code && f.GetProperty("stream").GetString() == stream)
            .GetProperty("display").GetString()!;

    private static string Definition(JsonElement month, string code) =>
        month.GetProperty("figures").EnumerateArray().First(f => f.GetProperty("definition").GetProperty("code").GetString() == code).GetProperty("definition").GetProperty("formula").GetString()!;

    private Task<JsonElement> RevenueAsync(Tenant tenant, string query) => GetJsonAsync(tenant, $"/api/v1/analytics/revenue?{query}");

    private async Task<JsonElement> GetJsonAsync(Tenant tenant, string path)
    {
        var response = await app.ClientFor(tenant).GetAsync(path, _ct);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync(_ct));
        return await response.ReadJsonAsync();
    }

    /// <summary>The scenario, once per fixture: subscribe, meter, bill on 1 December, cancel on 2 December, rebuild.</summary>
    private async Task<string> PrepareAsync()
    {
        await Once.WaitAsync(_ct);
        try
        {
            if (Prepared.ContainsKey(app))
            {
                return "prepared";
            }

            var contract = await app.SubscribeAsync(app.SellerA, app.UsBuyer, "Revenue Contract", ContractPlan("Annual", 12, "1200.00", 12, overage: false));
            var payg = await app.SubscribeAsync(app.SellerA, app.GermanBusiness, "Revenue PAYG", UsagePlan("Usage", PerUnit("0.01")));
            var november = new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);
            await app.MeterAsync(app.SellerA, payg, ("requests", 2000, november.AddDays(10)));
            var december = november.AddMonths(1);
            app.MoveTo(december.AddMinutes(15));
            var run = await app.BillAsync(december);
            Assert.True(run.GetProperty("errors").GetArrayLength() == 0, run.ToString());

            app.MoveTo(december.AddDays(1).AddHours(9));
            var cancel = await app.ClientFor(app.UsBuyer).PostAsync(
                $"/api/v1/agreements/{contract.GetProperty("id").GetString()}/cancel", Body(new JsonObject { ["effective"] = "immediately" }), _ct);
            Assert.True(cancel.StatusCode == HttpStatusCode.OK, await cancel.Content.ReadAsStringAsync(_ct));
            await app.RebuildRevenueAsync(new DateOnly(2026, 11, 1), new DateOnly(2026, 12, 1));
            Prepared[app] = true;
            return contract.GetProperty("id").GetString()!;
        }
        finally
        {
            Once.Release();
        }
    }
}
