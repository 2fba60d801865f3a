using Tradewind.Billing.Rating;
using Tradewind.Contracts.Billing;
using Tradewind.Contracts.Catalog;

namespace Tradewind.Web.Tests.Infrastructure;

/// <summary>
/// A small stand-in rater for billing-run tests: paid usage beyond the free tier at per-unit prices, minus what earlier
/// documents billed for the period. Trials, tiers and contracts are not modelled.
/// </summary>
internal sealed class PerUnitTestRater : IRater
{
    public IReadOnlyList<RatedLine> Rate(RatingInput input)
    {
        var lines = new List<RatedLine>();
        foreach (var dimension in input.Terms.Dimensions ?? [])
        {
            if (dimension.Price is not { Model: PriceModelKind.PerUnit, UnitPrice: { } priceText })
            {
                continue;
            }

            var price = decimal.Parse(priceText, System.Globalization.CultureInfo.InvariantCulture);
            var free = input.Terms.FreeTier?.FirstOrDefault(f => f.Dimension == dimension.Key)?.UnitsPerMonth ?? 0m;
            var used = input.PaidUsage.GetValueOrDefault(dimension.Key);
            var billable = Math.Max(0m, used - free);
            var billed = input.AlreadyBilled.Where(c => c.Dimension == dimension.Key).ToList();
            var quantity = billable - billed.Sum(b => b.Quantity);
            var amount = (billable * price) - billed.Sum(b => b.Amount);
            if (quantity == 0m && amount == 0m)
            {
                continue;
            }

            lines.Add(new RatedLine(
                InvoiceLineKind.Usage, dimension.Key, null, $"{dimension.Name} usage", quantity, dimension.Unit, price, amount, input.Period,
                [new RatingStep("unit", quantity, priceText, amount)]));
        }

        return lines;
    }
}
