using Tradewind.Contracts.Catalog;
using Tradewind.Primitives.Money;

namespace Tradewind.Catalog.Pricing;

/// <summary>What a product's published plans offer together, computed at approval and kept with the product for cards and search.</summary>
internal static class PricingSummary
{
    public static PricingSummaryDto Of(IReadOnlyList<PlanDefinition> plans)
    {
        var models = PricingModels.All.Where(m => plans.Any(p => p.PricingModels.Contains(m, StringComparer.Ordinal))).ToList();
        (decimal Amount, string Per)? lowest = null;
        foreach (var plan in plans)
        {
            if (plan.LowestPrice() is { } price && (lowest is null || price.Amount < lowest.Value.Amount))
            {
                lowest = price;
            }
        }

        return lowest is { } from
            ? new PricingSummaryDto(models, UnitPrice.Of(from.Amount, Currency.USD).ToAmountString(), Currency.USD.Code, from.Per)
            : new PricingSummaryDto(models, null, null, null);
    }
}
