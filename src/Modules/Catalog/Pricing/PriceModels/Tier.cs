using System.Globalization;
using Tradewind.Contracts;
using Tradewind.Contracts.Catalog;
using Tradewind.Primitives.Money;

namespace Tradewind.Catalog.Pricing.PriceModels;

/// <summary>Units above <see cref="From"/> up to and including <see cref="UpTo"/> (null: unbounded) at <see cref="UnitPrice"/>.</summary>
internal sealed record Tier(decimal From, decimal? UpTo, UnitPrice UnitPrice)
{
    /// <summary>How many of <paramref name="quantity"/> units fall in this tier.</summary>
    public decimal UnitsOf(decimal quantity) => Math.Max(0, Math.Min(quantity, UpTo ?? decimal.MaxValue) - From);

    public bool Contains(decimal quantity) => quantity > From && (UpTo is null || quantity <= UpTo);

    public string RangeText => UpTo is { } upTo ? $"{Quantity(From)}–{Quantity(upTo)}" : $"{Quantity(From)}+";

    public static string Quantity(decimal value) => value.ToString("0.############", CultureInfo.InvariantCulture);
}

/// <summary>The ladder rules graduated and volume pricing share: ordered, from 0, contiguous, open at the top.</summary>
internal static class TierLadder
{
    public static void Validate(IReadOnlyList<Tier> tiers, Validation validation, string field)
    {
        if (tiers.Count == 0)
        {
            validation.Add($"{field}.tiers", "Give at least one tier; the last has no upper end (upTo: null).");
            return;
        }

        if (tiers[0].From != 0)
        {
            validation.Add($"{field}.tiers[0].from", "The first tier starts at 0.");
        }

        for (var i = 0; i < tiers.Count; i++)
        {
            var tier = tiers[i];
            var at = $"{field}.tiers[{i}]";
            var last = i == tiers.Count - 1;
            if (i > 0 && tiers[i - 1].UpTo is { } previousEnd)
            {
                if (tier.From > previousEnd)
                {
                    validation.Add($"{at}.from", $"Gap: the previous tier ends at {Tier.Quantity(previousEnd)}, so this one must start there.");
                }
                else if (tier.From < previousEnd)
                {
                    validation.Add($"{at}.from", $"Overlap: the previous tier ends at {Tier.Quantity(previousEnd)}, so this one must start there.");
                }
            }

            if (tier.UpTo is { } upTo && upTo <= tier.From)
            {
                validation.Add($"{at}.upTo", "A tier's upTo must be greater than where it starts (and than the previous tier's upTo).");
            }

            if (!last && tier.UpTo is null)
            {
                validation.Add($"{at}.upTo", "Only the last tier is open-ended; give this one an upTo.");
            }

            if (last && tier.UpTo is not null)
            {
                validation.Add($"{at}.upTo", "The last tier must be open-ended (upTo: null), so every quantity has a price.");
            }
        }
    }

    public static decimal? LowestPositive(IEnumerable<Tier> tiers) =>
        tiers.Select(t => t.UnitPrice.Amount).Where(p => p > 0).DefaultIfEmpty().Min() is var min and > 0 ? min : null;

    public static PriceTableRow Row(Tier tier, string text) => new(tier.From, tier.UpTo, tier.UnitPrice.ToAmountString(), 1, text);
}
