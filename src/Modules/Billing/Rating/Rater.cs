using Tradewind.Primitives.Money;

namespace Tradewind.Billing.Rating;

/// <summary>
/// Rates one agreement's period from its terms alone: contract charges that fall due, then each dimension's usage beyond
/// its free units through its price model (or the difference from what was billed, for late usage). Pure and stateless.
/// </summary>
/// <remarks>
/// Amounts are exact <see cref="decimal"/> in the plan's currency; each line's amount is the sum of its steps. Lines with
/// nothing to charge (no billable units, no charge due) are left out.
/// </remarks>
internal sealed class Rater : IRater
{
    public IReadOnlyList<RatedLine> Rate(RatingInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var currency = Currency.FromCode(input.Terms.Currency);
        return [.. ContractRating.Rate(input, currency), .. UsageRating.Rate(input, currency)];
    }
}
