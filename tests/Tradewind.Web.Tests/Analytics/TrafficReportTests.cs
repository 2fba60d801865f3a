using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Tradewind.Analytics.Events;
using Tradewind.Analytics.Revenue.Rollups;
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

    /// <summary>
    /// SellerA: 6 German and 2 French visitors from the spring newsletter on 2026-03-02, one German of whom started a
    /// trial; SellerB: 3 British visitors. Closing MRR of March 2026: EUR from a German buyer of SellerA and a British
    /// buyer of SellerB, USD from an American buyer of SellerB.
    /// </summary>
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

            var trialView = View(SellerA.Organisation.Id, ProductA, "a0000000000000t1", "DE", "spring");
            db.Add(trialView);
            var trial = AgreementId.From(Guid.CreateVersion7());
            db.Add(new AnalyticsEvent
            {
                Id = Guid.CreateVersion7(),
                Name = AnalyticsEventNames.TrialStarted,
                DedupeKey = $"trial_started:{trial}",
                OccurredAt = at.AddMinutes(5),
                ReceivedAt = at.AddMinutes(5),
                SellerId = SellerA.Organisation.Id,
                ProductId = ProductA,
                AgreementId = trial,
                AttributionViewId = trialView.Id,
            });
            var closing = new DateOnly(2026, 4, 1);
            MrrSnapshot Mrr(OrganisationId seller, ProductId product, string currency, string country, long committed, long payg) => new()
            {
                Month = closing,
                SellerId = seller,
                ProductId = product,
                BuyerId = OrganisationId.From(Guid.CreateVersion7()),
                Currency = currency,
                BuyerCountry = country,
                CommittedMinor = committed,
                PaygMinor = payg,
                MeasuredAt = new DateTimeOffset(closing.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero),
            };
            db.Add(Mrr(SellerA.Organisation.Id, ProductA, "EUR", "DE", 10_000, 2_500));
            db.Add(Mrr(SellerB.Organisation.Id, ProductB, "EUR", "GB", 5_000, 0));
            db.Add(Mrr(SellerB.Organisation.Id, ProductB, "USD", "US", 0, 1_234));

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
            Assert.Equal((10, 9, 9, 1), (totals.GetProperty("views").GetInt64(), totals.GetProperty("confirmedViews").GetInt64(), totals.GetProperty("visitorDays").GetInt64(), totals.GetProperty("botViews").GetInt64()));
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
        Assert.Equal(12, all.GetProperty("totals").GetProperty("visitorDays").GetInt64());
        Assert.Equal(["DE", "GB", "FR", "US"], Keys(all.GetProperty("breakdowns").GetProperty("country")));
        Assert.Single(all.GetProperty("breakdowns").EnumerateObject());

        var sellerB = await (await operatorClient.GetAsync($"/api/v1/analytics/traffic?{Range}&sellerId={app.SellerB.Organisation.Id}&breakdown=campaign", _ct))
            .EnsureSuccessStatusCode().ReadJsonAsync();
        Assert.Equal(["autumn"], Keys(sellerB.GetProperty("breakdowns").GetProperty("campaign")));
        Assert.Equal(["GB"], Keys((await (await operatorClient.GetAsync($"/api/v1/analytics/traffic?{Range}&sellerId={app.SellerB.Organisation.Id}", _ct)).ReadJsonAsync())
            .GetProperty("breakdowns").GetProperty("country")));


        var buyer = app.ClientFor(app.Buyer);
        Assert.Equal(HttpStatusCode.Forbidden, (await buyer.GetAsync($"/api/v1/analytics/traffic?{Range}", _ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await buyer.GetAsync($"/api/v1/analytics/languages?{Range}", _ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await app.ClientFor(app.SellerA).GetAsync($"/api/v1/analytics/marketplace?{Range}", _ct)).StatusCode);
    }

    [Fact]
    public async Task The_marketplace_report_has_traffic_and_conversion_by_country_category_channel_and_language_and_mrr_per_currency()
    {
        var operatorClient = app.ClientFor(app.Operator);
        var report = await (await operatorClient.GetAsync($"/api/v1/analytics/marketplace?{Range}", _ct)).EnsureSuccessStatusCode().ReadJsonAsync();
        Assert.Equal(12, report.GetProperty("totals").GetProperty("visitorDays").GetInt64());
        Assert.Equal(1, report.GetProperty("attributedTrials").GetInt64());
        Assert.Equal(0.0833m, report.GetProperty("conversion").GetDecimal());
        var breakdowns = report.GetProperty("breakdowns");
        Assert.Equal(["country", "category", "channel", "language"], breakdowns.EnumerateObject().Select(p => p.Name));

        // Countries are not folded for the operator; the trial counts under the country and channel of its view.
        var countries = breakdowns.GetProperty("country").EnumerateArray().ToDictionary(r => r.GetProperty("key").GetString()!);
        Assert.Equal(["DE", "GB", "FR", "US"], countries.Keys);
        Assert.Equal((7L, 1L, 0.1429m), (countries["DE"].GetProperty("visitorDays").GetInt64(), countries["DE"].GetProperty("trials").GetInt64(), countries["DE"].GetProperty("conversion").GetDecimal()));
        Assert.Equal(0m, countries["GB"].GetProperty("conversion").GetDecimal());
        Assert.Equal(JsonValueKind.Null, countries["US"].GetProperty("conversion").ValueKind);
        var channels = breakdowns.GetProperty("channel").EnumerateArray().ToDictionary(r => r.GetProperty("key").GetString()!);
        Assert.Equal((1L, 12L), (channels[AnalyticsChannels.Email].GetProperty("trials").GetInt64(), channels[AnalyticsChannels.Email].GetProperty("visitorDays").GetInt64()));

        // The test products are not in the catalog, so their category is unknown.
        var category = Assert.Single(breakdowns.GetProperty("category").EnumerateArray());
        Assert.Equal(("", 12L, 1L), (category.GetProperty("key").GetString(), category.GetProperty("visitorDays").GetInt64(), category.GetProperty("trials").GetInt64()));

        Assert.Equal("2026-03-01", report.GetProperty("revenueMonth").GetString());
        var revenue = report.GetProperty("revenue").EnumerateArray().ToDictionary(r => r.GetProperty("currency").GetString()!);
        Assert.Equal(["EUR", "USD"], revenue.Keys);
        Assert.Equal((2, 15_000L, 2_500L, 17_500L), (revenue["EUR"].GetProperty("payingCustomers").GetInt32(), revenue["EUR"].GetProperty("committedMinor").GetInt64(),
            revenue["EUR"].GetProperty("paygMinor").GetInt64(), revenue["EUR"].GetProperty("mrrMinor").GetInt64()));
        Assert.Equal([("DE", 12_500L), ("GB", 5_000L)], revenue["EUR"].GetProperty("byCountry").EnumerateArray().Select(r => (r.GetProperty("key").GetString(), r.GetProperty("mrrMinor").GetInt64())));
        Assert.Equal(1_234L, Assert.Single(revenue["USD"].GetProperty("byCategory").EnumerateArray()).GetProperty("mrrMinor").GetInt64());
        Assert.Contains(report.GetProperty("definitions").EnumerateArray(), d => d.GetProperty("code").GetString() == "row_conversion");

        var csv = (await (await operatorClient.GetAsync($"/api/v1/analytics/marketplace?{Range}&format=csv", _ct)).EnsureSuccessStatusCode().Content.ReadAsStringAsync(_ct))
            .Split(["\r\n", "\n"], StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("From,To,Dimension,Key,Views,ConfirmedViews,VisitorDays,BotViews,Share,Trials,Subscriptions,Conversion", csv[0]);
        Assert.Contains("2026-03-01,2026-03-07,country,DE,7,7,7,0,0.5833,1,0,0.1429", csv);
        var revenueCsv = (await (await operatorClient.GetAsync($"/api/v1/analytics/marketplace?{Range}&format=csv&part=revenue", _ct)).EnsureSuccessStatusCode().Content.ReadAsStringAsync(_ct))
            .Split(["\r\n", "\n"], StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("Month,Currency,Split,Key,PayingCustomers,CommittedMinor,PaygMinor,MrrMinor", revenueCsv[0]);
        Assert.Equal(6, revenueCsv.Length); // the header; EUR: 2 countries and 1 category; USD: 1 country and 1 category
        Assert.Contains("2026-03,EUR,country,GB,1,5000,0,5000", revenueCsv);

        var problem = await (await operatorClient.GetAsync($"/api/v1/analytics/marketplace?{Range}&format=csv&part=costs", _ct)).AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("part", out _));
    }

    [Fact]
    public async Task The_operator_page_shows_the_marketplace_report_and_sellers_are_refused()
    {
        var page = await app.PagesClientFor(app.Operator).GetAsync("/operator/analytics?From=2026-03-01&To=2026-03-07", _ct);
        page.EnsureSuccessStatusCode();
        var html = await page.Content.ReadAsStringAsync(_ct);
        foreach (var dimension in new[] { "country", "category", "channel", "language" })
        {
            Assert.Contains($"data-dimension=\"{dimension}\"", html, StringComparison.Ordinal);
        }

        Assert.Contains("data-currency=\"EUR\"", html, StringComparison.Ordinal);
        Assert.Contains("data-currency=\"USD\"", html, StringComparison.Ordinal);
        Assert.Contains("id=\"def-row_conversion\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"ProductId\"", html, StringComparison.Ordinal);

        var csv = await app.PagesClientFor(app.Operator).GetAsync("/operator/analytics?From=2026-03-01&To=2026-03-07&format=csv&part=revenue", _ct);
        Assert.Equal("text/csv", csv.EnsureSuccessStatusCode().Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("Month,Currency,Split,Key", await csv.Content.ReadAsStringAsync(_ct), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Forbidden, (await app.PagesClientFor(app.SellerA).GetAsync("/operator/analytics", _ct)).StatusCode);
    }

    [Fact]
    public async Task The_csv_has_one_row_per_breakdown_key_or_per_day_with_invariant_numbers()
    {
        var seller = app.ClientFor(app.SellerA);
        var response = await seller.GetAsync($"/api/v1/analytics/traffic?{Range}&breakdown=campaign&format=csv", _ct);
        response.EnsureSuccessStatusCode();
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var lines = (await response.Content.ReadAsStringAsync(_ct)).Split(["\r\n", "\n"], StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("From,To,Breakdown,Key,Views,ConfirmedViews,VisitorDays,BotViews,Share,Trials,Subscriptions,Conversion", lines[0]);
        Assert.Equal(["2026-03-01,2026-03-07,campaign,spring,9,9,9,0,1,1,0,0.1111", "2026-03-01,2026-03-07,campaign,,1,0,0,1,0,0,0,"], lines[1..]);

        var daily = (await (await seller.GetAsync($"/api/v1/analytics/traffic?{Range}&format=csv", _ct)).Content.ReadAsStringAsync(_ct))
            .Split(["\r\n", "\n"], StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("Day,Views,ConfirmedViews,BotViews,VisitorDays", daily[0]);
        Assert.Equal(8, daily.Length);
        Assert.Equal("2026-03-02,10,9,1,9", daily[2]);

        var languages = (await (await seller.GetAsync($"/api/v1/analytics/languages?{Range}&format=csv", _ct)).Content.ReadAsStringAsync(_ct))
            .Split(["\r\n", "\n"], StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("From,To,Locale,TranslationKind,VisitorDays,ConfirmedViews,Trials,Subscriptions,Conversion", languages[0]);
        Assert.Equal("2026-03-01,2026-03-07,en,original,9,9,1,0,0.1111", languages[1]);
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
