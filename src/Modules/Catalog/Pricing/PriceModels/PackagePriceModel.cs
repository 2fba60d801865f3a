using Tradewind.Contracts;
using Tradewind.Contracts.Catalog;
using Tradewind.Primitives.Money;

namespace Tradewind.Catalog.Pricing.PriceModels;

/// <summary>
/// Units sold in packages: ceil(quantity / <see cref="PackageSize"/>) × <see cref="PackagePrice"/>. A started package is
/// charged in full (1,001 units at 1,000 per package are two packages); zero units cost nothing.
/// </summary>
internal sealed class PackagePriceModel(decimal packageSize, Money packagePrice) : IPriceModel
{
    public decimal PackageSize { get; } = packageSize;

    public Money PackagePrice { get; } = packagePrice;

    public PriceModelKind Kind => PriceModelKind.Package;

    public bool HasPositivePrice => PackagePrice.IsPositive;

    public decimal? LowestPositiveUnitPrice =>
        HasPositivePrice && PackageSize > 0 && decimal.Round(PackagePrice.Amount / PackageSize, UnitPrice.MaxDecimalPlaces, MidpointRounding.AwayFromZero) is > 0 and var unit
            ? unit
            : null;

    public void Validate(Validation validation, string field)
    {
        validation
            .Require(PackageSize > 0, $"{field}.packageSize", "A package holds more than 0 units.")
            .Require(!PackagePrice.IsNegative, $"{field}.packagePrice", "A package price cannot be negative.");
    }

    public IReadOnlyList<PriceTableRow> Describe() =>
        [new(0, null, PackagePrice.ToMajorString(), PackageSize, $"every {Tier.Quantity(PackageSize)} units (or part of them): {PackagePrice}")];

    public decimal Packages(decimal quantity) => Math.Ceiling(quantity / PackageSize);

    public Money Charge(decimal quantity, MidpointRounding rounding)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(quantity);
        return PackagePrice.Multiply(Packages(quantity), rounding);
    }
}
