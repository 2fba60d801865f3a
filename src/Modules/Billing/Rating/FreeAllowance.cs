using Tradewind.Contracts.Billing;

namespace Tradewind.Billing.Rating;

/// <summary>
/// One dimension's usage in a period, split into the free units (trial quota, free tier, contract entitlement) and the
/// billable units after them. <see cref="FreeSteps"/> says which allowance covered how much (amounts 0).
/// </summary>
/// <remarks>
/// The rules, in order:
/// <list type="number">
/// <item>Trial usage is free up to what is left of the trial's quota for the dimension (quotas are per trial:
/// <c>quota − TrialUsageBeforePeriod</c>); a dimension the trial names no quota for is free throughout the trial.</item>
/// <item>Trial usage beyond the quota and all usage after the trial are chargeable. The free tier's units per month cover
/// the first chargeable units of every period (not prorated for a short first or last period).</item>
/// <item>A contract's entitlement (units per month, not prorated) covers the next chargeable units; an unlimited one covers them all.</item>
/// </list>
/// </remarks>
internal sealed record FreeAllowance(decimal Total, decimal Billable, IReadOnlyList<RatingStep> FreeSteps)
{
    public decimal Free => Total - Billable;

    public static FreeAllowance For(RatingInput input, string dimension)
    {
        ArgumentNullException.ThrowIfNull(input);
        var terms = input.Terms;
        var trialUsage = Quantity(input.TrialUsage, dimension);
        var paidUsage = Quantity(input.PaidUsage, dimension);
        var steps = new List<RatingStep>(3);

        var trialFree = trialUsage;
        if (terms.FreeTrial?.Quotas?.FirstOrDefault(q => string.Equals(q.Dimension, dimension, StringComparison.Ordinal)) is { } quota)
        {
            var left = Math.Max(0, quota.Quantity - Quantity(input.TrialUsageBeforePeriod, dimension));
            trialFree = Math.Min(trialUsage, left);
        }

        AddFree(steps, RatingStepLabels.TrialQuota, trialFree);
        var chargeable = trialUsage - trialFree + paidUsage;

        var freeTierUnits = terms.FreeTier?.FirstOrDefault(f => string.Equals(f.Dimension, dimension, StringComparison.Ordinal))?.UnitsPerMonth ?? 0;
        var freeTier = Math.Min(chargeable, Math.Max(0, freeTierUnits));
        AddFree(steps, RatingStepLabels.FreeTier, freeTier);
        chargeable -= freeTier;

        var entitled = terms.Contract?.Entitlements?.FirstOrDefault(e => string.Equals(e.Dimension, dimension, StringComparison.Ordinal)) switch
        {
            { Unlimited: true } => chargeable,
            { Quantity: { } included } => Math.Min(chargeable, Math.Max(0, included)),
            _ => 0m,
        };
        AddFree(steps, RatingStepLabels.Entitlement, entitled);
        chargeable -= entitled;

        return new FreeAllowance(trialUsage + paidUsage, chargeable, steps);
    }

    private static decimal Quantity(IReadOnlyDictionary<string, decimal> usage, string dimension)
    {
        var quantity = usage.TryGetValue(dimension, out var value) ? value : 0;
        return quantity >= 0
            ? quantity
            : throw new ArgumentOutOfRangeException(nameof(usage), quantity, $"Usage of '{dimension}' cannot be negative.");
    }

    private static void AddFree(List<RatingStep> steps, string label, decimal quantity)
    {
        if (quantity > 0)
        {
            steps.Add(new RatingStep(label, quantity, null, 0));
        }
    }
}
