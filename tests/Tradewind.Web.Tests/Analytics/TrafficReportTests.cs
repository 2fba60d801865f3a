using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Tradewind.Analytics.Events;
using Tradewind.Contracts.Analytics;
using Tradewind.Persistence;
using Tradewind.Primitives.Ids;
using Tradewind.Web.Tests.Infrastructure;

namespace Tradewind.Web.Tests.Analytics;

/// <summary>The traffic API over HTTP: each seller reads its own listings, the operator reads one seller or all, buyers are refused.</summary>
public sealed class TrafficReportTests(TrafficReportTests.TrafficApp app) : IClassFixture<TrafficReportTests.TrafficApp>
{
    private const string Range = "from=2026-03-01&to=2026-03-07";

    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    /// <summary>SellerA: 6 German and 2 French visitors from the spring newsletter on 2026-03-02; SellerB: 3 British visitors.</summary>
    public sealed class TrafficApp : TradewindApp
    {
        public static readonly DateOnly Day = new(2026, 3, 2);

        public ProductId ProductA { get; } = ProductId.From(Guid.CreateVersion7());

        public ProductId ProductB { get; } = ProductId.From(Guid.CreateVersion7());

        protected override async Task SeedAsync(IServiceProvider services)
        {
            var db = services.GetRequiredService<TradewindDbContext>();
            var at = new DateTimeOffset(Day.ToDateTime(new TimeOnly(9, 0)), TimeSpan.Zero);
            AnalyticsEvent View(OrganisationId seller, ProductId product, string hash, string country, string? campaign, bool bot = false) => new()
            {
                Id = Guid.CreateVersion7(),
                Name = AnalyticsEventNames.ListingView,
                OccurredAt = at,
                ReceivedAt = at,
                SellerId = seller,
                ProductId = product,
                VisitorDayHash = hash,
                Source = campaign is null ? null : "newsletter",
                Medium = campaign is null ? null : "email",
                Campaign = campaign,
                Channel = campaign is null ? AnalyticsChannels.Direct : AnalyticsChannels.Email,
                Country = country,
                Locale = "en",
                TranslationKind = "original",
                Confirmed = !bot,
                IsBot = bot,
            };

            for (var i = 0; i < 6; i++)
            {
                db.Add(View(SellerA.Organisation.Id, ProductA, $"a0000000000000{i:D2}", "DE", "spring"));
            }

            db.Add(View(SellerA.Organisation.Id, ProductA, "a000000000000f01", "FR", "spring"));
            db.Add(View(SellerA.Organisation.Id, ProductA, "a000000000000f02", "FR", "spring"));
            db.Add(View(SellerA.Organisation.Id, ProductA, "a000000000000b01", "US", null, bot: true));
            for (var i = 0; i < 3; i++)
            {
                db.Add(View(SellerB.Organisation.Id, ProductB, $"b0000000000000{i:D2}", "GB", "autumn"));
            }

            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
            await services.GetRequiredService<ITrafficRollups>().RebuildAsync(new AnalyticsRange(Day.AddDays(-1), Day.AddDays(1)), TestContext.Current.CancellationToken);
        }
    }

    [Fact]
    public async Task A_seller_reads_only_its_own_traffic_with_small_countries_folded_whatever_seller_it_asks_for()
    {
        var seller = app.ClientFor(app.SellerA);

        foreach (var url in new[] { $"/api/v1/analytics/traffic?{Range}", $"/api/v1/analytics/traffic?{Range}&sellerId={app.SellerB.Organisation.Id}" })
        {
            var report = await (await seller.GetAsync(url, _ct)).EnsureSuccessStatusCode().ReadJsonAsync();
            Assert.Equal(app.SellerA.Organisation.Id.Value, report.GetProperty("sellerId").GetGuid());
            var totals = report.GetProperty("totals");
            Assert.Equal((9, 8, 8, 1), (totals.GetProperty("views").GetInt64(), totals.GetProperty("confirmedViews").GetInt64(), totals.GetProperty("visitorDays").GetInt64(), totals.GetProperty("botViews").GetInt64()));
            Assert.Equal(7, report.GetProperty("daily").GetArrayLength());
            var countries = Keys(report.GetProperty("breakdowns").GetProperty("country"));
            Assert.Equal(["DE", "other"], countries);
            Assert.DoesNotContain("autumn", Keys(report.GetProperty("breakdowns").GetProperty("campaign")));
            Assert.Contains(report.GetProperty("definitions").EnumerateArray(), d => d.GetProperty("code").GetString() == "visitor_days");
        }

        var other = await (await seller.GetAsync($"/api/v1/analytics/traffic?{Range}&productId={app.ProductB}", _ct)).EnsureSuccessStatusCode().ReadJsonAsync();
        Assert.Equal(0, other.GetProperty("totals").GetProperty("views").GetInt64());
    }

