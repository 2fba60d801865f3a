using Tradewind.Contracts.Billing;
using Tradewind.Contracts.Catalog;

namespace Tradewind.Billing.Rating;

/// <summary>
/// Each tier prices the billable units that fall in it, counting from the period's first unit: after 600 free units, with
/// tiers 0–1000 at 0.01 and 1000+ at 0.008, 900 billable units are 400 × 0.01 + 500 × 0.008. The amount never decreases
/// as usage grows.
/// </summary>
internal sealed class GraduatedUsagePrice(IReadOnlyList<RatingTier> tiers) : UsagePrice
{
    public override PriceModelKind Kind => PriceModelKind.Graduated;

    public override PricedUsage Price(decimal free, decimal billable)
    {
        var total = free + billable;
        var steps = new List<RatingStep>();
        foreach (var tier in tiers)
        {
            var units = tier.UnitsOf(total) - tier.UnitsOf(free);
            if (units > 0)
            {
                steps.Add(new RatingStep(RatingStepLabels.Tier, units, tier.UnitPriceText, units * tier.UnitPrice, tier.From, tier.UpTo));
            }
        }

        return PricedUsage.Of(steps);
    }
}
