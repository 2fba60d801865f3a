using CsCheck;
using Tradewind.Contracts.Catalog;
using Tradewind.Primitives.Money;
using static Tradewind.Catalog.Tests.Pricing.PriceModels.PriceModelCases;

namespace Tradewind.Catalog.Tests.Pricing.PriceModels;

public sealed class GraduatedPriceModelTests
{
    private readonly Tradewind.Catalog.Pricing.PriceModels.IPriceModel _model = Build(Tiers(PriceModelKind.Graduated, DiscountLadder));

    [Theory]
    [InlineData(0, 0)]
    [InlineData(1000, 1000)]
    [InlineData(1500, 1400)]
    [InlineData(12000, 9200)]
    public void Each_tier_prices_the_units_that_fall_in_it(int quantity, long expectedCents)
    {
        // 1,500 = 1,000 × 0.01 + 500 × 0.008 = 14.00; 12,000 = 10.00 + 72.00 + 10.00.
        var expected = Money.FromMinor(expectedCents, Currency.USD);
        Assert.Equal(expected, _model.Charge(quantity, MidpointRounding.ToEven));
    }

    [Fact]
    public void Sub_cent_prices_are_summed_exactly_and_rounded_once()
    {
        var model = Build(Tiers(PriceModelKind.Graduated, new PriceTier(0, 3, "0.001"), new PriceTier(3, null, "0.0015")));

        // 3 × 0.001 + 3 × 0.0015 = 0.0075: rounded once it is 0.01; rounding each tier first would give 0.00.
        Assert.Equal(Money.FromMinor(1, Currency.USD), model.Charge(6, MidpointRounding.AwayFromZero));
    }

    [Fact]
    public void The_charge_never_decreases_as_the_quantity_grows()
    {
        Gen.Select(Gen.Int[0, 50_000], Gen.Int[0, 50_000]).Sample((a, b) =>
            _model.Charge(Math.Min(a, b), MidpointRounding.ToEven) <= _model.Charge(Math.Max(a, b), MidpointRounding.ToEven));
    }

    [Fact]
    public void Adding_b_units_costs_between_b_at_the_lowest_and_b_at_the_highest_tier_price()
    {
        Gen.Select(Gen.Int[0, 50_000], Gen.Int[0, 50_000]).Sample((a, b) =>
        {
            var extra = _model.Charge(a + b, MidpointRounding.ToEven).Subtract(_model.Charge(a, MidpointRounding.ToEven)).MinorUnits;
            // Each charge is rounded once, so the difference may be off by one cent either way.
            return extra >= decimal.Floor(b * 0.5m) - 1 && extra <= decimal.Ceiling(b * 1m) + 1;
        });
    }

    [Fact]
    public void One_tier_charges_like_a_per_unit_price()
    {
        var graduated = Build(Tiers(PriceModelKind.Graduated, new PriceTier(0, null, "0.0125")));
        var perUnit = Build(new PriceModelTerms(PriceModelKind.PerUnit, UnitPrice: "0.0125"));

        Gen.Int[0, 1_000_000].Sample(q => graduated.Charge(q, MidpointRounding.ToEven) == perUnit.Charge(q, MidpointRounding.ToEven));
    }

    [Fact]
    public void The_pricing_table_has_one_row_per_tier()
    {
        var rows = _model.Describe();

        Assert.Equal(["0–1000 units: 0.01 USD per unit", "1000–10000 units: 0.008 USD per unit", "10000+ units: 0.005 USD per unit"], rows.Select(r => r.Text));
        Assert.Null(rows[^1].UpTo);
    }
}
