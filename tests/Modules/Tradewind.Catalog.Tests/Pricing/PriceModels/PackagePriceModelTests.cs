using CsCheck;
using Tradewind.Contracts.Catalog;
using Tradewind.Primitives.Money;
using static Tradewind.Catalog.Tests.Pricing.PriceModels.PriceModelCases;

namespace Tradewind.Catalog.Tests.Pricing.PriceModels;

public sealed class PackagePriceModelTests
{
    private readonly Tradewind.Catalog.Pricing.PriceModels.IPriceModel _model =
        Build(new PriceModelTerms(PriceModelKind.Package, PackageSize: 1000, PackagePrice: "5.00"));

    [Fact]
    public void A_started_package_is_charged_in_full()
    {
        Assert.Equal(Money.Zero(Currency.USD), _model.Charge(0, MidpointRounding.ToEven));
        Assert.Equal(Money.FromMinor(500, Currency.USD), _model.Charge(1, MidpointRounding.ToEven));
        Assert.Equal(Money.FromMinor(500, Currency.USD), _model.Charge(1000, MidpointRounding.ToEven));
        Assert.Equal(Money.FromMinor(1000, Currency.USD), _model.Charge(1001, MidpointRounding.ToEven));
    }

    [Fact]
    public void The_charge_is_the_number_of_started_packages_times_the_package_price()
    {
        Gen.Int[0, 10_000_000].Sample(q =>
            _model.Charge(q, MidpointRounding.ToEven).MinorUnits == (long)Math.Ceiling(q / 1000m) * 500);
    }

    [Fact]
    public void A_package_of_no_units_is_refused()
    {
        var errors = Errors(new PriceModelTerms(PriceModelKind.Package, PackageSize: 0, PackagePrice: "5.00"));

        Assert.Contains("price.packageSize", errors.Keys);
    }
}
