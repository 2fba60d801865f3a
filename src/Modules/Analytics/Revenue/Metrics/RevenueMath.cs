namespace Tradewind.Analytics.Revenue.Metrics;

/// <summary>
/// The SaaS revenue formulas of spec plg-and-localization §1.2.4, on per-customer MRR in minor units of one currency
/// (callers never mix currencies: exchange rates do not create movements). Ratios are exact <see cref="decimal"/>
/// fractions (0.2 = 20 %); they are rounded once, for display only, by <see cref="Percent"/> and <see cref="Times"/>.
/// A ratio whose denominator is 0 is <c>null</c> ("undefined"), never a division by zero.
/// </summary>
internal static class RevenueMath
{
    /// <summary>
    /// The movement of one customer from <paramref name="start"/> to <paramref name="end"/>: none when MRR did not
    /// change; 0 → &gt; 0 is new business, or reactivation when the customer paid before; &gt; 0 → 0 is churn; otherwise
    /// expansion or contraction.
    /// </summary>
    public static MrrMovementKind? Classify(long start, long end, bool paidBefore)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(start);
        ArgumentOutOfRangeException.ThrowIfNegative(end);
        if (start == end)
        {
            return null;
        }

        if (start == 0)
        {
            return paidBefore ? MrrMovementKind.Reactivation : MrrMovementKind.NewBusiness;
        }

        if (end == 0)
        {
            return MrrMovementKind.Churn;
        }

