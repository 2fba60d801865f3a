using Tradewind.Analytics.Revenue.Metrics;

namespace Tradewind.Analytics.Tests.Revenue;

/// <summary>Every revenue formula of spec §1.2.4 on examples computed by hand (amounts in cents).</summary>
public sealed class RevenueMathTests
{
    [Theory]
    [InlineData(0, 100, false, "new_business")]
    [InlineData(0, 100, true, "reactivation")]
    [InlineData(100, 150, true, "expansion")]
    [InlineData(100, 60, true, "contraction")]
    [InlineData(100, 0, true, "churn")]
    public void Each_change_of_a_customers_mrr_is_one_movement(long start, long end, bool paidBefore, string expected) =>
        Assert.Equal(expected, RevenueMath.Classify(start, end, paidBefore)?.Code());

    [Fact]
    public void Unchanged_mrr_is_no_movement() => Assert.Null(RevenueMath.Classify(100, 100, true));

    [Fact]
    public void The_chartmogul_example_gives_20_percent_gross_and_10_percent_net_mrr_churn()
    {
        // Start 100 (four customers of 25); one churns (−25 … scaled: −10), one contracts −10, one expands +10.
        var customers = new[]
        {
            new CustomerMrrChange(10_00, 0, true),
            new CustomerMrrChange(30_00, 20_00, true),
            new CustomerMrrChange(30_00, 40_00, true),
            new CustomerMrrChange(30_00, 30_00, true),
        };

        var m = RevenueMath.Movements(customers);

        Assert.Equal(100_00, m.Start);
        Assert.Equal((10_00L, 10_00L, 10_00L), (m.Churn, m.Contraction, m.Expansion));
        Assert.Equal(0.2m, RevenueMath.GrossMrrChurnRate(m));
        Assert.Equal(0.1m, RevenueMath.NetMrrChurnRate(m));
        Assert.Equal("20.0 %", RevenueMath.Percent(RevenueMath.GrossMrrChurnRate(m)));
        Assert.Equal(-10_00, m.NetNew);
    }

    [Fact]
    public void Nrr_with_expansion_and_churn_in_the_same_month_counts_only_the_customers_paying_at_its_start()
    {
        // S = {A 100, B 200, C 300} = 600. A churns, B expands to 350, C unchanged; D is new (500) and is left out.
        var customers = new[]
        {
            new CustomerMrrChange(100_00, 0, true),
            new CustomerMrrChange(200_00, 350_00, true),
            new CustomerMrrChange(300_00, 300_00, true),
            new CustomerMrrChange(0, 500_00, false),
        };

        var retention = RevenueMath.Retention(customers);

        // NRR = (0 + 350 + 300) ÷ 600 = 108.33 %; GRR = (0 + 200 + 300) ÷ 600 = 83.33 %.
        Assert.Equal(3, retention.Cohort);
        Assert.Equal(650m / 600m, retention.Nrr);
        Assert.Equal(500m / 600m, retention.Grr);
        Assert.Equal("108.3 %", RevenueMath.Percent(retention.Nrr));
        Assert.Equal("83.3 %", RevenueMath.Percent(retention.Grr));
        Assert.Equal(1m / 3m, retention.LogoChurn);
    }

    [Fact]
    public void A_customer_who_paid_before_and_returns_is_a_reactivation_and_stays_out_of_the_cohort()
    {
        var customers = new[] { new CustomerMrrChange(0, 80_00, PaidBefore: true), new CustomerMrrChange(100_00, 100_00, true) };

        var m = RevenueMath.Movements(customers);
        var retention = RevenueMath.Retention(customers);

        Assert.Equal(80_00, m.Reactivation);
        Assert.Equal(0, m.NewBusiness);
        Assert.Equal(80_00, m.NetNew);
        Assert.Equal(1m, retention.Nrr);
        Assert.Equal(1, retention.Cohort);
    }

    [Fact]
    public void A_customer_acquired_and_lost_inside_the_period_is_reported_apart_from_logo_churn()
    {
        var customers = new[]
        {
            new CustomerMrrChange(0, 0, false, PaidInBetween: true),
            new CustomerMrrChange(50_00, 0, true),
            new CustomerMrrChange(50_00, 50_00, true),
        };

        var retention = RevenueMath.Retention(customers);

        Assert.Equal(1, retention.AcquiredAndLost);
        Assert.Equal(2, retention.Cohort);
        Assert.Equal(0.5m, retention.LogoChurn);
    }

