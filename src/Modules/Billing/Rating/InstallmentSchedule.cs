using Tradewind.Contracts.Catalog;
using Tradewind.Primitives.Money;

namespace Tradewind.Billing.Rating;

/// <summary>
/// When a contract's price falls due: paid upfront (one installment) or in N installments, installment k (0-based) due
/// at the contract's start + k × (term months / N) months. The amounts are the catalog's split of the price
/// (<see cref="Money.Allocate(IReadOnlyList{int})"/> over N equal parts, earlier parts taking the spare cents), so they
/// add up to the price exactly and match the schedule the buyer was shown. A private offer's contract may instead fix an
/// explicit <see cref="ContractTerms.Schedule"/>: payment k is due at its date (00:00 UTC), or at the contract's start
/// when that is later, for exactly its amount.
/// </summary>
/// <remarks>
/// Months are calendar months added to the start (31 January + 1 month = 28 or 29 February, + 2 months = 31 March), each
/// from the start so days never drift. When term months / N is not whole (12 months in 5), the fraction is the same share
/// of the calendar month that follows. Installment k serves <c>[Due(k), Due(k + 1))</c>; the last serves up to the end of
/// the term. An explicit schedule is never monthly (<see cref="IsMonthly"/>): its payments are charged in full once due,
/// whatever their spacing, as the buyer agreed to exactly those amounts on those dates.
/// </remarks>
internal sealed class InstallmentSchedule
{
    private readonly IReadOnlyList<DateTimeOffset>? _dueDates;

    private InstallmentSchedule(DateTimeOffset start, DateTimeOffset end, int termMonths, IReadOnlyList<Money> amounts, IReadOnlyList<DateTimeOffset>? dueDates)
    {
        Start = start;
        End = end;
        TermMonths = termMonths;
        Amounts = amounts;
        _dueDates = dueDates;
    }

    public DateTimeOffset Start { get; }

    /// <summary>The end of the term (exclusive).</summary>
    public DateTimeOffset End { get; }

    public int TermMonths { get; }

    /// <summary>The installments' amounts, in order; one for an upfront price.</summary>
    public IReadOnlyList<Money> Amounts { get; }

    public int Count => Amounts.Count;

    /// <summary>True when the contract fixes dated payments (<see cref="ContractTerms.Schedule"/>): each is an installment, even a single one.</summary>
    public bool IsExplicit => _dueDates is not null;

    /// <summary>True when each installment pays for one month (including a one-month contract paid upfront): such charges are
    /// prorated. Never for an explicit schedule.</summary>
    public bool IsMonthly => !IsExplicit && Count == TermMonths;

    /// <param name="contract">The contract's terms (price in <paramref name="currency"/>).</param>
    /// <param name="start">When the contract began: the agreement's paid start.</param>
    /// <param name="end">The contract's end when known (the agreement's <c>ContractEndsAt</c>); otherwise start + term.</param>
    /// <param name="currency">The plan's currency.</param>
    public static InstallmentSchedule For(ContractTerms contract, DateTimeOffset start, DateTimeOffset? end, Currency currency)
    {
        ArgumentNullException.ThrowIfNull(contract);
        ArgumentOutOfRangeException.ThrowIfLessThan(contract.TermMonths, 1);
        var utcStart = start.ToUniversalTime();
        var utcEnd = end?.ToUniversalTime() ?? utcStart.AddMonths(contract.TermMonths);
        if (contract.Schedule is { Count: > 0 } payments)
        {
            var ordered = payments.OrderBy(p => p.DueOn).ToList();
            var dues = ordered.Select(p => Later(utcStart, new DateTimeOffset(p.DueOn.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero))).ToList();
            var amounts = ordered.Select(p => Money.Parse(p.Amount, currency)).ToList();
            return new InstallmentSchedule(utcStart, utcEnd, contract.TermMonths, amounts, dues);
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(contract.Installments, 1);
        var price = Money.Parse(contract.Price, currency);
        return new InstallmentSchedule(utcStart, utcEnd, contract.TermMonths, price.Allocate(Enumerable.Repeat(1, contract.Installments).ToArray()), null);
    }

    /// <summary>When installment <paramref name="index"/> (0-based) is due.</summary>
    public DateTimeOffset Due(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Count);
        if (_dueDates is not null)
        {
            return _dueDates[index];
        }

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
    public BillingPeriod Interval(int index)
    {
        var from = Due(index);
        var to = index == Count - 1 ? End : Due(index + 1);
        return new BillingPeriod(from, to < from ? from : to);
    }

    private static DateTimeOffset Later(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
}