        return end > start ? MrrMovementKind.Expansion : MrrMovementKind.Contraction;
    }

    /// <summary>Sums the customers' movements and their MRR at both ends of the period.</summary>
    public static MrrMovements Movements(IEnumerable<CustomerMrrChange> customers)
    {
        long start = 0, end = 0, added = 0, expansion = 0, contraction = 0, churn = 0, reactivation = 0;
        foreach (var c in customers)
        {
            start = checked(start + c.Start);
            end = checked(end + c.End);
            switch (c.Movement)
            {
                case MrrMovementKind.NewBusiness: added = checked(added + c.End); break;
                case MrrMovementKind.Reactivation: reactivation = checked(reactivation + c.End); break;
                case MrrMovementKind.Churn: churn = checked(churn + c.Start); break;
                case MrrMovementKind.Expansion: expansion = checked(expansion + c.Delta); break;
                case MrrMovementKind.Contraction: contraction = checked(contraction - c.Delta); break;
                default: break;
            }
        }

        return new MrrMovements(start, end, added, expansion, contraction, churn, reactivation);
    }

    /// <summary>Gross MRR churn rate = (Churn + Contraction) ÷ MRR(t0); null when MRR(t0) is 0.</summary>
    public static decimal? GrossMrrChurnRate(MrrMovements m) => Ratio(checked(m.Churn + m.Contraction), m.Start);

    /// <summary>Net MRR churn rate = (Churn + Contraction − Expansion − Reactivation) ÷ MRR(t0); negative is good; null when MRR(t0) is 0.</summary>
    public static decimal? NetMrrChurnRate(MrrMovements m) => Ratio(checked(m.Churn + m.Contraction - m.Expansion - m.Reactivation), m.Start);

    /// <summary>
    /// Quick ratio = (New + Expansion + Reactivation) ÷ (Churn + Contraction); null (undefined) when nothing was lost.
    /// </summary>
    public static decimal? QuickRatio(MrrMovements m) => Ratio(checked(m.NewBusiness + m.Expansion + m.Reactivation), checked(m.Churn + m.Contraction));

    /// <summary>
    /// Net and gross revenue retention in the cohort form: S = the customers paying at t0; new customers and customers
    /// outside S who come back are left out. NRR = MRR_S(t1) ÷ MRR_S(t0). GRR = (MRR_S(t0) − Contraction_S − Churn_S) ÷
    /// MRR_S(t0), where each customer of S counts at most its t0 MRR, so GRR ≤ 100 % and NRR ≥ GRR. Null when S is empty.
    /// </summary>
    public static Retention Retention(IEnumerable<CustomerMrrChange> customers)
    {
        long start = 0, end = 0, kept = 0;
        int cohort = 0, churned = 0, acquiredAndLost = 0;
        foreach (var c in customers)
        {
            if (c.InCohort)
            {
                cohort++;
                start = checked(start + c.Start);
                end = checked(end + c.End);
                kept = checked(kept + Math.Min(c.Start, c.End));
                if (c.End == 0)
                {
                    churned++;
                }
            }
            else if (c.End == 0 && c.PaidInBetween)
            {
                acquiredAndLost++;
            }
        }

        return new Retention(cohort, start, end, kept, churned, acquiredAndLost);
    }

    /// <summary>ARPA = MRR ÷ paying customers, in minor units rounded half away from zero; null without paying customers.</summary>
    public static long? Arpa(long mrr, int payingCustomers) =>
        payingCustomers == 0 ? null : (long)decimal.Round((decimal)mrr / payingCustomers, 0, MidpointRounding.AwayFromZero);

    /// <summary>ARR = 12 × MRR.</summary>
    public static long Arr(long mrr) => checked(12 * mrr);

    /// <summary>
    /// A recurring price normalised to one month: <paramref name="priceMinor"/> ÷ <paramref name="termMonths"/>, rounded
    /// once, half away from zero (an annual contract of 2,000.00 is 166.67 a month).
    /// </summary>
    public static long MonthlyMinor(long priceMinor, int termMonths)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(termMonths, 1);
        return (long)decimal.Round((decimal)priceMinor / termMonths, 0, MidpointRounding.AwayFromZero);
    }

    /// <summary>Contracted ARR of a private offer: total contract value ÷ contract years (= TCV × 12 ÷ term months).</summary>
    public static long ContractedArrMinor(long tcvMinor, int termMonths)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(termMonths, 1);
        return (long)decimal.Round((decimal)tcvMinor * 12 / termMonths, 0, MidpointRounding.AwayFromZero);
    }

    public static decimal? Ratio(long numerator, long denominator) => denominator == 0 ? null : (decimal)numerator / denominator;

    /// <summary>A ratio as a percentage with one decimal, rounded once half away from zero ("20.0 %"); "undefined" for null.</summary>
    public static string Percent(decimal? ratio) =>
        ratio is { } r ? decimal.Round(r * 100, 1, MidpointRounding.AwayFromZero).ToString("0.0", System.Globalization.CultureInfo.InvariantCulture) + " %" : "undefined";

    /// <summary>A ratio as a multiple with two decimals ("2.50"); "undefined" for null.</summary>
    public static string Times(decimal? ratio) =>
        ratio is { } r ? decimal.Round(r, 2, MidpointRounding.AwayFromZero).ToString("0.00", System.Globalization.CultureInfo.InvariantCulture) : "undefined";
}

/// <summary>
/// Retention of the cohort S (customers paying at t0) over a period: |S|, MRR_S(t0), MRR_S(t1), the part of MRR_S(t0)
/// kept (Σ min(t0, t1) per customer), how many of S churned, and how many customers outside S were acquired and lost
/// inside the period (reported beside logo churn, never in its denominator).
/// </summary>
internal sealed record Retention(int Cohort, long Start, long End, long Kept, int Churned, int AcquiredAndLost)
{
    /// <summary>NRR = MRR_S(t1) ÷ MRR_S(t0).</summary>
    public decimal? Nrr => RevenueMath.Ratio(End, Start);

    /// <summary>GRR = (MRR_S(t0) − Contraction_S − Churn_S) ÷ MRR_S(t0), at most 1.</summary>
    public decimal? Grr => RevenueMath.Ratio(Kept, Start);

    /// <summary>Logo churn = customers of S who churned ÷ |S|.</summary>
    public decimal? LogoChurn => Cohort == 0 ? null : (decimal)Churned / Cohort;
}
