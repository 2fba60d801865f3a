namespace Tradewind.Analytics.Revenue.Metrics;

/// <summary>
/// One customer's MRR, in minor units of one currency, at the start <c>t0</c> and the end <c>t1</c> of a period
/// <c>[t0, t1)</c>. <see cref="PaidBefore"/>: the customer had MRR &gt; 0 at some instant before <c>t0</c>, which
/// turns a return from 0 into a reactivation instead of new business. <see cref="PaidInBetween"/>: MRR &gt; 0 at an
/// instant strictly inside the period (only known for periods longer than one snapshot step), which finds customers
/// acquired and lost inside it.
/// </summary>
internal readonly record struct CustomerMrrChange(long Start, long End, bool PaidBefore, bool PaidInBetween = false)
{
    /// <summary>The customer is in the cohort S of the period: paying at <c>t0</c>.</summary>
    public bool InCohort => Start > 0;

    public MrrMovementKind? Movement => RevenueMath.Classify(Start, End, PaidBefore);

    public long Delta => checked(End - Start);
}
