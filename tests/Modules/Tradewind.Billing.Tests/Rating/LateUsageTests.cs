using Tradewind.Billing.Rating;
using Tradewind.Contracts.Billing;
using Tradewind.Contracts.Catalog;
using static Tradewind.Billing.Tests.Rating.RatingCases;

namespace Tradewind.Billing.Tests.Rating;

public sealed class LateUsageTests
{
    private static readonly Tradewind.Billing.Rating.BillingPeriod September = Month(2026, 9);

    [Fact]
    public void Records_arriving_after_billing_are_charged_as_the_difference_of_the_cumulative_rating()
    {
        var terms = Plan(Graduated(DiscountLadder), freePerMonth: 200);
        var first = Rate(Input(terms, September, 1000));
        Assert.Equal(8.00m, Single(first, InvoiceLineKind.Usage).Amount);

        // 300 more records for September: 1,300 in total, 1,100 billable = 800 × 0.01 + 300 × 0.008 = 10.40.
        var late = Rate(Input(terms, September, 1300) with { AlreadyBilled = [.. Billed(first)] });

        var line = Single(late, InvoiceLineKind.LateUsage);
        Assert.Equal(300m, line.Quantity);
        Assert.Equal(2.40m, line.Amount);
        Assert.Equal(September, line.ServicePeriod);
        Assert.Equal(new RatingStep("already_billed", -800, null, -8.00m), line.Steps[^1]);
        Assert.Equal(line.Amount, line.Steps.Sum(s => s.Amount));
    }

    [Fact]
    public void Nothing_is_charged_when_no_usage_arrived_since()
    {
        var terms = Plan(PerUnit("0.00042"));
        var first = Rate(Input(terms, September, 1_234_567));

        Assert.Empty(Rate(Input(terms, September, 1_234_567) with { AlreadyBilled = [.. Billed(first)] }));
    }

    [Fact]
    public void Late_usage_after_a_period_that_charged_nothing_is_late_when_the_period_is_marked_billed()
    {
        // The period's 900 units were free, so no line was charged; the run records a zero charge for the dimension.
        var terms = Plan(PerUnit("0.01"), freePerMonth: 1000);
        Assert.Empty(Rate(Input(terms, September, 900)));
        PriorCharge nothingCharged = new(InvoiceLineKind.Usage, Calls, null, 0, 0);

        var line = Single(Rate(Input(terms, September, 1200) with { AlreadyBilled = [nothingCharged] }), InvoiceLineKind.LateUsage);

        Assert.Equal((200m, 2.00m), (line.Quantity, line.Amount));
    }

    [Fact]
    public void A_volume_tier_crossed_by_late_usage_gives_a_negative_difference()
    {
        // 1,000 units were billed at 0.01 (10.00); one more unit moves all 1,001 into the 0.008 tier (8.008):
        // the late line is −1.992, so the buyer pays the published price of the period's total, 8.008.
        var terms = Plan(Volume(DiscountLadder));
        var first = Rate(Input(terms, September, 1000));

        var line = Single(Rate(Input(terms, September, 1001) with { AlreadyBilled = [.. Billed(first)] }), InvoiceLineKind.LateUsage);

        Assert.Equal(1m, line.Quantity);
        Assert.Equal(-1.992m, line.Amount);
        Assert.Equal(8.008m, first.Sum(l => l.Amount) + line.Amount);
    }

    [Fact]
    public void Each_late_run_bills_only_what_is_new_since_the_last()
    {
        var terms = Plan(Package(100, "1.00"));
        var billed = new List<PriorCharge>();
        var total = 0m;
        foreach (var cumulative in new[] { 50m, 120m, 150m, 201m })
        {
            var lines = Rate(Input(terms, September, cumulative) with { AlreadyBilled = [.. billed] });
            billed.AddRange(Billed(lines));
            total += lines.Sum(l => l.Amount);
        }

        Assert.Equal(3.00m, total);
        Assert.Equal(201m, billed.Sum(b => b.Quantity));
    }

    [Fact]
    public void Late_usage_lines_are_per_dimension()
    {
        var terms = new PlanTerms("Two", null, null, null, [Dimension(PerUnit("0.01")), Dimension(PerUnit("0.10"), "storage_gb")], null);
        var both = new Dictionary<string, decimal>(StringComparer.Ordinal) { [Calls] = 100, ["storage_gb"] = 10 };
        var first = Rate(Input(terms, September) with { PaidUsage = both });

        var more = new Dictionary<string, decimal>(StringComparer.Ordinal) { [Calls] = 100, ["storage_gb"] = 15 };
        var late = Rate(Input(terms, September) with { PaidUsage = more, AlreadyBilled = [.. Billed(first)] });

        var line = Assert.Single(late);
        Assert.Equal(("storage_gb", 5m, 0.50m), (line.Dimension, line.Quantity, line.Amount));
    }
}
