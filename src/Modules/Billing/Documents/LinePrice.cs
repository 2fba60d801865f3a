using System.Globalization;

namespace Tradewind.Billing.Documents;

/// <summary>
/// How a line's quantity and price are written in UBL so that Peppol rule R120 holds:
/// <c>LineExtensionAmount = quantity × PriceAmount / BaseQuantity</c> (±0.02), and EN 16931 BR-27 (no negative price).
/// </summary>
/// <remarks>
/// The line's own unit price (which may be finer than a cent) is kept when quantity × unit price rounds to the
/// line's amount and lies within R120's 0.02 of it (for currencies without decimals rounding alone can differ by 0.5). Otherwise (graduated tiers, prorated fees, a re-rated difference) the price is the exact amount
/// for the whole quantity, stated per <c>BaseQuantity</c> = quantity. A line without a quantity is one unit at
/// its amount. A negative amount (a credit on an invoice) gets a negative quantity, never a negative price.
/// </remarks>
internal readonly record struct LinePrice(decimal Quantity, decimal PriceAmount, decimal? BaseQuantity)
{
    /// <summary>Peppol R120's allowance, in major units of any currency (so a yen amount rounded from 0.05 is already outside it).</summary>
    public const decimal Tolerance = 0.02m;

    public static LinePrice For(decimal quantity, string? unitPrice, decimal amount, int minorUnits)
    {
        var sign = amount < 0 ? -1m : 1m;
        var magnitude = Math.Abs(amount);
        var absQuantity = Math.Abs(quantity);
        if (absQuantity == 0)
        {
            return new LinePrice(sign, magnitude, null);
        }

        if (decimal.TryParse(unitPrice, NumberStyles.Number, CultureInfo.InvariantCulture, out var price) && price >= 0
            && decimal.Round(absQuantity * price, minorUnits, MidpointRounding.AwayFromZero) == magnitude
            && Math.Abs((absQuantity * price) - magnitude) <= Tolerance)
        {
            return new LinePrice(sign * absQuantity, price, null);
        }

        return new LinePrice(sign * absQuantity, magnitude, absQuantity);
    }
}
