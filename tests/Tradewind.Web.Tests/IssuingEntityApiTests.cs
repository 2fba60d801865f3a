using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Tradewind.Web.Tests.Infrastructure;

namespace Tradewind.Web.Tests;

public sealed class IssuingEntityApiTests(EntitiesApp app) : IClassFixture<EntitiesApp>
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("DE", "DE", "EU")] // EMEA buyer, seller entity in the EU
    [InlineData("FR", "GB", "EU")] // UK sellers are EMEA-eligible
    [InlineData("AE", "CH", "EU")] // Middle East buyer, Swiss seller
    [InlineData("NG", "IE", "EU")] // African buyer
    [InlineData("DE", "US", "US")] // EMEA buyer, US-only seller
    [InlineData("DE", "JP", "US")] // eligible, but not in EMEA
    [InlineData("TR", "DE", "US")] // Turkey is excluded
    [InlineData("ZA", "DE", "US")] // South Africa is excluded
    [InlineData("JP", "US", "JP")]
    [InlineData("AU", "DE", "AU")]
    [InlineData("KR", "GB", "KR")]
    [InlineData("IN", "IN", "IN")]
    [InlineData("IN", "US", "US")] // India entity only for Indian sellers
    [InlineData("BR", "DE", "US")]
    [InlineData("US", "US", "US")]
    [InlineData("SG", "AU", "US")]
    public async Task The_issuing_entity_follows_the_buyer_country_and_the_seller(string buyer, string seller, string expected)
    {
        var response = await app.ClientFor(app.Buyer).GetAsync($"/api/v1/issuing-entity?buyerCountry={buyer}&sellerCountry={seller}", _ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.ReadJsonAsync();
        Assert.Equal(expected, body.GetProperty("code").GetString());
        Assert.False(string.IsNullOrEmpty(body.GetProperty("legalName").GetString()));
        Assert.Equal(2, body.GetProperty("country").GetString()!.Length);
    }

    [Fact]
    public async Task The_EU_entity_is_the_Luxembourg_one()
    {
        var body = await (await app.ClientFor(app.SellerA).GetAsync("/api/v1/issuing-entity?buyerCountry=de&sellerCountry=de", _ct)).ReadJsonAsync();

        Assert.Equal("LU", body.GetProperty("country").GetString());
        Assert.Equal("Tradewind Marketplace Europe S.à r.l.", body.GetProperty("legalName").GetString());
    }

    [Theory]
    [InlineData("buyerCountry=XX&sellerCountry=DE", "buyerCountry")]
    [InlineData("buyerCountry=DE&sellerCountry=ZZ", "sellerCountry")]
    [InlineData("buyerCountry=DE", "sellerCountry")]
    public async Task An_unknown_country_is_refused_naming_the_field(string query, string field)
    {
        var response = await app.ClientFor(app.Operator).GetAsync($"/api/v1/issuing-entity?{query}", _ct);

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, "validation-failed");
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _));
    }

    [Fact]
    public async Task An_anonymous_caller_is_refused()
    {
        var response = await app.CreateClient().GetAsync("/api/v1/issuing-entity?buyerCountry=DE&sellerCountry=DE", _ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task The_default_routing_table_follows_the_marketplace_pattern()
    {
        var rules = await (await app.ClientFor(app.Operator).GetAsync("/api/v1/routing-rules", _ct)).ReadJsonAsync();

        var first = rules[0];
        Assert.Equal("EMEA", first.GetProperty("buyerCountries")[0].GetString());
        Assert.Equal(["TR", "ZA"], first.GetProperty("exceptBuyerCountries").EnumerateArray().Select(e => e.GetString()).ToArray());
        Assert.Equal("emeaEligible", first.GetProperty("sellerCondition").GetString());
        Assert.Equal("EU", first.GetProperty("entityCode").GetString());
        Assert.Equal("*", rules[rules.GetArrayLength() - 1].GetProperty("buyerCountries")[0].GetString());
    }

    [Fact]
    public async Task Editing_the_rules_changes_the_answers_and_only_the_operator_may()
    {
        var client = app.ClientFor(app.Operator);
        var original = await (await client.GetAsync("/api/v1/routing-rules", _ct)).ReadJsonAsync();
        try
        {
            var edited = new
            {
                rules = new object[]
                {
                    new { priority = 5, buyerCountries = new[] { "BR", "JP" }, sellerCondition = "any", entityCode = "EU" },
                    new { priority = 10, buyerCountries = new[] { "EMEA" }, exceptBuyerCountries = new[] { "TR", "ZA" }, sellerCondition = "emeaEligible", entityCode = "EU" },
                    new { priority = 50, buyerCountries = new[] { "IN" }, sellerCondition = "sellerCountry", sellerCountry = "IN", entityCode = "IN" },
                    new { priority = 1000, buyerCountries = new[] { "*" }, sellerCondition = "any", entityCode = "US" },
                },
            };

            Assert.Equal(HttpStatusCode.Forbidden, (await app.ClientFor(app.SellerA).PutAsJsonAsync("/api/v1/routing-rules", edited, _ct)).StatusCode);
            var put = await client.PutAsJsonAsync("/api/v1/routing-rules", edited, _ct);
            Assert.Equal(HttpStatusCode.OK, put.StatusCode);

            Assert.Equal("EU", await CodeAsync("BR", "US"));
            Assert.Equal("EU", await CodeAsync("JP", "US"));
            Assert.Equal("US", await CodeAsync("AU", "US"));
        }
        finally
        {
            var restore = original.EnumerateArray().Select(r => new
            {
                priority = r.GetProperty("priority").GetInt32(),
                buyerCountries = r.GetProperty("buyerCountries").Deserialize<string[]>(),
                exceptBuyerCountries = r.GetProperty("exceptBuyerCountries").Deserialize<string[]>(),
                sellerCondition = r.GetProperty("sellerCondition").GetString(),
                sellerCountry = r.GetProperty("sellerCountry").GetString(),
                entityCode = r.GetProperty("entityCode").GetString(),
            }).ToArray();
            Assert.Equal(HttpStatusCode.OK, (await client.PutAsJsonAsync("/api/v1/routing-rules", new { rules = restore }, _ct)).StatusCode);
        }

        Assert.Equal("JP", await CodeAsync("JP", "US"));
    }

    [Fact]
    public async Task A_rule_naming_an_unknown_entity_or_country_is_refused_and_the_table_is_unchanged()
    {
        var client = app.ClientFor(app.Operator);
        var before = await (await client.GetAsync("/api/v1/routing-rules", _ct)).Content.ReadAsStringAsync(_ct);

        var response = await client.PutAsJsonAsync(
            "/api/v1/routing-rules",
            new { rules = new object[] { new { priority = 1, buyerCountries = new[] { "XX" }, sellerCondition = "any", entityCode = "MARS" } } },
            _ct);

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, "validation-failed");
        var errors = problem.GetProperty("errors");
        Assert.True(errors.TryGetProperty("rules[0].buyerCountries", out _));
        Assert.Contains("There is no operator entity with code MARS.", errors.GetProperty("rules[0].entityCode")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(before, await (await client.GetAsync("/api/v1/routing-rules", _ct)).Content.ReadAsStringAsync(_ct));
    }

    private async Task<string?> CodeAsync(string buyer, string seller) =>
        (await (await app.ClientFor(app.Buyer).GetAsync($"/api/v1/issuing-entity?buyerCountry={buyer}&sellerCountry={seller}", _ct)).ReadJsonAsync())
            .GetProperty("code").GetString();
}
