using Tradewind.Contracts.Billing;
using Tradewind.Contracts.Catalog;

namespace Tradewind.Billing.Rating;

/// <summary>A billing period, half-open: <c>[Start, End)</c>, UTC.</summary>
internal readonly record struct BillingPeriod(DateTimeOffset Start, DateTimeOffset End)
{
    public bool Contains(DateTimeOffset instant) => instant >= Start && instant < End;
}

/// <summary>Everything needed to rate one agreement for one billing period. Pure data: no clock, no database.</summary>
/// <remarks>
/// <c>TrialUsage</c> is the quantity per dimension used inside the period while the trial ran
/// (<c>[Period.Start, min(TrialEndsAt, Period.End))</c>), <c>PaidUsage</c> the quantity in the rest of
/// the period (up to <c>EndedAt</c> when the agreement ended inside it); <c>TrialUsageBeforePeriod</c> the trial's
/// usage in earlier periods (trial quotas are per trial, not per period). All are cumulative: everything
/// metered so far for that range, including records that arrived after an earlier invoice.
/// <c>AlreadyBilled</c> lists what earlier documents charged for this agreement and period (usage per
/// dimension) and for the contract (upfront fee, installments by number), so a re-run bills only the
/// difference and never the same thing twice.
/// </remarks>
internal sealed record RatingInput(
    PlanTerms Terms,
    DateTimeOffset AgreementStart,
    DateTimeOffset? TrialEndsAt,
    DateTimeOffset? ContractEndsAt,
    DateTimeOffset? EndedAt,
    BillingPeriod Period,
    IReadOnlyDictionary<string, decimal> TrialUsageBeforePeriod,
    IReadOnlyDictionary<string, decimal> TrialUsage,
    IReadOnlyDictionary<string, decimal> PaidUsage,
    IReadOnlyList<PriorCharge> AlreadyBilled);

/// <summary>What an earlier document charged: a usage dimension's quantity and exact amount, or a contract fee or installment.</summary>
internal sealed record PriorCharge(InvoiceLineKind Kind, string? Dimension, int? InstallmentNumber, decimal Quantity, decimal Amount);

/// <summary>One rated charge, exact (not yet rounded), in <see cref="PlanTerms.Currency"/>.</summary>
/// <remarks>
/// The caller converts <c>Amount</c> to the invoice currency when needed and rounds once per line.
/// <c>UnitPrice</c> is the effective price per unit (<c>Amount / Quantity</c> for tiered models, as
/// exact decimal). <c>Description</c> is English; documents translate their own labels.
/// </remarks>
internal sealed record RatedLine(
    InvoiceLineKind Kind,
    string? Dimension,
    int? InstallmentNumber,
    string Description,
    decimal Quantity,
    string Unit,
    decimal UnitPrice,
    decimal Amount,
    BillingPeriod ServicePeriod,
    IReadOnlyList<RatingStep> Steps);

/// <summary>Rates one agreement's period: usage beyond free units and trial quotas through each dimension's price model, contract fees and installments that fall due, prorated by day.</summary>
internal interface IRater
{
    IReadOnlyList<RatedLine> Rate(RatingInput input);
}
