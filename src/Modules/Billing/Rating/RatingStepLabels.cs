namespace Tradewind.Billing.Rating;

/// <summary>
/// The machine labels of <see cref="Contracts.Billing.RatingStep"/>: stable codes the documents word in the buyer's language.
/// </summary>
/// <remarks>
/// Free steps (<see cref="TrialQuota"/>, <see cref="FreeTier"/>, <see cref="Entitlement"/>) have no price and an amount of 0.
/// Priced steps carry the unit price as invariant decimal text in the plan's currency; <see cref="Tier"/> steps also carry
/// the tier's <c>From</c>/<c>UpTo</c>. <see cref="Package"/> counts packages, <see cref="Proration"/> counts served days
/// (its <c>UpTo</c> is the days in the interval) and carries the (negative) part of the charge not served.
/// </remarks>
internal static class RatingStepLabels
{
    public const string TrialQuota = "trial_quota";
    public const string FreeTier = "free_tier";
    public const string Entitlement = "entitlement";
    public const string Unit = "unit";
    public const string Tier = "tier";
    public const string Package = "package";
    public const string AlreadyBilled = "already_billed";
    public const string ContractFee = "contract_fee";
    public const string Installment = "installment";
    public const string Proration = "proration";
}
