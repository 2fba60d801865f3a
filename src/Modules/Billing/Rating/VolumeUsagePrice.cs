using Tradewind.Contracts.Billing;
using Tradewind.Contracts.Catalog;

namespace Tradewind.Billing.Rating;

/// <summary>
/// All billable units at the price of the tier the period's total usage (free units included) falls in: with tiers
/// 0–1000 at 0.01 and 1000+ at 0.008, 1,001 units cost 1,001 × 0.008 = 8.008, less than 1,000 units (10.00).
/// </summary>
internal sealed class VolumeUsagePrice(IReadOnlyList<RatingTier> tiers) : UsagePrice
{
    public override PriceModelKind Kind => PriceModelKind.Volume;

    /// <summary>The tier a total of <paramref name="quantity"/> units falls in; zero units belong to the first tier.</summary>
    public RatingTier TierFor(decimal quantity) => quantity == 0 ? tiers[0] : tiers.First(t => t.Contains(quantity));

    public override PricedUsage Price(decimal free, decimal billable)
    {
        if (billable == 0)
        {
            return PricedUsage.Of([]);
        }

        var tier = TierFor(free + billable);
        return PricedUsage.Of([new RatingStep(RatingStepLabels.Tier, billable, tier.UnitPriceText, billable * tier.UnitPrice, tier.From, tier.UpTo)]);
    }
}
