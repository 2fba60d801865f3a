using Tradewind.Contracts.Billing;
using Tradewind.Contracts.Catalog;
using Tradewind.Primitives.Money;

namespace Tradewind.Billing.Rating;

/// <summary>Every billable unit at one price, which may be finer than a cent (0.00042 × 1,234,567 = 518.51814).</summary>
internal sealed class PerUnitUsagePrice(UnitPrice unitPrice) : UsagePrice
{
    public override PriceModelKind Kind => PriceModelKind.PerUnit;

    public override PricedUsage Price(decimal free, decimal billable) =>
        billable == 0
            ? PricedUsage.Of([])
            : PricedUsage.Of([new RatingStep(RatingStepLabels.Unit, billable, unitPrice.ToAmountString(), billable * unitPrice.Amount)]);
}
