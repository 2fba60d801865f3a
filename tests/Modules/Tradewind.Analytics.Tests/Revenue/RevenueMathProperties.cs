using CsCheck;
using Tradewind.Analytics.Revenue.Metrics;

namespace Tradewind.Analytics.Tests.Revenue;

/// <summary>Invariants of the revenue formulas over random customers.</summary>
public sealed class RevenueMathProperties
{
    private static readonly Gen<CustomerMrrChange> Customer =
        Gen.Select(Gen.Long[0, 1_000_000], Gen.Long[0, 1_000_000], Gen.Bool, Gen.Int[0, 3])
            .Select((start, end, paidBefore, zero) => new CustomerMrrChange(zero == 1 ? 0 : start, zero == 2 ? 0 : end, paidBefore || start > 0 && zero != 1));

    private static readonly Gen<CustomerMrrChange[]> Customers = Customer.Array[0, 40];

    [Fact]
    public void Movements_sum_to_the_change_in_mrr() =>
        Customers.Sample(cs =>
        {
            var m = RevenueMath.Movements(cs);
            Assert.Equal(cs.Sum(c => c.End) - cs.Sum(c => c.Start), m.NetNew);
            Assert.Equal(m.End - m.Start, m.NetNew);
        });

    [Fact]
    public void Grr_is_at_most_100_percent_and_never_above_nrr() =>
        Customers.Sample(cs =>
        {
            var r = RevenueMath.Retention(cs);
            if (r.Grr is { } grr)
            {
                Assert.InRange(grr, 0m, 1m);
                Assert.True(r.Nrr >= grr, $"NRR {r.Nrr} < GRR {grr}");
            }
            else
            {
                Assert.Null(r.Nrr);
            }
        });

    [Fact]
    public void Nrr_equals_one_plus_the_cohorts_expansion_minus_its_contraction_and_churn() =>
        Customers.Sample(cs =>
        {
            var cohort = cs.Where(c => c.InCohort).ToArray();
            var m = RevenueMath.Movements(cohort);
            var r = RevenueMath.Retention(cs);
            if (m.Start > 0)
            {
                Assert.Equal((decimal)(m.Start + m.Expansion - m.Contraction - m.Churn) / m.Start, r.Nrr);
            }
        });
}
