using Tradewind.Contracts;
using Tradewind.Contracts.Catalog;
using Tradewind.Primitives.Money;

namespace Tradewind.Catalog.Pricing.PriceModels;

/// <summary>
/// How one usage dimension turns a quantity into money. Implementations are built by <see cref="PriceModelFactory"/>
/// from the seller's terms, report their own rule breaks through <see cref="Validate"/>, and are only charged once valid.
/// Billing rates usage through <see cref="Charge"/>; the storefront shows <see cref="Describe"/>.
/// </summary>
internal interface IPriceModel
{
    PriceModelKind Kind { get; }

    /// <summary>True when some quantity costs more than nothing.</summary>
    bool HasPositivePrice { get; }

    /// <summary>The lowest positive price of one unit, for "from" prices; null when every price is 0.</summary>
    decimal? LowestPositiveUnitPrice { get; }

    /// <summary>Adds an error for every rule this model breaks, under <paramref name="field"/> (e.g. <c>dimensions[0].price</c>).</summary>
    void Validate(Validation validation, string field);

    /// <summary>The model as pricing-table rows, lowest quantities first.</summary>
    IReadOnlyList<PriceTableRow> Describe();

    /// <summary>
    /// The charge for <paramref name="quantity"/> units (≥ 0) in one period, computed exactly in <see cref="decimal"/> and
    /// rounded once, at the end, to the currency's minor unit with <paramref name="rounding"/>.
    /// </summary>
    Money Charge(decimal quantity, MidpointRounding rounding);
}
