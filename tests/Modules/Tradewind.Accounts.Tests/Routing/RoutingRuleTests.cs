using Microsoft.Extensions.Time.Testing;
using Tradewind.Accounts.Routing;
using Tradewind.Contracts.Accounts;
using Tradewind.Primitives.Ids;

namespace Tradewind.Accounts.Tests.Routing;

public sealed class RoutingRuleTests
{
    private static readonly FakeTimeProvider Clock = new(new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero));
    private static readonly HashSet<string> AllEntities = new(["US", "EU", "IN", "AU", "JP", "KR"], StringComparer.Ordinal);

    private static List<RoutingRule> Defaults() => DefaultRoutingRules.Rules.Select(ToRule).ToList();

    private static RoutingRule ToRule(RoutingRuleInput input) => new()
    {
        Id = RoutingRuleId.New(Clock),
        Priority = input.Priority,
        BuyerCountries = input.BuyerCountries.ToList(),
        ExceptBuyerCountries = input.ExceptBuyerCountries?.ToList() ?? [],
        SellerCondition = input.SellerCondition,
        SellerCountry = input.SellerCountry,
        EntityCode = input.EntityCode,
    };

    [Theory]
    [InlineData("DE", "FR", "EU")]
    [InlineData("GB", "IE", "EU")]
    [InlineData("IL", "CH", "EU")]
    [InlineData("KE", "NO", "EU")]
    [InlineData("DE", "US", "US")]
    [InlineData("DE", "IN", "US")]
    [InlineData("TR", "DE", "US")]
    [InlineData("ZA", "DE", "US")]
    [InlineData("JP", "DE", "JP")]
    [InlineData("AU", "US", "AU")]
    [InlineData("KR", "JP", "KR")]
    [InlineData("IN", "IN", "IN")]
    [InlineData("IN", "US", "US")]
    [InlineData("BR", "BR", "US")]
    [InlineData("CA", "DE", "US")]
    public void The_default_table_routes_each_country_group_to_its_entity(string buyer, string seller, string expected)
    {
        Assert.Equal(expected, RoutingRule.Resolve(Defaults(), AllEntities, buyer, seller)?.EntityCode);
    }

    [Fact]
    public void A_rule_whose_entity_does_not_exist_is_skipped()
    {
        var withoutEu = new HashSet<string>(["US", "JP"], StringComparer.Ordinal);

        Assert.Equal("US", RoutingRule.Resolve(Defaults(), withoutEu, "DE", "DE")?.EntityCode);
        Assert.Equal("US", RoutingRule.Resolve(Defaults(), withoutEu, "AU", "DE")?.EntityCode);
    }

    [Fact]
    public void Without_a_catch_all_an_unmatched_buyer_has_no_entity()
    {
        var rules = Defaults().Where(r => !r.BuyerCountries.Contains(RoutingRule.AllCountries)).ToList();

        Assert.Null(RoutingRule.Resolve(rules, AllEntities, "BR", "US"));
    }

    [Fact]
    public void Rules_are_tried_by_priority_not_by_order_of_the_list()
    {
        var rules = Defaults();
        rules.Add(ToRule(new RoutingRuleInput(1, ["JP"], null, SellerCondition.Any, null, "US")));

        Assert.Equal("US", RoutingRule.Resolve(rules, AllEntities, "JP", "JP")?.EntityCode);
    }

    [Fact]
    public void A_seller_country_rule_matches_only_that_country()
    {
        var rule = ToRule(new RoutingRuleInput(1, ["IN"], null, SellerCondition.SellerCountry, "IN", "IN"));

        Assert.True(rule.Matches("IN", "IN"));
        Assert.False(rule.Matches("IN", "US"));
        Assert.False(rule.Matches("US", "IN"));
    }
}
