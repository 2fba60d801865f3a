using Tradewind.Contracts.Billing;
using Tradewind.Primitives.Money;

namespace Tradewind.Billing.Rating;

/// <summary>
/// Rates each priced dimension's usage in the period: a <see cref="InvoiceLineKind.Usage"/> line the first time, and
/// afterwards (records that arrived after the period was billed) a <see cref="InvoiceLineKind.LateUsage"/> line for
/// rate(cumulative usage) − what earlier documents charged for the dimension and period.
/// </summary>
/// <remarks>
/// The difference is charged whatever its sign. Usage only grows, but under volume pricing more units can cost less
/// (crossing into a cheaper tier re-prices every unit), so a late line may be negative: the buyer then pays, over all
/// documents, exactly the published price of the period's cumulative usage, as if it had all arrived on time. A late
/// line may also have a quantity of 0 and a non-zero amount, when late free usage (trial usage inside the quota) moves the
/// billable units to other tiers (its unit price is then 0). No line when neither quantity nor amount changed. A period
/// whose first rating charged nothing for a dimension (all units free) is told apart from one never rated by a
/// <see cref="PriorCharge"/> of quantity 0 and amount 0 for the dimension: with it, later usage is late usage.
/// </remarks>
internal static class UsageRating
{
    public static IEnumerable<RatedLine> Rate(RatingInput input, Currency currency)
    {
        var contract = input.Terms.Contract;
        foreach (var dimension in input.Terms.Dimensions ?? [])
        {
            // A contract without overage charges nothing for usage (its entitlements are what the buyer paid for); a
            // dimension without a price cannot be charged. Usage of dimensions the plan does not have is never read:
            // Metering refuses records for unknown dimensions, so such keys in the input are ignored without a line.
            if (dimension.Price is null || contract is { Overage: false })
            {
                continue;
            }

            var allowance = FreeAllowance.For(input, dimension.Key);
            var priced = UsagePrice.From(dimension.Price, currency).Price(allowance.Free, allowance.Billable);
            var billed = input.AlreadyBilled
                .Where(c => c.Kind is InvoiceLineKind.Usage or InvoiceLineKind.LateUsage && string.Equals(c.Dimension, dimension.Key, StringComparison.Ordinal))
                .ToList();

            if (billed.Count == 0)
            {
                if (allowance.Billable > 0)
                {
                    yield return Line(InvoiceLineKind.Usage, dimension.Name, dimension.Key, dimension.Unit, allowance.Billable, priced.Amount, input.Period, [.. allowance.FreeSteps, .. priced.Steps]);
                }

                continue;
            }

            var billedQuantity = billed.Sum(c => c.Quantity);
            var billedAmount = billed.Sum(c => c.Amount);
            var quantity = allowance.Billable - billedQuantity;
            var amount = priced.Amount - billedAmount;
            if (quantity == 0 && amount == 0)
            {
                continue;
            }

            RatingStep alreadyBilled = new(RatingStepLabels.AlreadyBilled, -billedQuantity, null, -billedAmount);
            yield return Line(InvoiceLineKind.LateUsage, $"{dimension.Name} (late usage)", dimension.Key, dimension.Unit, quantity, amount, input.Period, [.. allowance.FreeSteps, .. priced.Steps, alreadyBilled]);
        }
    }

    private static RatedLine Line(InvoiceLineKind kind, string description, string dimension, string unit, decimal quantity, decimal amount, BillingPeriod period, IReadOnlyList<RatingStep> steps) =>
        new(kind, dimension, null, description, quantity, unit, quantity == 0 ? 0 : amount / quantity, amount, period, steps);
}
