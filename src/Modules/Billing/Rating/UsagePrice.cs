using Tradewind.Contracts.Catalog;
using Tradewind.Primitives.Money;

namespace Tradewind.Billing.Rating;

/// <summary>
/// A dimension's price model, read from published (already validated) terms, pricing the billable units of one period
/// exactly in <see cref="decimal"/>; the caller rounds once per line.
/// </summary>
/// <remarks>
/// Free units (trial quota, free tier, contract entitlement) are the period's first units: a zero-priced bottom of the
/// ladder. <see cref="Price"/> therefore receives how many units were <c>free</c> and how many are <c>billable</c> after
/// them, so graduated and volume tiers are positioned on the period's total usage (see decision 0021).
/// </remarks>
internal abstract class UsagePrice
{
    public abstract PriceModelKind Kind { get; }

    /// <summary>The charge for the <paramref name="billable"/> units that follow <paramref name="free"/> free units in the period.</summary>
    public abstract PricedUsage Price(decimal free, decimal billable);

    public static UsagePrice From(PriceModelTerms terms, Currency currency)
    {
        ArgumentNullException.ThrowIfNull(terms);
        return terms.Model switch
        {
            PriceModelKind.PerUnit => new PerUnitUsagePrice(ReadUnitPrice(terms.UnitPrice, currency)),
            PriceModelKind.Graduated => new GraduatedUsagePrice(ReadTiers(terms.Tiers, currency)),
            PriceModelKind.Volume => new VolumeUsagePrice(ReadTiers(terms.Tiers, currency)),
            PriceModelKind.Package => new PackageUsagePrice(
                terms.PackageSize ?? throw new InvalidOperationException("A package price needs a package size."),
                Money.Parse(terms.PackagePrice ?? throw new InvalidOperationException("A package price needs a price."), currency)),
            _ => throw new InvalidOperationException($"Unknown price model {terms.Model}."),
        };
    }

    private static UnitPrice ReadUnitPrice(string? text, Currency currency) =>
        UnitPrice.Parse(text ?? throw new InvalidOperationException("A per-unit price needs a unit price."), currency);

    private static List<RatingTier> ReadTiers(IReadOnlyList<PriceTier>? tiers, Currency currency)
    {
        if (tiers is null || tiers.Count == 0)
        {
            throw new InvalidOperationException("A tiered price needs at least one tier.");
        }

        return tiers.Select(t =>
        {
            var price = ReadUnitPrice(t.UnitPrice, currency);
            return new RatingTier(t.From, t.UpTo, price.Amount, price.ToAmountString());
        }).ToList();
    }
}
