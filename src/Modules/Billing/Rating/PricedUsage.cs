using Tradewind.Contracts.Billing;

namespace Tradewind.Billing.Rating;

/// <summary>What a price model charges for some units, exact (not rounded), with one step per tier, package count or unit price.</summary>
/// <remarks><see cref="Amount"/> is the sum of the steps' amounts.</remarks>
internal sealed record PricedUsage(decimal Amount, IReadOnlyList<RatingStep> Steps)
{
    public static PricedUsage Of(IReadOnlyList<RatingStep> steps) => new(steps.Sum(s => s.Amount), steps);
}