    [Fact]
    public async Task The_operator_reads_the_marketplace_or_one_seller_without_folding_and_buyers_are_refused()
    {
        var operatorClient = app.ClientFor(app.Operator);
        var all = await (await operatorClient.GetAsync($"/api/v1/analytics/traffic?{Range}&breakdown=country", _ct)).EnsureSuccessStatusCode().ReadJsonAsync();
        Assert.Equal(JsonValueKind.Null, all.GetProperty("sellerId").ValueKind);
        Assert.Equal(11, all.GetProperty("totals").GetProperty("visitorDays").GetInt64());
        Assert.Equal(["DE", "GB", "FR", "US"], Keys(all.GetProperty("breakdowns").GetProperty("country")));
        Assert.Single(all.GetProperty("breakdowns").EnumerateObject());

        var sellerB = await (await operatorClient.GetAsync($"/api/v1/analytics/traffic?{Range}&sellerId={app.SellerB.Organisation.Id}&breakdown=campaign", _ct))
            .EnsureSuccessStatusCode().ReadJsonAsync();
        Assert.Equal(["autumn"], Keys(sellerB.GetProperty("breakdowns").GetProperty("campaign")));
        Assert.Equal(["GB"], Keys((await (await operatorClient.GetAsync($"/api/v1/analytics/traffic?{Range}&sellerId={app.SellerB.Organisation.Id}", _ct)).ReadJsonAsync())
            .GetProperty("breakdowns").GetProperty("country")));

        var marketplace = await (await operatorClient.GetAsync($"/api/v1/analytics/traffic/marketplace?{Range}", _ct)).EnsureSuccessStatusCode().ReadJsonAsync();
        Assert.Equal(4, marketplace.GetProperty("byCountry").GetArrayLength());

        var buyer = app.ClientFor(app.Buyer);
        Assert.Equal(HttpStatusCode.Forbidden, (await buyer.GetAsync($"/api/v1/analytics/traffic?{Range}", _ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await buyer.GetAsync($"/api/v1/analytics/languages?{Range}", _ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await app.ClientFor(app.SellerA).GetAsync($"/api/v1/analytics/traffic/marketplace?{Range}", _ct)).StatusCode);
    }

    [Fact]
    public async Task The_csv_has_one_row_per_breakdown_key_or_per_day_with_invariant_numbers()
    {
        var seller = app.ClientFor(app.SellerA);
        var response = await seller.GetAsync($"/api/v1/analytics/traffic?{Range}&breakdown=campaign&format=csv", _ct);
        response.EnsureSuccessStatusCode();
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var lines = (await response.Content.ReadAsStringAsync(_ct)).Split(["\r\n", "\n"], StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("From,To,Breakdown,Key,Views,ConfirmedViews,VisitorDays,BotViews,Share", lines[0]);
        Assert.Equal(["2026-03-01,2026-03-07,campaign,spring,8,8,8,0,1", "2026-03-01,2026-03-07,campaign,,1,0,0,1,0"], lines[1..]);

        var daily = (await (await seller.GetAsync($"/api/v1/analytics/traffic?{Range}&format=csv", _ct)).Content.ReadAsStringAsync(_ct))
            .Split(["\r\n", "\n"], StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("Day,Views,ConfirmedViews,BotViews,VisitorDays", daily[0]);
        Assert.Equal(8, daily.Length);
        Assert.Equal("2026-03-02,9,8,1,8", daily[2]);

        var languages = (await (await seller.GetAsync($"/api/v1/analytics/languages?{Range}&format=csv", _ct)).Content.ReadAsStringAsync(_ct))
            .Split(["\r\n", "\n"], StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("From,To,Locale,TranslationKind,VisitorDays,ConfirmedViews,Trials,Subscriptions,Conversion", languages[0]);
        Assert.Equal("2026-03-01,2026-03-07,en,original,8,8,0,0,0", languages[1]);
    }

    [Theory]
    [InlineData("from=2026-13-01", "from")]
    [InlineData("from=yesterday", "from")]
    [InlineData("from=2026-03-07&to=2026-03-01", "to")]
    [InlineData("from=2020-01-01&to=2026-03-01", "from")]
    [InlineData("from=2026-03-01&to=2026-03-07&breakdown=planet", "breakdown")]
    [InlineData("format=xml", "format")]
    public async Task Bad_input_is_a_validation_problem_naming_the_field(string query, string field)
    {
        var problem = await (await app.ClientFor(app.SellerA).GetAsync($"/api/v1/analytics/traffic?{query}", _ct)).AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
    }

    private static List<string> Keys(JsonElement rows) => rows.EnumerateArray().Select(r => r.GetProperty("key").GetString()!).ToList();
}
