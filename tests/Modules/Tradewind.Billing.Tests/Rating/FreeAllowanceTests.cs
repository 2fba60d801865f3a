using Tradewind.Contracts.Billing;
using Tradewind.Contracts.Catalog;
using static Tradewind.Billing.Tests.Rating.RatingCases;

namespace Tradewind.Billing.Tests.Rating;

public sealed class FreeAllowanceTests
{
    private static readonly Tradewind.Billing.Rating.BillingPeriod October = Month(2026, 10);

    [Fact]
    public void The_free_tier_is_taken_off_each_periods_usage_before_the_price()
    {
        var line = Assert.Single(Rate(Input(Plan(PerUnit("0.01"), freePerMonth: 1000), October, 1500)));

        Assert.Equal(500m, line.Quantity);
        Assert.Equal(5.00m, line.Amount);
        Assert.Equal([new RatingStep("free_tier", 1000, null, 0), new RatingStep("unit", 500, "0.01", 5.00m)], line.Steps);
    }

    [Fact]
    public void Usage_within_the_free_tier_gives_no_line()
    {
        Assert.Empty(Rate(Input(Plan(PerUnit("0.01"), freePerMonth: 1000), October, 1000)));
    }

    [Fact]
    public void Graduated_tiers_are_positioned_on_total_usage_with_free_units_first()
    {
        // 600 free units fill the bottom of the first tier: the 900 billable units are units 601..1500,
        // 400 in the first tier (0.01) and 500 in the second (0.008) = 4.00 + 4.00.
        var line = Assert.Single(Rate(Input(Plan(Graduated(DiscountLadder), freePerMonth: 600), October, 1500)));

        Assert.Equal(900m, line.Quantity);
        Assert.Equal(8.00m, line.Amount);
        Assert.Equal(
            [new RatingStep("free_tier", 600, null, 0), new RatingStep("tier", 400, "0.01", 4.00m, 0, 1000), new RatingStep("tier", 500, "0.008", 4.000m, 1000, 10000)],
            line.Steps);
    }

    [Fact]
    public void Volume_tier_is_chosen_by_total_usage_and_applies_to_billable_units()
    {
        // 1,500 in total falls in the 0.008 tier; 900 of them are billable.
        var line = Assert.Single(Rate(Input(Plan(Volume(DiscountLadder), freePerMonth: 600), October, 1500)));

        Assert.Equal(7.200m, line.Amount);
        Assert.Equal(new RatingStep("tier", 900, "0.008", 7.200m, 1000, 10000), line.Steps[^1]);
    }

    [Fact]
    public void Free_units_are_taken_off_before_packing()
    {
        // 2,100 − 1,000 free = 1,100 billable: two packages of 1,000.
        var line = Assert.Single(Rate(Input(Plan(Package(1000, "5.00"), freePerMonth: 1000), October, 2100)));

        Assert.Equal(10.00m, line.Amount);
    }

    [Fact]
    public void The_trial_quota_is_per_trial_and_what_is_left_covers_trial_usage()
    {
        // Quota 1,000 for the whole trial; 700 were used in September. In October the trial's 500 units use the 300 left,
        // 200 go beyond the quota, and the 400 after the trial are paid: 600 × 0.01.
        var terms = Plan(PerUnit("0.01"), trial: new FreeTrialTerms(30, [new DimensionQuantity(Calls, 1000)]));
        var input = Input(terms, October) with
        {
            AgreementStart = Utc(2026, 9, 10),
            TrialEndsAt = Utc(2026, 10, 10),
            TrialUsageBeforePeriod = Usage(700),
            TrialUsage = Usage(500),
            PaidUsage = Usage(400),
        };

        var line = Assert.Single(Rate(input));

        Assert.Equal(600m, line.Quantity);
        Assert.Equal(6.00m, line.Amount);
        Assert.Equal([new RatingStep("trial_quota", 300, null, 0), new RatingStep("unit", 600, "0.01", 6.00m)], line.Steps);
    }

    [Fact]
    public void Trial_usage_within_the_quota_is_free()
    {
        var terms = Plan(PerUnit("0.01"), trial: new FreeTrialTerms(14, [new DimensionQuantity(Calls, 1000)]));
        var input = Input(terms, October) with { TrialEndsAt = Utc(2026, 10, 15), TrialUsage = Usage(1000) };

        Assert.Empty(Rate(input));
    }

    [Fact]
    public void A_dimension_without_a_trial_quota_is_free_throughout_the_trial()
    {
        var terms = Plan(PerUnit("0.01"), trial: new FreeTrialTerms(14, null));
        var input = Input(terms, October) with { TrialEndsAt = Utc(2026, 10, 15), TrialUsage = Usage(50_000), PaidUsage = Usage(100) };

        var line = Assert.Single(Rate(input));

        Assert.Equal(1.00m, line.Amount);
    }

    [Fact]
    public void The_free_tier_also_covers_trial_usage_beyond_the_quota()
    {
        var terms = Plan(PerUnit("0.01"), freePerMonth: 100, trial: new FreeTrialTerms(14, [new DimensionQuantity(Calls, 50)]));
        var input = Input(terms, October) with { TrialEndsAt = Utc(2026, 10, 15), TrialUsage = Usage(120), PaidUsage = Usage(80) };

        // 50 under the quota, then 70 + 80 = 150 chargeable, of which 100 are free: 50 × 0.01.
        var line = Assert.Single(Rate(input));

        Assert.Equal([new RatingStep("trial_quota", 50, null, 0), new RatingStep("free_tier", 100, null, 0), new RatingStep("unit", 50, "0.01", 0.50m)], line.Steps);
    }
}
