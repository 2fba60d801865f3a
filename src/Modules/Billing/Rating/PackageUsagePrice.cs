using Tradewind.Contracts.Billing;
using Tradewind.Contracts.Catalog;
using Tradewind.Primitives.Money;

namespace Tradewind.Billing.Rating;

/// <summary>
/// Billable units in whole packages: ceil(billable / size) × the package price; a started package is charged in full
/// (1,001 units at 1,000 per package are two packages). Free units are taken off before packing, so they never fill part
/// of a charged package.
/// </summary>
internal sealed class PackageUsagePrice(decimal packageSize, Money packagePrice) : UsagePrice
{
    public override PriceModelKind Kind => PriceModelKind.Package;

    public override PricedUsage Price(decimal free, decimal billable)
    {
        if (billable == 0)
        {
            return PricedUsage.Of([]);
        }

        var packages = Math.Ceiling(billable / packageSize);
        return PricedUsage.Of([new RatingStep(RatingStepLabels.Package, packages, packagePrice.ToMajorString(), packages * packagePrice.Amount)]);
    }
}
