using System.Net;
using Tradewind.Web.Tests.Infrastructure;

namespace Tradewind.Web.Tests;

public sealed class ReferenceDataApiTests(TradewindApp app) : IClassFixture<TradewindApp>
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task Currencies_list_ISO_4217_codes_with_their_minor_units()
    {
        var response = await app.CreateClient().GetAsync("/api/v1/currencies", _ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("max-age=", response.Headers.CacheControl?.ToString(), StringComparison.Ordinal);
        var currencies = (await response.ReadJsonAsync()).EnumerateArray().ToList();
        Assert.True(currencies.Count >= 150, $"only {currencies.Count} currencies");
        int MinorUnits(string code) => currencies.Single(c => c.GetProperty("code").GetString() == code).GetProperty("minorUnits").GetInt32();
        Assert.Equal(2, MinorUnits("USD"));
        Assert.Equal(0, MinorUnits("JPY"));
        Assert.Equal(0, MinorUnits("KRW"));
        Assert.Equal(3, MinorUnits("BHD"));
        Assert.Equal("Euro", currencies.Single(c => c.GetProperty("code").GetString() == "EUR").GetProperty("name").GetString());
    }

    [Fact]
    public async Task Countries_list_all_ISO_3166_codes_with_tax_subdivisions()
    {
        var countries = (await (await app.CreateClient().GetAsync("/api/v1/countries", _ct)).ReadJsonAsync()).EnumerateArray().ToList();

        Assert.Equal(249, countries.Count);
        var us = countries.Single(c => c.GetProperty("code").GetString() == "US");
        var states = us.GetProperty("subdivisions").EnumerateArray().Select(s => s.GetProperty("code").GetString()).ToList();
        Assert.Contains("US-CA", states);
        Assert.Contains("US-DC", states);
        Assert.Equal(13, countries.Single(c => c.GetProperty("code").GetString() == "CA").GetProperty("subdivisions").GetArrayLength());
        Assert.Equal(36, countries.Single(c => c.GetProperty("code").GetString() == "IN").GetProperty("subdivisions").GetArrayLength());
        Assert.Equal(0, countries.Single(c => c.GetProperty("code").GetString() == "DE").GetProperty("subdivisions").GetArrayLength());
    }

    [Fact]
    public async Task One_country_is_found_by_its_code_in_any_case()
    {
        var germany = await (await app.CreateClient().GetAsync("/api/v1/countries/de", _ct)).ReadJsonAsync();

        Assert.Equal("DE", germany.GetProperty("code").GetString());
        Assert.Equal("Germany", germany.GetProperty("name").GetString());
        Assert.Equal("DEU", germany.GetProperty("alpha3").GetString());
    }

    [Fact]
    public async Task An_unknown_country_code_is_a_404_problem()
    {
        var response = await app.CreateClient().GetAsync("/api/v1/countries/ZZ", _ct);

        await response.AssertProblemAsync(HttpStatusCode.NotFound, "country-not-found");
    }
}
