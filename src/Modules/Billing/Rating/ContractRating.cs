using System.Globalization;
using Tradewind.Contracts.Billing;
using Tradewind.Primitives.Money;

namespace Tradewind.Billing.Rating;

/// <summary>
/// Charges a contract's price: upfront (<see cref="InvoiceLineKind.ContractFee"/>) or installment by installment
/// (<see cref="InvoiceLineKind.Installment"/>, numbered from 1), each in the period whose range holds its due date, or
/// the first period rated after it when that one was missed; never one that <c>AlreadyBilled</c> lists.
/// </summary>
/// <remarks>
/// The contract runs from the agreement's paid start: the trial's end when there was a trial (as Agreements sets
/// <c>ContractEndsAt</c>), otherwise <c>AgreementStart</c>. A charge due at or after <c>EndedAt</c> is never billed.
/// Monthly charges (N installments over N months, or a one-month contract) are prorated by day when the agreement ends
/// inside the month they pay for (see <see cref="Proration"/>); upfront fees for longer terms and quarterly or yearly
/// installments are charged in full. A charge already billed is never revisited: refunds for a later cancellation are
/// credit notes, not rating. A private offer's explicit schedule (<see cref="Tradewind.Contracts.Catalog.ContractTerms.Schedule"/>)
/// is charged payment by payment as installments, each in full once due (see <see cref="InstallmentSchedule"/>).
/// </remarks>
internal static class ContractRating
{
    public static IEnumerable<RatedLine> Rate(RatingInput input, Currency currency)
    {
        if (input.Terms.Contract is not { } contract)
        {
            yield break;
        }

        var start = ContractStart(input);
        var schedule = InstallmentSchedule.For(contract, start, input.ContractEndsAt, currency);
        // An explicit schedule's payments are installments even when there is only one (docs/billing.md § Explicit schedules).
        var upfront = !schedule.IsExplicit && schedule.Count == 1;
        for (var index = 0; index < schedule.Count; index++)
        {
            var number = index + 1;
            var due = schedule.Due(index);
            if (due >= input.Period.End || input.EndedAt <= due || AlreadyBilled(input.AlreadyBilled, upfront, number))
            {
                continue;
            }

            var full = schedule.Amounts[index].Amount;
            var interval = schedule.Interval(index);
            var served = schedule.IsMonthly ? Proration.Served(interval, start, input.EndedAt) : interval;
            var servedDays = Proration.Days(served.Start, served.End);
            var intervalDays = Proration.Days(interval.Start, interval.End);
            var amount = schedule.IsMonthly ? Proration.Prorate(full, servedDays, intervalDays) : full;
            if (amount == 0 && full != 0)
            {
                // Not a single day served: nothing to charge, and nothing recorded as billed.
                continue;
            }

            var label = upfront ? RatingStepLabels.ContractFee : RatingStepLabels.Installment;
            List<RatingStep> steps = [new(label, 1, schedule.Amounts[index].ToMajorString(), full)];
            if (amount != full)
            {
                steps.Add(new RatingStep(RatingStepLabels.Proration, servedDays, null, amount - full, UpTo: intervalDays));
            }

            var description = upfront
                ? string.Create(CultureInfo.InvariantCulture, $"Contract fee, {contract.TermMonths} months")
                : string.Create(CultureInfo.InvariantCulture, $"Contract installment {number} of {schedule.Count}");
            yield return new RatedLine(
                upfront ? InvoiceLineKind.ContractFee : InvoiceLineKind.Installment,
                null,
                upfront ? null : number,
                description,
                1,
                upfront ? "contract" : "installment",
                amount,
                amount,
                served,
                steps);
        }
    }

    /// <summary>The contract's start: the paid start of the agreement (after its trial, if any).</summary>
    public static DateTimeOffset ContractStart(RatingInput input) =>
        input.TrialEndsAt is { } trialEnd && trialEnd > input.AgreementStart ? trialEnd : input.AgreementStart;

    private static bool AlreadyBilled(IReadOnlyList<PriorCharge> billed, bool upfront, int number) =>
        upfront
            ? billed.Any(c => c.Kind == InvoiceLineKind.ContractFee)
            : billed.Any(c => c.Kind == InvoiceLineKind.Installment && c.InstallmentNumber == number);
}