    [Fact]
    public void Trailing_twelve_month_nrr_compares_each_customer_of_the_cohort_a_year_apart()
    {
        // t0 = 1 Jan 2026, t1 = 1 Jan 2027. A 1,000 → 1,500 (expanded), B 500 → 0 (churned), C 500 → 400 (contracted);
        // E joined in March (no part of S), F paid in May and left in July (acquired and lost).
        var customers = new[]
        {
            new CustomerMrrChange(1_000_00, 1_500_00, true),
            new CustomerMrrChange(500_00, 0, true),
            new CustomerMrrChange(500_00, 400_00, true),
            new CustomerMrrChange(0, 700_00, false, PaidInBetween: true),
            new CustomerMrrChange(0, 0, false, PaidInBetween: true),
        };

        var retention = RevenueMath.Retention(customers);

        // NRR = 1,900 ÷ 2,000 = 95 %; GRR = (1,000 + 0 + 400) ÷ 2,000 = 70 %.
        Assert.Equal(0.95m, retention.Nrr);
        Assert.Equal(0.7m, retention.Grr);
        Assert.Equal(1, retention.AcquiredAndLost);
        Assert.Equal(1m / 3m, retention.LogoChurn);
    }

    [Fact]
    public void Quick_ratio_adds_reactivation_to_the_gains_and_is_undefined_when_nothing_was_lost()
    {
        var gains = RevenueMath.Movements([new CustomerMrrChange(0, 100_00, false), new CustomerMrrChange(0, 50_00, true)]);
        var mixed = RevenueMath.Movements([new CustomerMrrChange(0, 100_00, false), new CustomerMrrChange(100_00, 140_00, true), new CustomerMrrChange(60_00, 0, true)]);

        Assert.Null(RevenueMath.QuickRatio(gains));
        Assert.Equal("undefined", RevenueMath.Times(RevenueMath.QuickRatio(gains)));
        // (100 + 40) ÷ 60 = 2.333…
        Assert.Equal("2.33", RevenueMath.Times(RevenueMath.QuickRatio(mixed)));
    }

    [Fact]
    public void Rates_are_undefined_without_mrr_at_the_start()
    {
        var m = RevenueMath.Movements([new CustomerMrrChange(0, 100_00, false)]);

        Assert.Null(RevenueMath.GrossMrrChurnRate(m));
        Assert.Null(RevenueMath.NetMrrChurnRate(m));
        Assert.Null(RevenueMath.Retention([new CustomerMrrChange(0, 100_00, false)]).Nrr);
    }

    [Fact]
    public void Two_currencies_are_summed_apart_and_a_currency_change_alone_is_churn_in_one_and_new_business_in_the_other()
    {
        // The same buyer pays 100 USD and 50 EUR; classification runs once per currency.
        var usd = RevenueMath.Movements([new CustomerMrrChange(100_00, 120_00, true)]);
        var eur = RevenueMath.Movements([new CustomerMrrChange(50_00, 50_00, true)]);

        Assert.Equal(20_00, usd.Expansion);
        Assert.Equal(0, eur.NetNew);
    }

    [Fact]
    public void Arpa_arr_and_the_monthly_normalisation_round_once_half_away_from_zero()
    {
        Assert.Equal(166_67, RevenueMath.MonthlyMinor(2_000_00, 12));
        Assert.Equal(24_000_00, RevenueMath.Arr(2_000_00));
        Assert.Equal(33_33, RevenueMath.Arpa(100_00, 3));
        Assert.Null(RevenueMath.Arpa(0, 0));
        Assert.Equal(50_000_00, RevenueMath.ContractedArrMinor(100_000_00, 24));
    }

    [Fact]
    public void Grr_never_exceeds_100_percent_even_when_every_customer_expands()
    {
        var retention = RevenueMath.Retention([new CustomerMrrChange(100_00, 300_00, true), new CustomerMrrChange(100_00, 200_00, true)]);

        Assert.Equal(1m, retention.Grr);
        Assert.Equal(2.5m, retention.Nrr);
    }
}
