using Tradewind.Contracts;
using Tradewind.Contracts.Catalog;
using Tradewind.Primitives.Money;

namespace Tradewind.Catalog.Pricing.PriceModels;

/// <summary>
/// Each tier prices the units that fall in it: with tiers 0–1000 at 0.01 and 1000+ at 0.008, 1,500 units cost
/// 1000 × 0.01 + 500 × 0.008. The sum is exact before the one rounding, so the charge never depends on how usage was split.
/// </summary>
internal sealed class GraduatedPriceModel(IReadOnlyList<Tier> tiers, Currency currency) : IPriceModel
{
    public IReadOnlyList<Tier> Tiers { get; } = tiers;

    public PriceModelKind Kind => PriceModelKind.Graduated;

    public bool HasPositivePrice => Tiers.Any(t => t.UnitPrice.Amount > 0);

    public decimal? LowestPositiveUnitPrice => TierLadder.LowestPositive(Tiers);

    public void Validate(Validation validation, string field) => TierLadder.Validate(Tiers, validation, field);

    public IReadOnlyList<PriceTableRow> Describe() =>
        Tiers.Select(t => TierLadder.Row(t, $"{t.RangeText} units: {t.UnitPrice} per unit")).ToList();

    public Money Charge(decimal quantity, MidpointRounding rounding)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(quantity);
        var exact = Tiers.Sum(t => t.UnitsOf(quantity) * t.UnitPrice.Amount);
        return Money.FromMajor(exact, currency, rounding);
    }
}
