using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Tradewind.Contracts.Analytics;
using Tradewind.Persistence;
using Tradewind.Persistence.Outbox;
using Tradewind.Web.Tests.Infrastructure;
using static Tradewind.Web.Tests.Infrastructure.CatalogRequests;

namespace Tradewind.Web.Tests.Analytics;

/// <summary>
/// The host with a fake clock (2026-11-20 09:00 UTC), the lifecycle job off, and SellerA's published product with a
/// 14-day trial plan that the buyer subscribes to through the API; the outbox is drained and the rollups rebuilt directly.
/// </summary>
public sealed class LifecycleApp : TradewindApp
{
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 20, 9, 0, 0, TimeSpan.Zero));

    public string ProductId { get; private set; } = "";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Analytics:Lifecycle:JobEnabled", "false");
        builder.UseSetting("Agreements:SweepInterval", "00:00:00");
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }

    /// <summary>Publishes the trial product, subscribes the buyer, adds a day of listing traffic, drains the outbox and rebuilds November.</summary>
    public async Task StartTrialAsync()
    {
        var seller = ClientFor(SellerA);
        var created = await seller.PostAsync("/api/v1/products", Body(Listing("Alpha Metrics")), CancellationToken.None);
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        ProductId = (await created.ReadJsonAsync()).GetProperty("id").GetString()!;
        var plan = UsagePlan("Usage with trial", PerUnit("0.01"));
        plan["freeTrial"] = new JsonObject { ["days"] = 14, ["quotas"] = new JsonArray(new JsonObject { ["dimension"] = "requests", ["quantity"] = 10_000 }) };
        var planId = (await seller.AddPlanAsync(ProductId, plan, CancellationToken.None)).GetProperty("id").GetString()!;
        Assert.Equal(HttpStatusCode.OK, (await seller.PostAsync($"/api/v1/products/{ProductId}/submit", null, CancellationToken.None)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await ClientFor(Operator).PostAsync($"/api/v1/review/{ProductId}/approve", null, CancellationToken.None)).StatusCode);

        var subscribe = Body(new JsonObject { ["productId"] = ProductId, ["planId"] = planId, ["acceptedLicenceVersion"] = "2026-11" });
        var subscribed = await ClientFor(Buyer).PostAsync("/api/v1/agreements", subscribe, CancellationToken.None);
        Assert.True(subscribed.StatusCode == HttpStatusCode.Created, await subscribed.Content.ReadAsStringAsync());

        await WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<TradewindDbContext>();
            var day = new DateOnly(2026, 11, 20);
            object seller = Database.Provider == DatabaseProvider.Sqlite ? SellerA.Organisation.Id.Value.ToString().ToUpperInvariant() : SellerA.Organisation.Id.Value;
            object product = Database.Provider == DatabaseProvider.Sqlite ? Guid.Parse(ProductId).ToString().ToUpperInvariant() : Guid.Parse(ProductId);
            return await db.Database.ExecuteSqlAsync(
                $"INSERT INTO analytics_daily_visitors (day, seller_id, product_id, visitor_days, views, confirmed_views, bot_views, cta_clicks) VALUES ({day}, {seller}, {product}, 40, 52, 45, 7, 8)");
        });

        var outbox = Services.GetRequiredService<OutboxProcessor>();
        while (await outbox.DispatchPendingAsync(CancellationToken.None) > 0)
        {
        }

        await WithScopeAsync(async sp =>
        {
            await sp.GetRequiredService<ILifecycleAnalytics>().RebuildAsync(November, CancellationToken.None);
            return 0;
        });
    }

    public static AnalyticsRange November { get; } = new(new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 30));
}

public sealed class LifecycleReportTests(LifecycleApp app) : IClassFixture<LifecycleApp>, IAsyncLifetime
{
    private const string Period = "from=2026-11-01&to=2026-11-30";
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        if (app.ProductId.Length == 0)
        {
            await app.StartTrialAsync();
        }
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task A_trial_started_through_the_api_shows_in_the_funnel_after_the_rebuild()
    {
        var funnel = await (await app.ClientFor(app.SellerA).GetAsync($"/api/v1/analytics/funnel?{Period}", _ct)).ReadJsonAsync();

        var steps = funnel.GetProperty("steps").EnumerateArray().ToDictionary(s => s.GetProperty("code").GetString()!);
        Assert.Equal(40, steps["visitor_days"].GetProperty("reached").GetInt64());
        Assert.Equal(8, steps["cta_clicks"].GetProperty("reached").GetInt64());
        Assert.Equal(1, steps["trials_started"].GetProperty("reached").GetInt64());
        Assert.Equal(0.025m, steps["trials_started"].GetProperty("overallConversion").GetDecimal());
        // No usage yet, and the 21-day window is open: still in window, not a drop-off.
        Assert.Equal(0, steps["first_usage"].GetProperty("reached").GetInt64());
        Assert.Equal(1, steps["first_usage"].GetProperty("stillInWindow").GetInt64());
        Assert.Contains("trial length + 7 days", funnel.GetProperty("window").GetString(), StringComparison.Ordinal);
        Assert.Contains(funnel.GetProperty("definitions").EnumerateArray(), d => d.GetProperty("code").GetString() == "step_conversion");
    }

