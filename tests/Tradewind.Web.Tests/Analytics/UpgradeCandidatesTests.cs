using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Tradewind.Analytics.Events;
using Tradewind.Contracts.Analytics;
using Tradewind.Persistence;
using Tradewind.Primitives.Ids;
using Tradewind.Web.Tests.Infrastructure;
using static Tradewind.Web.Tests.Infrastructure.CatalogRequests;

namespace Tradewind.Web.Tests.Analytics;

/// <summary>The test host for the PQL list: a fake clock, the scoring job and the lifecycle sweep off (tests score a day themselves).</summary>
public sealed class CandidatesApp : TradewindApp
{
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Agreements:SweepInterval", "00:00:00");
        builder.UseSetting("Metering:CustomerCacheLifetime", "00:00:00");
        builder.UseSetting("Analytics:Candidates:JobEnabled", "false");
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }

    /// <summary>Stores lifecycle rows as the lifecycle consumers and the daily usage job would.</summary>
    internal async Task InsertAsync(params AnalyticsEvent[] events)
    {
        await WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<TradewindDbContext>();
            db.Set<AnalyticsEvent>().AddRange(events);
            await db.SaveChangesAsync();
            return 0;
        });
    }

    public Task<int> EvaluateAsync(DateOnly day) => WithScopeAsync(sp => sp.GetRequiredService<IUpgradeCandidates>().EvaluateDayAsync(day, CancellationToken.None));
}

public sealed class UpgradeCandidatesTests(CandidatesApp app) : IClassFixture<CandidatesApp>
{
    private static readonly DateOnly Day = new(2026, 11, 5);

    private static DateTimeOffset At(DateOnly day, int hour = 12) => new(day.ToDateTime(new TimeOnly(hour, 0)), TimeSpan.Zero);

    private AnalyticsEvent Lifecycle(
        string name, string product, string agreement, DateTimeOffset at, string? dedupe, string? dimension = null, decimal? quantity = null, string? detail = null, Tenant? seller = null)
    {
        return new AnalyticsEvent
        {
            Id = Guid.CreateVersion7(),
            Name = name,
            OccurredAt = at,
            ReceivedAt = at,
            DedupeKey = dedupe,
            SellerId = (seller ?? app.SellerA).Organisation.Id,
            ProductId = ProductId.Parse(product),
            BuyerId = app.Buyer.Organisation.Id,
            AgreementId = AgreementId.Parse(agreement),
            Country = "JP",
            Dimension = dimension,
            Quantity = quantity,
            Detail = detail,
        };
    }

    private AnalyticsEvent Usage(string product, string agreement, DateOnly day, string dimension, decimal quantity) =>
        Lifecycle(AnalyticsEventNames.UsageReported, product, agreement, At(day, 0), $"usage_reported:{agreement}:{dimension}:{day:yyyy-MM-dd}", dimension, quantity);

    private async Task<JsonElement> GetAsync(Tenant tenant, string query = "")
    {
        var response = await app.ClientFor(tenant).GetAsync($"/api/v1/analytics/upgrade-candidates{query}", TestContext.Current.CancellationToken);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        return await response.ReadJsonAsync();
    }

    private static JsonElement Single(JsonElement report, string agreementId) =>
        report.GetProperty("candidates").GetProperty("items").EnumerateArray().Single(i => i.GetProperty("agreementId").GetString() == agreementId);

