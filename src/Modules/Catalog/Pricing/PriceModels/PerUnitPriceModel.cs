using Tradewind.Contracts;
using Tradewind.Contracts.Catalog;
using Tradewind.Primitives.Money;

namespace Tradewind.Catalog.Pricing.PriceModels;

/// <summary>Every unit at one price, which may be finer than a cent (0.0125 USD per call). <see cref="UnitPrice"/> is never negative.</summary>
internal sealed class PerUnitPriceModel(UnitPrice unitPrice) : IPriceModel
{
    public UnitPrice UnitPrice { get; } = unitPrice;

    public PriceModelKind Kind => PriceModelKind.PerUnit;

    public bool HasPositivePrice => UnitPrice.Amount > 0;

    public decimal? LowestPositiveUnitPrice => HasPositivePrice ? UnitPrice.Amount : null;

    public void Validate(Validation validation, string field)
    {
        // UnitPrice cannot be negative or over-precise; nothing else can be wrong with one price.
    }

    public IReadOnlyList<PriceTableRow> Describe() =>
        [new(0, null, UnitPrice.ToAmountString(), 1, $"every unit: {UnitPrice} per unit")];

    public Money Charge(decimal quantity, MidpointRounding rounding) => UnitPrice.Extend(quantity, rounding);
}
