using Tradewind.Contracts;
using Tradewind.Contracts.Catalog;
using Tradewind.Primitives.Money;

namespace Tradewind.Catalog.Pricing.PriceModels;

/// <summary>
/// All units at the price of the tier the period's total falls in: with tiers 0–1000 at 0.01 and 1000+ at 0.008,
/// 1,500 units cost 1500 × 0.008. The charge is piecewise linear and may drop when the total crosses into a cheaper tier.
/// </summary>
internal sealed class VolumePriceModel(IReadOnlyList<Tier> tiers) : IPriceModel
{
    public IReadOnlyList<Tier> Tiers { get; } = tiers;

    public PriceModelKind Kind => PriceModelKind.Volume;

    public bool HasPositivePrice => Tiers.Any(t => t.UnitPrice.Amount > 0);

    public decimal? LowestPositiveUnitPrice => TierLadder.LowestPositive(Tiers);

    public void Validate(Validation validation, string field) => TierLadder.Validate(Tiers, validation, field);

    public IReadOnlyList<PriceTableRow> Describe() =>
        Tiers.Select(t => TierLadder.Row(t, $"{t.RangeText} units in total: every unit at {t.UnitPrice}")).ToList();

    /// <summary>The tier whose range holds <paramref name="quantity"/>; zero units belong to the first tier.</summary>
    public Tier TierFor(decimal quantity) => quantity == 0 ? Tiers[0] : Tiers.First(t => t.Contains(quantity));

    public Money Charge(decimal quantity, MidpointRounding rounding)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(quantity);
        return TierFor(quantity).UnitPrice.Extend(quantity, rounding);
    }
}
