using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Tradewind.Web.Demo;
using Tradewind.Web.Tests.Infrastructure;

namespace Tradewind.Web.Tests;

public sealed class ExchangeRatesApiTests(TradewindApp app) : IClassFixture<TradewindApp>
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_operator_imports_the_ECB_file_and_importing_it_again_changes_nothing()
    {
        var client = app.ClientFor(app.Operator);

        var first = await (await client.PostAsync("/api/v1/fx/imports", EcbUpload(), _ct)).ReadJsonAsync();
        var second = await client.PostAsync("/api/v1/fx/imports", EcbUpload(), _ct);

        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        var again = await second.ReadJsonAsync();
        Assert.Equal(290, first.GetProperty("inserted").GetInt32() + first.GetProperty("unchanged").GetInt32());
        Assert.Equal((0, 290, 0), (again.GetProperty("inserted").GetInt32(), again.GetProperty("unchanged").GetInt32(), again.GetProperty("corrected").GetInt32()));
        Assert.Equal(("2026-11-13", "2026-11-26", 10), (again.GetProperty("firstDate").GetString(), again.GetProperty("lastDate").GetString(), again.GetProperty("days").GetInt32()));
        Assert.Equal("upload:ecb-eurofxref-hist-90d.xml", again.GetProperty("origin").GetString());
    }

    [Fact]
    public async Task Rates_for_a_weekend_day_are_the_previous_fridays()
    {
        await ImportAsync();

        var table = await (await app.ClientFor(app.SellerA).GetAsync("/api/v1/fx/rates?date=2026-11-22", _ct)).ReadJsonAsync();

        Assert.Equal(("EUR", "2026-11-22"), (table.GetProperty("base").GetString(), table.GetProperty("date").GetString()));
        var rates = table.GetProperty("rates").EnumerateArray().ToList();
        Assert.Equal(29, rates.Count);
        Assert.All(rates, r => Assert.Equal("2026-11-20", r.GetProperty("asOf").GetString()));
        var usd = rates.Single(r => r.GetProperty("quote").GetString() == "USD");
        Assert.Equal(JsonValueKind.String, usd.GetProperty("rate").ValueKind);
        Assert.Equal(("1.1659", "ECB"), (usd.GetProperty("rate").GetString(), usd.GetProperty("source").GetString()));
    }

    [Fact]
    public async Task A_dollar_base_gives_cross_rates_through_EUR()
    {
        await ImportAsync();

        var table = await (await app.ClientFor(app.Buyer).GetAsync("/api/v1/fx/rates?base=USD&date=2026-11-20", _ct)).ReadJsonAsync();

        var rates = table.GetProperty("rates").EnumerateArray().ToDictionary(r => r.GetProperty("quote").GetString()!, r => r.GetProperty("rate").GetString());
        Assert.Equal(Format(decimal.Round(180.41m / 1.1659m, 10, MidpointRounding.ToEven)), rates["JPY"]);
        Assert.Equal(Format(decimal.Round(1m / 1.1659m, 10, MidpointRounding.ToEven)), rates["EUR"]);
        Assert.False(rates.ContainsKey("USD"));
    }

    [Fact]
    public async Task An_operator_override_wins_over_the_ECB_rate_for_its_day_only()
    {
        await ImportAsync();
        var client = app.ClientFor(app.Operator);

        var set = await client.PostAsync("/api/v1/fx/overrides", HttpAssertions.Json("""{"base":"EUR","quote":"CHF","date":"2026-11-19","rate":"0.9500"}"""), _ct);

        Assert.Equal(HttpStatusCode.OK, set.StatusCode);
        Assert.Equal(("0.95", "operator"), await RateAsync(client, "CHF", "2026-11-19"));
        Assert.Equal("ECB", (await RateAsync(client, "CHF", "2026-11-18")).Source);
        Assert.Equal("ECB", (await RateAsync(client, "CHF", "2026-11-20")).Source);
    }

    [Fact]
    public async Task Converting_records_the_rate_used()
    {
        await ImportAsync();
        var client = app.ClientFor(app.Operator);

        var response = await client.PostAsync("/api/v1/fx/conversions", HttpAssertions.Json(
            """{"amount":{"amount":"100.00","currency":"USD"},"to":"JPY","date":"2026-11-22","rounding":"toEven","purpose":"payout P-1"}"""), _ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var conversion = await response.ReadJsonAsync();
        Assert.Equal(("15474", "JPY"), (conversion.GetProperty("to").GetProperty("amount").GetString(), conversion.GetProperty("to").GetProperty("currency").GetString()));
        Assert.Equal(Format(180.41m / 1.1659m), conversion.GetProperty("rate").GetString());
        Assert.Equal(("2026-11-20", "ECB", "toEven"), (conversion.GetProperty("asOf").GetString(), conversion.GetProperty("source").GetString(), conversion.GetProperty("rounding").GetString()));

        var recorded = await (await client.GetAsync("/api/v1/fx/conversions?pageSize=200", _ct)).ReadJsonAsync();
        Assert.Contains(recorded.GetProperty("items").EnumerateArray(), c => c.GetProperty("id").GetString() == conversion.GetProperty("id").GetString()
            && c.GetProperty("purpose").GetString() == "payout P-1");
    }

    [Fact]
    public async Task A_conversion_before_any_published_rate_is_refused()
    {
        await ImportAsync();

        var response = await app.ClientFor(app.Operator).PostAsync("/api/v1/fx/conversions", HttpAssertions.Json(
            """{"amount":{"amount":"1.00","currency":"USD"},"to":"EUR","date":"2026-11-01","rounding":"toEven"}"""), _ct);

        await response.AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "fx-rate-unavailable");
    }

    [Theory]
    [InlineData("seller")]
    [InlineData("buyer")]
    public async Task Only_the_operator_may_import_override_or_convert(string role)
    {
        var client = app.ClientFor(role == "seller" ? app.SellerA : app.Buyer);

        await (await client.PostAsync("/api/v1/fx/imports", EcbUpload(), _ct)).AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await client.PostAsync("/api/v1/fx/overrides", HttpAssertions.Json("""{"quote":"USD","date":"2026-11-20","rate":"2"}"""), _ct))
            .AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await client.PostAsync("/api/v1/fx/conversions", HttpAssertions.Json(
            """{"amount":{"amount":"1.00","currency":"USD"},"to":"EUR","date":"2026-11-20","rounding":"toEven"}"""), _ct))
            .AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await client.GetAsync("/api/v1/fx/conversions", _ct)).AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
    }

    [Fact]
    public async Task Rates_need_a_signed_in_caller()
    {
        var response = await app.CreateClient().GetAsync("/api/v1/fx/rates", _ct);

        await response.AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Theory]
    [InlineData("/api/v1/fx/rates?base=XYZ", "base")]
    [InlineData("/api/v1/fx/rates?date=20.11.2026", "date")]
    [InlineData("/api/v1/fx/rates?date=2099-01-01", "date")]
    public async Task Bad_rate_queries_are_400_naming_the_field(string url, string field)
    {
        var response = await app.ClientFor(app.Operator).GetAsync(url, _ct);

        await AssertFieldAsync(response, field);
    }

    [Theory]
    [InlineData("""{"quote":"USD","date":"2026-11-20","rate":"abc"}""", "rate")]
    [InlineData("""{"quote":"USD","date":"2026-11-20","rate":"-1.2"}""", "rate")]
    [InlineData("""{"quote":"XYZ","date":"2026-11-20","rate":"1.2"}""", "quote")]
    [InlineData("""{"base":"USD","quote":"JPY","date":"2026-11-20","rate":"150"}""", "base")]
    [InlineData("""{"quote":"USD","date":"2099-01-01","rate":"1.2"}""", "date")]
    [InlineData("""{"quote":"USD","rate":"1.2"}""", "date")]
    public async Task Bad_overrides_are_400_naming_the_field(string json, string field)
    {
        var response = await app.ClientFor(app.Operator).PostAsync("/api/v1/fx/overrides", HttpAssertions.Json(json), _ct);

        await AssertFieldAsync(response, field);
    }

    [Theory]
    [InlineData("""{"amount":{"amount":"1.00","currency":"USD"},"to":"XYZ","date":"2026-11-20","rounding":"toEven"}""", "to")]
    [InlineData("""{"amount":{"amount":"1.00","currency":"QQQ"},"to":"EUR","date":"2026-11-20","rounding":"toEven"}""", "amount.currency")]
    [InlineData("""{"amount":{"amount":"1.005","currency":"USD"},"to":"EUR","date":"2026-11-20","rounding":"toEven"}""", "amount.amount")]
    [InlineData("""{"amount":{"amount":"1.00","currency":"USD"},"to":"EUR","date":"2099-01-01","rounding":"toEven"}""", "date")]
    [InlineData("""{"amount":{"amount":"1.00","currency":"USD"},"to":"EUR","date":"2026-11-20"}""", "rounding")]
    [InlineData("""{"amount":{"amount":"1.00","currency":"USD"},"to":"EUR","date":"2026-11-20","rounding":"sometimes"}""", "rounding")]
    public async Task Bad_conversions_are_400_naming_the_field(string json, string field)
    {
        var response = await app.ClientFor(app.Operator).PostAsync("/api/v1/fx/conversions", HttpAssertions.Json(json), _ct);

        await AssertFieldAsync(response, field);
    }

    [Fact]
    public async Task A_file_that_is_not_ECB_XML_is_400_with_the_reason()
    {
        var content = new MultipartFormDataContent { { new StringContent("<rates/>", Encoding.UTF8, "application/xml"), "file", "rates.xml" } };

        var response = await app.ClientFor(app.Operator).PostAsync("/api/v1/fx/imports", content, _ct);

        var problem = await AssertFieldAsync(response, "file");
        Assert.Contains("not an ECB reference-rate file", problem.GetProperty("errors").GetProperty("file")[0].GetString(), StringComparison.Ordinal);
    }

    private static MultipartFormDataContent EcbUpload()
    {
        var file = new StreamContent(DemoExchangeRates.Open());
        file.Headers.ContentType = new MediaTypeHeaderValue("application/xml");
        return new MultipartFormDataContent { { file, "file", DemoExchangeRates.FileName } };
    }

    private async Task ImportAsync()
    {
        var response = await app.ClientFor(app.Operator).PostAsync("/api/v1/fx/imports", EcbUpload(), _ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private async Task<(string? Rate, string? Source)> RateAsync(HttpClient client, string quote, string date)
    {
        var table = await (await client.GetAsync($"/api/v1/fx/rates?date={date}", _ct)).ReadJsonAsync();
        var rate = table.GetProperty("rates").EnumerateArray().Single(r => r.GetProperty("quote").GetString() == quote);
        return (rate.GetProperty("rate").GetString(), rate.GetProperty("source").GetString());
    }

    private static async Task<JsonElement> AssertFieldAsync(HttpResponseMessage response, string field)
    {
        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"No error for '{field}' in {problem}");
        return problem;
    }

    private static string Format(decimal rate) => rate.ToString("0.############################", CultureInfo.InvariantCulture);
}

public sealed class DemoExchangeRatesTests(DemoApp app) : IClassFixture<DemoApp>
{
    [Fact]
    public async Task The_demo_marketplace_has_two_weeks_of_ECB_rates()
    {
        var path = Path.Combine(app.Database.DataDirectory, DemoSeeder.CredentialsFileName);
        using var credentials = JsonDocument.Parse(await File.ReadAllTextAsync(path, TestContext.Current.CancellationToken));
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", credentials.RootElement.GetProperty("operatorApiKey").GetString());

        var table = await (await client.GetAsync("/api/v1/fx/rates?date=2026-11-26", TestContext.Current.CancellationToken)).ReadJsonAsync();

        Assert.Equal(29, table.GetProperty("rates").GetArrayLength());
    }
}
