using Tradewind.Contracts.Catalog;
using Tradewind.Primitives.Money;

namespace Tradewind.Billing.Rating;

/// <summary>
/// When a contract's price falls due: paid upfront (one installment) or in N installments, installment k (0-based) due
/// at the contract's start + k × (term months / N) months. The amounts are the catalog's split of the price
/// (<see cref="Money.Allocate(IReadOnlyList{int})"/> over N equal parts, earlier parts taking the spare cents), so they
/// add up to the price exactly and match the schedule the buyer was shown.
/// </summary>
/// <remarks>
/// Months are calendar months added to the start (31 January + 1 month = 28 or 29 February, + 2 months = 31 March), each
/// from the start so days never drift. When term months / N is not whole (12 months in 5), the fraction is the same share
/// of the calendar month that follows. Installment k serves <c>[Due(k), Due(k + 1))</c>; the last serves up to the end of
/// the term.
/// </remarks>
internal sealed class InstallmentSchedule
{
    private InstallmentSchedule(DateTimeOffset start, DateTimeOffset end, int termMonths, IReadOnlyList<Money> amounts)
    {
        Start = start;
        End = end;
        TermMonths = termMonths;
        Amounts = amounts;
    }

    public DateTimeOffset Start { get; }

    /// <summary>The end of the term (exclusive).</summary>
    public DateTimeOffset End { get; }

    public int TermMonths { get; }

    /// <summary>The installments' amounts, in order; one for an upfront price.</summary>
    public IReadOnlyList<Money> Amounts { get; }

    public int Count => Amounts.Count;

    /// <summary>True when each installment pays for one month (including a one-month contract paid upfront): such charges are prorated.</summary>
    public bool IsMonthly => Count == TermMonths;

    /// <param name="contract">The contract's terms (price in <paramref name="currency"/>).</param>
    /// <param name="start">When the contract began: the agreement's paid start.</param>
    /// <param name="end">The contract's end when known (the agreement's <c>ContractEndsAt</c>); otherwise start + term.</param>
    /// <param name="currency">The plan's currency.</param>
    public static InstallmentSchedule For(ContractTerms contract, DateTimeOffset start, DateTimeOffset? end, Currency currency)
    {
        ArgumentNullException.ThrowIfNull(contract);
        ArgumentOutOfRangeException.ThrowIfLessThan(contract.Installments, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(contract.TermMonths, 1);
        var price = Money.Parse(contract.Price, currency);
        var utcStart = start.ToUniversalTime();
        var amounts = price.Allocate(Enumerable.Repeat(1, contract.Installments).ToArray());
        return new InstallmentSchedule(utcStart, end?.ToUniversalTime() ?? utcStart.AddMonths(contract.TermMonths), contract.TermMonths, amounts);
    }

    /// <summary>When installment <paramref name="index"/> (0-based) is due.</summary>
    public DateTimeOffset Due(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Count);
        var months = Math.DivRem(index * TermMonths, Count, out var remainder);
        var due = Start.AddMonths(months);
        if (remainder == 0)
        {
            return due;
        }

        var month = Start.AddMonths(months + 1) - due;
        return due.AddTicks(month.Ticks * remainder / Count);
    }

    /// <summary>The service installment <paramref name="index"/> pays for.</summary>
    public BillingPeriod Interval(int index) => new(Due(index), index == Count - 1 ? End : Due(index + 1));
}