    [Fact]
    public async Task The_trials_report_counts_the_new_trial_as_active_and_its_cohort_as_still_in_trial()
    {
        var trials = await (await app.ClientFor(app.SellerA).GetAsync($"/api/v1/analytics/trials?{Period}&productId={app.ProductId}", _ct)).ReadJsonAsync();

        Assert.Equal(1, trials.GetProperty("newTrials").GetInt32());
        Assert.Equal(1, trials.GetProperty("activeNow").GetInt32());
        Assert.Equal(0, trials.GetProperty("convertedInPeriod").GetInt32());
        var cohort = Assert.Single(trials.GetProperty("cohorts").EnumerateArray().ToList());
        Assert.Equal("2026-11-16", cohort.GetProperty("weekStart").GetString());
        Assert.Equal(1, cohort.GetProperty("stillInWindow").GetInt32());
        Assert.Equal(JsonValueKind.Null, cohort.GetProperty("trialToPaid").ValueKind);
    }

    [Fact]
    public async Task Sellers_see_only_their_own_products_and_the_operator_may_pick_a_seller()
    {
        var other = await (await app.ClientFor(app.SellerB).GetAsync($"/api/v1/analytics/trials?{Period}", _ct)).ReadJsonAsync();
        Assert.Equal(0, other.GetProperty("newTrials").GetInt32());

        var otherProduct = await (await app.ClientFor(app.SellerB).GetAsync($"/api/v1/analytics/trials?{Period}&productId={app.ProductId}", _ct)).ReadJsonAsync();
        Assert.Equal(0, otherProduct.GetProperty("newTrials").GetInt32());

        var peek = await app.ClientFor(app.SellerB).GetAsync($"/api/v1/analytics/funnel?{Period}&sellerId={app.SellerA.Organisation.Id}", _ct);
        await peek.AssertProblemAsync(HttpStatusCode.Forbidden);

        var buyer = await app.ClientFor(app.Buyer).GetAsync($"/api/v1/analytics/funnel?{Period}", _ct);
        Assert.Equal(HttpStatusCode.Forbidden, buyer.StatusCode);

        var operatorView = await (await app.ClientFor(app.Operator).GetAsync($"/api/v1/analytics/trials?{Period}&sellerId={app.SellerA.Organisation.Id}", _ct)).ReadJsonAsync();
        Assert.Equal(1, operatorView.GetProperty("newTrials").GetInt32());
        var sellerB = await (await app.ClientFor(app.Operator).GetAsync($"/api/v1/analytics/trials?{Period}&sellerId={app.SellerB.Organisation.Id}", _ct)).ReadJsonAsync();
        Assert.Equal(0, sellerB.GetProperty("newTrials").GetInt32());
    }

    [Fact]
    public async Task Reports_download_as_csv()
    {
        var response = await app.ClientFor(app.SellerA).GetAsync($"/api/v1/analytics/funnel?{Period}&format=csv", _ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var lines = (await response.Content.ReadAsStringAsync(_ct)).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal("Code,Name,Reached,StillInWindow,OverallConversion,StepConversion,DropOff", lines[0]);
        Assert.StartsWith("trials_started,Trials started,1,0,0.025,0.125,0.875", lines[3], StringComparison.Ordinal);

        foreach (var report in new[] { "trials", "usage", "retention", "private-offers" })
        {
            var csv = await app.ClientFor(app.SellerA).GetAsync($"/api/v1/analytics/{report}?{Period}&format=csv", _ct);
            Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
            Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        }
    }

    [Theory]
    [InlineData("from=2026-13-01", "from")]
    [InlineData("from=2026-11-30&to=2026-11-01", "to")]
    [InlineData("productId=not-a-guid", "productId")]
    [InlineData("from=2024-01-01&to=2026-11-30", "from")]
    public async Task Bad_input_is_a_validation_problem(string query, string field)
    {
        var response = await app.ClientFor(app.SellerA).GetAsync($"/api/v1/analytics/usage?{query}", _ct);

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
    }

    [Fact]
    public async Task The_portal_pages_render_for_the_seller()
    {
        foreach (var page in new[] { "", "/funnel", "/trials", "/usage", "/retention", "/offers" })
        {
            var response = await app.ClientFor(app.SellerA).GetAsync($"/seller/analytics{page}?From=2026-11-01&To=2026-11-30", _ct);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{page}: {response.StatusCode}");
        }
    }
}
