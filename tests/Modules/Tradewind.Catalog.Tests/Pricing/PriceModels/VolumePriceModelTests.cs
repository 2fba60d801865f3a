using CsCheck;
using Tradewind.Contracts.Catalog;
using Tradewind.Primitives.Money;
using static Tradewind.Catalog.Tests.Pricing.PriceModels.PriceModelCases;

namespace Tradewind.Catalog.Tests.Pricing.PriceModels;

public sealed class VolumePriceModelTests
{
    private readonly Tradewind.Catalog.Pricing.PriceModels.IPriceModel _model = Build(Tiers(PriceModelKind.Volume, DiscountLadder));

    [Theory]
    [InlineData(0, 0)]
    [InlineData(1000, 1000)]
    [InlineData(1001, 801)]
    [InlineData(20000, 10000)]
    public void All_units_are_priced_at_the_tier_the_total_falls_in(int quantity, long expectedCents)
    {
        Assert.Equal(Money.FromMinor(expectedCents, Currency.USD), _model.Charge(quantity, MidpointRounding.ToEven));
    }

    [Fact]
    public void The_charge_is_the_quantity_times_the_price_of_its_tier()
    {
        Gen.Int[0, 100_000].Sample(q =>
        {
            var price = q <= 1000 ? 0.01m : q <= 10000 ? 0.008m : 0.005m;
            return _model.Charge(q, MidpointRounding.ToEven) == Money.FromMajor(q * price, Currency.USD, MidpointRounding.ToEven);
        });
    }
}
