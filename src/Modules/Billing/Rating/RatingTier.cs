namespace Tradewind.Billing.Rating;

/// <summary>
/// One rung of a graduated or volume ladder, with the catalog's meaning of <c>PriceTier</c>: the units above
/// <see cref="From"/> up to and including <see cref="UpTo"/> (null: no upper end) cost <see cref="UnitPrice"/> each.
/// With tiers 0–1000 and 1000+, unit 1,000 is in the first tier and unit 1,001 in the second.
/// </summary>
internal sealed record RatingTier(decimal From, decimal? UpTo, decimal UnitPrice, string UnitPriceText)
{
    /// <summary>How many of the units numbered 1..<paramref name="quantity"/> fall in this tier.</summary>
    public decimal UnitsOf(decimal quantity) => Math.Max(0, Math.Min(quantity, UpTo ?? decimal.MaxValue) - From);

    /// <summary>True when a total of <paramref name="quantity"/> units ends in this tier.</summary>
    public bool Contains(decimal quantity) => quantity > From && (UpTo is null || quantity <= UpTo);
}
