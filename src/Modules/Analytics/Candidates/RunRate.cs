using System.Globalization;
using Tradewind.Contracts.Catalog;

namespace Tradewind.Analytics.Candidates;

/// <summary>What a month of usage costs at a plan's prices (major units), free-tier units first.</summary>
internal static class RunRate
{
    public static decimal Price(PriceModelTerms price, decimal quantity)
    {
        if (quantity <= 0)
        {
            return 0;
        }

        switch (price.Model)
        {
            case PriceModelKind.PerUnit:
                return quantity * Parse(price.UnitPrice);
            case PriceModelKind.Package:
                var size = price.PackageSize is > 0 ? price.PackageSize.Value : 1;
                return decimal.Ceiling(quantity / size) * Parse(price.PackagePrice);
            case PriceModelKind.Volume:
                var tiers = price.Tiers ?? [];
                var tier = tiers.FirstOrDefault(t => t.UpTo is null || quantity <= t.UpTo) ?? (tiers.Count > 0 ? tiers[^1] : null);
                return tier is null ? 0 : quantity * Parse(tier.UnitPrice);
            case PriceModelKind.Graduated:
                var total = 0m;
                foreach (var t in price.Tiers ?? [])
                {
                    var upper = t.UpTo is { } up ? Math.Min(up, quantity) : quantity;
                    if (upper > t.From)
                    {
                        total += (upper - t.From) * Parse(t.UnitPrice);
                    }
                }

                return total;
            default:
                return 0;
        }
    }

    /// <summary>The cost of <paramref name="usageByDimension"/> at <paramref name="terms"/>; null when the plan has no usage prices.</summary>
    public static decimal? Monthly(PlanTerms terms, IReadOnlyDictionary<string, decimal> usageByDimension)
    {
        var priced = (terms.Dimensions ?? []).Where(d => d.Price is not null).ToList();
        if (priced.Count == 0)
        {
            return null;
        }

        var total = 0m;
        foreach (var dimension in priced)
        {
            var used = usageByDimension.GetValueOrDefault(dimension.Key);
            var free = (terms.FreeTier ?? []).Where(f => f.Dimension == dimension.Key).Sum(f => f.UnitsPerMonth);
            total += Price(dimension.Price!, Math.Max(0, used - free));
        }

        return decimal.Round(total, 2, MidpointRounding.AwayFromZero);
    }

    private static decimal Parse(string? value) =>
        decimal.TryParse(value, NumberStyles.Number, CultureInfo.InvariantCulture, out var parsed) ? parsed : 0;
}
