using Tradewind.Catalog.Pricing;
using Tradewind.Contracts;
using Tradewind.Contracts.Catalog;
using Tradewind.Primitives.Money;

namespace Tradewind.Catalog.Tests.Pricing;

public sealed class PlanDefinitionTests
{
    private static readonly UsageDimension Requests = new("requests", "API requests", "request", new PriceModelTerms(PriceModelKind.PerUnit, UnitPrice: "0.002"));

    private static IReadOnlyDictionary<string, string[]> Errors(PlanTerms terms) =>
        Assert.Throws<ValidationFailedException>(() => PlanDefinition.Parse(terms)).Errors;

    [Fact]
    public void Installments_split_the_contract_price_exactly()
    {
        var plan = PlanDefinition.Parse(new PlanTerms("Annual", null, null, null, [Requests with { Price = null }],
            new ContractTerms(12, "1000.00", 12, false, [new Entitlement("requests", 1_000_000)])));

        var installments = plan.Installments();

        Assert.Equal(12, installments.Count);
        Assert.Equal(Money.FromMinor(100_000, Currency.USD), installments.Aggregate((a, b) => a.Add(b)));
        Assert.All(installments, i => Assert.InRange(i.MinorUnits, 8333, 8334));
        Assert.Equal([PricingModels.Contract], plan.PricingModels);
    }

    [Fact]
    public void A_usage_plan_with_a_trial_and_a_free_tier_offers_all_three()
    {
        var plan = PlanDefinition.Parse(new PlanTerms("Usage", null, new FreeTrialTerms(14, null), [new FreeUnits("requests", 1000)], [Requests], null));

        Assert.Equal([PricingModels.FreeTrial, PricingModels.FreeTier, PricingModels.Usage], plan.PricingModels);
        Assert.Equal((0.002m, "request"), plan.LowestPrice());
    }

    [Fact]
    public void Overage_needs_usage_dimensions_with_prices()
    {
        Assert.Contains("contract.overage", Errors(new PlanTerms("C", null, null, null, null, new ContractTerms(12, "100.00", 1, true, []))).Keys);
        Assert.Contains("dimensions[0].price", Errors(new PlanTerms("C", null, null, null, [Requests with { Price = null }],
            new ContractTerms(12, "100.00", 1, true, [new Entitlement("requests", 10)]))).Keys);
    }

    [Theory]
    [InlineData(6, 1, "contract.termMonths")]
    [InlineData(12, 13, "contract.installments")]
    [InlineData(12, 0, "contract.installments")]
    public void Contract_terms_are_1_12_24_or_36_months_in_up_to_one_installment_a_month(int months, int installments, string field)
    {
        Assert.Contains(field, Errors(new PlanTerms("C", null, null, null, [Requests with { Price = null }],
            new ContractTerms(months, "100.00", installments, false, [new Entitlement("requests", 10)]))).Keys);
    }

    [Fact]
    public void A_paid_plan_has_some_price_above_zero()
    {
        var free = Requests with { Price = new PriceModelTerms(PriceModelKind.PerUnit, UnitPrice: "0") };

        Assert.Contains("dimensions", Errors(new PlanTerms("U", null, null, null, [free], null)).Keys);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(91)]
    public void A_free_trial_lasts_1_to_90_days(int days)
    {
        Assert.Contains("freeTrial.days", Errors(new PlanTerms("U", null, new FreeTrialTerms(days, null), null, [Requests], null)).Keys);
    }

    [Theory]
    [InlineData("Requests")]
    [InlineData("1requests")]
    [InlineData("api-calls")]
    public void Dimension_keys_are_lower_case_snake_identifiers(string key)
    {
        Assert.Contains("dimensions[0].key", Errors(new PlanTerms("U", null, null, null, [Requests with { Key = key }], null)).Keys);
    }

    [Fact]
    public void Dimension_keys_are_unique_in_a_plan()
    {
        Assert.Contains("dimensions[1].key", Errors(new PlanTerms("U", null, null, null, [Requests, Requests], null)).Keys);
    }

    [Fact]
    public void Public_offers_are_priced_in_USD()
    {
        Assert.Contains("currency", Errors(new PlanTerms("U", null, null, null, [Requests], null, "EUR")).Keys);
    }
}