    [Fact]
    public async Task A_payg_customer_with_growing_usage_is_listed_with_the_reasons_that_fired()
    {
        var (product, agreement, customer) = await app.SubscribeToUsageProductAsync(app.SellerA, app.Buyer, "Pql Metrics");
        app.Clock.SetUtcNow(At(Day.AddDays(1), 9));

        // Real usage through the API, and the lifecycle rows the daily usage job writes from it.
        var usage = await app.ClientFor(app.SellerA).PostAsync("/api/v1/usage", Body(new JsonObject
        {
            ["records"] = new JsonArray(new JsonObject { ["customerIdentifier"] = customer, ["dimension"] = "gigabytes", ["quantity"] = 40, ["timestamp"] = app.Clock.GetUtcNow().AddHours(-1).ToString("O") }),
        }), TestContext.Current.CancellationToken);
        Assert.True(usage.StatusCode == HttpStatusCode.OK, await usage.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal(1, (await usage.ReadJsonAsync()).GetProperty("accepted").GetInt32());
        await app.InsertAsync(
            Usage(product, agreement, new DateOnly(2026, 11, 2), "requests", 20_000),
            Usage(product, agreement, new DateOnly(2026, 11, 3), "requests", 21_200),
            Usage(product, agreement, Day, "gigabytes", 40),
            Lifecycle(AnalyticsEventNames.SupportTicketOpened, product, agreement, At(Day.AddDays(-1)), $"support_ticket_opened:{Guid.CreateVersion7()}", detail: """{"category":"billing","severity":"normal"}"""),
            Lifecycle(AnalyticsEventNames.CtaClicked, product, agreement, At(Day), null, detail: """{"cta":"request_private_offer"}"""));

        Assert.True(await app.EvaluateAsync(Day) >= 1);

        var report = await GetAsync(app.SellerA);
        Assert.Equal("2026-11-05", report.GetProperty("day").GetString());
        Assert.Equal(60, report.GetProperty("threshold").GetInt32());
        var row = Single(report, agreement);
        Assert.Equal(25 + 15 + 15 + 10, row.GetProperty("score").GetInt32());
        Assert.True(row.GetProperty("isPql").GetBoolean());
        Assert.Equal("2026-11-05", row.GetProperty("pqlSince").GetString());
        Assert.Equal("Gamma Retail KK", row.GetProperty("buyerName").GetString());
        Assert.Equal(["U1", "E1", "S1"], row.GetProperty("topReasons").EnumerateArray().Select(r => r.GetProperty("code").GetString()));
        Assert.Contains("from none to 40 gigabytes", row.GetProperty("topReasons")[0].GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.Contains("Started using gigabytes on 2026-11-05", row.GetProperty("topReasons")[1].GetProperty("reason").GetString(), StringComparison.Ordinal);
        var rules = row.GetProperty("rules").EnumerateArray().ToList();
        Assert.Equal(10, rules.Count);
        Assert.Equal(10, rules.Single(r => r.GetProperty("code").GetString() == "I1").GetProperty("points").GetInt32());
        var u3 = rules.Single(r => r.GetProperty("code").GetString() == "U3");
        Assert.False(u3.GetProperty("applicable").GetBoolean());
        Assert.Contains("no private-offer commitment tier in USD", u3.GetProperty("reason").GetString(), StringComparison.Ordinal);

        // Run-rate: 41,200 requests at 0.01 and 40 GB at 0.10 over the last 30 days.
        Assert.Equal("416.00", row.GetProperty("runRatePerMonth").GetProperty("amount").GetString());
        Assert.False(row.GetProperty("offerSent").GetBoolean());
        Assert.Contains(report.GetProperty("definitions").EnumerateArray(), d => d.GetProperty("code").GetString() == "U1");

        // The CSV carries the same row.
        var csv = await app.ClientFor(app.SellerA).GetAsync("/api/v1/analytics/upgrade-candidates?format=csv", TestContext.Current.CancellationToken);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        var text = await csv.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Contains(agreement, text, StringComparison.Ordinal);
        Assert.StartsWith("Day,ProductId,ProductTitle", text, StringComparison.Ordinal);

        // Minimum score filters.
        Assert.DoesNotContain(
            (await GetAsync(app.SellerA, "?minScore=66")).GetProperty("candidates").GetProperty("items").EnumerateArray(),
            i => i.GetProperty("agreementId").GetString() == agreement);

        // Seller isolation: another seller sees nothing of it, even naming the product; the operator names the seller.
        Assert.DoesNotContain((await GetAsync(app.SellerB, $"?productId={product}")).GetProperty("candidates").GetProperty("items").EnumerateArray(), _ => true);
        Assert.Equal(65, Single(await GetAsync(app.Operator, $"?sellerId={app.SellerA.Organisation.Id}"), agreement).GetProperty("score").GetInt32());
        Assert.Empty((await GetAsync(app.Operator, $"?sellerId={app.SellerB.Organisation.Id}")).GetProperty("candidates").GetProperty("items").EnumerateArray());

        // An offer sent, then accepted: the conversion counts both steps, and the account leaves the list.
        await app.InsertAsync(
            Lifecycle(AnalyticsEventNames.PrivateOfferSent, product, agreement, At(Day.AddDays(1), 10), $"private_offer_sent:{Guid.CreateVersion7()}"),
            Lifecycle(AnalyticsEventNames.PrivateOfferAccepted, product, agreement, At(Day.AddDays(3), 10), $"private_offer_accepted:{Guid.CreateVersion7()}"));
        var conversion = (await GetAsync(app.SellerA, "?asOf=2026-11-09")).GetProperty("conversion");
        Assert.Equal(1, conversion.GetProperty("pqls").GetInt32());
        Assert.Equal(1, conversion.GetProperty("offersSent").GetInt32());
        Assert.Equal(1, conversion.GetProperty("offersAccepted").GetInt32());
        Assert.Equal(1.4m, conversion.GetProperty("medianDaysPqlToOffer").GetDecimal());
        Assert.Equal(2m, conversion.GetProperty("medianDaysOfferToAccepted").GetDecimal());

        await app.EvaluateAsync(Day.AddDays(3));
        var after = await GetAsync(app.SellerA, "?asOf=2026-11-08");
        Assert.DoesNotContain(after.GetProperty("candidates").GetProperty("items").EnumerateArray(), i => i.GetProperty("agreementId").GetString() == agreement);
    }

    [Fact]
    public async Task An_unsubscribed_customer_leaves_the_list()
    {
        var (product, agreement, _) = await app.SubscribeToUsageProductAsync(app.SellerB, app.Buyer, "Pql Leaving");
        var day = DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime);
        var asOf = $"?asOf={day:yyyy-MM-dd}";
        await app.EvaluateAsync(day);
        var before = await GetAsync(app.SellerB, asOf);
        Assert.Contains(before.GetProperty("candidates").GetProperty("items").EnumerateArray(), i => i.GetProperty("agreementId").GetString() == agreement);

        await app.InsertAsync(Lifecycle(AnalyticsEventNames.Unsubscribed, product, agreement, At(day, 23), $"unsubscribed:{agreement}", detail: """{"reason":"cancelled"}""", seller: app.SellerB));
        await app.EvaluateAsync(day);
        var after = await GetAsync(app.SellerB, asOf);
        Assert.Equal(day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), after.GetProperty("day").GetString());
        Assert.DoesNotContain(after.GetProperty("candidates").GetProperty("items").EnumerateArray(), i => i.GetProperty("agreementId").GetString() == agreement);
    }

    [Fact]
    public async Task Buyers_are_refused()
    {
        var response = await app.ClientFor(app.Buyer).GetAsync("/api/v1/analytics/upgrade-candidates", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Theory]
    [InlineData("?minScore=1000", "minScore")]
    [InlineData("?format=xml", "format")]
    [InlineData("?pageSize=0", "pageSize")]
    [InlineData("?page=0", "page")]
    public async Task Bad_parameters_are_validation_problems(string query, string field)
    {
        var response = await app.ClientFor(app.SellerA).GetAsync($"/api/v1/analytics/upgrade-candidates{query}", TestContext.Current.CancellationToken);
        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
    }
}
