using Tradewind.Billing.Rating;
using Tradewind.Contracts.Billing;
using static Tradewind.Billing.Tests.Rating.RatingCases;

namespace Tradewind.Billing.Tests.Rating;

public sealed class ContractRatingTests
{
    [Fact]
    public void An_upfront_contract_is_charged_once_in_the_period_that_holds_its_start()
    {
        var terms = Contract("1200.00", termMonths: 12, installments: 1);
        var start = Utc(2026, 9, 17, 10, 30);

        var september = Rate(Input(terms, Month(2026, 9), start: start));
        var fee = Single(september, InvoiceLineKind.ContractFee);

        Assert.Equal(1200.00m, fee.Amount);
        Assert.Null(fee.InstallmentNumber);
        Assert.Equal(new BillingPeriod(start, start.AddMonths(12)), fee.ServicePeriod);
        Assert.Equal([new RatingStep("contract_fee", 1, "1200.00", 1200.00m)], fee.Steps);

        var october = Input(terms, Month(2026, 10), start: start) with { AlreadyBilled = [.. Billed(september)] };
        Assert.Empty(Rate(october));
        Assert.Empty(Rate(Input(terms, Month(2026, 8), start: start)));
    }

    [Fact]
    public void A_missed_upfront_fee_is_charged_in_the_next_period_rated()
    {
        var terms = Contract("1200.00", termMonths: 12, installments: 1);

        var october = Rate(Input(terms, Month(2026, 10), start: Utc(2026, 9, 17)));

        Assert.Equal(1200.00m, Single(october, InvoiceLineKind.ContractFee).Amount);
    }

    [Fact]
    public void Twelve_installments_over_twelve_months_add_up_to_the_price_exactly()
    {
        var terms = Contract("1000.00", termMonths: 12, installments: 12);
        var start = Utc(2026, 9, 17, 10, 30);
        var billed = new List<PriorCharge>();
        var charged = new List<RatedLine>();
        var first = Month(2026, 9);
        for (var month = 0; month < 14; month++)
        {
            var period = new BillingPeriod(first.Start.AddMonths(month), first.Start.AddMonths(month + 1));
            var lines = Rate(Input(terms, period, start: start) with { AlreadyBilled = [.. billed] });
            Assert.True(month < 12 ? lines.Count == 1 : lines.Count == 0, $"month {month}: {lines.Count} lines");
            charged.AddRange(lines);
            billed.AddRange(Billed(lines));
        }

        // 1,000.00 / 12: the first four installments are 83.34, the other eight 83.33.
        Assert.Equal(Enumerable.Range(1, 12), charged.Select(l => l.InstallmentNumber!.Value));
        Assert.Equal([83.34m, 83.34m, 83.34m, 83.34m, 83.33m, 83.33m, 83.33m, 83.33m, 83.33m, 83.33m, 83.33m, 83.33m], charged.Select(l => l.Amount));
        Assert.Equal(1000.00m, charged.Sum(l => l.Amount));
        Assert.All(charged, l => Assert.Equal(InvoiceLineKind.Installment, l.Kind));
    }

    [Fact]
    public void A_contract_starting_on_the_17th_pays_its_first_monthly_installment_in_full_for_the_month_from_the_17th()
    {
        // The installments' months are anchored on the start, so a start on 17 September is not a partial month:
        // installment 1 covers 17 September to 17 October (30 days) and is charged in full.
        var terms = Contract("1200.00", termMonths: 12, installments: 12);
        var start = Utc(2026, 9, 17, 10, 30);

        var line = Single(Rate(Input(terms, Month(2026, 9), start: start)), InvoiceLineKind.Installment);

        Assert.Equal(100.00m, line.Amount);
        Assert.Equal(new BillingPeriod(start, Utc(2026, 10, 17, 10, 30)), line.ServicePeriod);
        Assert.Equal("Contract installment 1 of 12", line.Description);
    }

    [Fact]
    public void Installments_are_due_from_the_end_of_the_trial()
    {
        var terms = Contract("1200.00", termMonths: 12, installments: 12);
        var input = Input(terms, Month(2026, 9), start: Utc(2026, 9, 10)) with { TrialEndsAt = Utc(2026, 10, 10) };

        Assert.Empty(Rate(input));
        Assert.Equal(1, Single(Rate(input with { Period = Month(2026, 10) }), InvoiceLineKind.Installment).InstallmentNumber);
    }

    [Fact]
    public void A_cancellation_mid_month_prorates_that_months_installment_by_day()
    {
        // Monthly installments of 100.00 from 1 September; cancelled on 16 November at 18:00: November's installment
        // serves 1..15 November, 15 of 30 days = 50.00. December's is never billed.
        var terms = Contract("1200.00", termMonths: 12, installments: 12);
        var input = Input(terms, Month(2026, 11), start: Utc(2026, 9, 1)) with
        {
            EndedAt = Utc(2026, 11, 16, 18, 0),
            AlreadyBilled = [new PriorCharge(InvoiceLineKind.Installment, null, 1, 1, 100m), new PriorCharge(InvoiceLineKind.Installment, null, 2, 1, 100m)],
        };

        var line = Single(Rate(input), InvoiceLineKind.Installment);

        Assert.Equal(3, line.InstallmentNumber);
        Assert.Equal(50.00m, line.Amount);
        Assert.Equal(50.00m, line.UnitPrice);
        Assert.Equal(new BillingPeriod(Utc(2026, 11, 1), Utc(2026, 11, 16, 18, 0)), line.ServicePeriod);
        Assert.Equal([new RatingStep("installment", 1, "100.00", 100m), new RatingStep("proration", 15, null, -50.00m, UpTo: 30)], line.Steps);
        Assert.Empty(Rate(input with { Period = Month(2026, 12), AlreadyBilled = [.. input.AlreadyBilled, .. Billed([line])] }));
    }

    [Fact]
    public void A_cancellation_inside_a_start_anchored_month_prorates_with_sub_cent_precision()
    {
        // Start 17 September, cancelled 2 October: installment 1 serves 17 September..1 October, 15 of 30 days.
        var terms = Contract("1000.00", termMonths: 12, installments: 12);
        var start = Utc(2026, 9, 17, 10, 30);
        var input = Input(terms, new BillingPeriod(start, start.AddMonths(1)), start: start) with { EndedAt = Utc(2026, 10, 2, 9, 0) };

        var line = Single(Rate(input), InvoiceLineKind.Installment);

        Assert.Equal(83.34m * 15 / 30, line.Amount);
    }

    [Fact]
    public void Quarterly_installments_are_not_prorated()
    {
        var terms = Contract("1200.00", termMonths: 12, installments: 4);
        var input = Input(terms, Month(2026, 9), start: Utc(2026, 9, 1)) with { EndedAt = Utc(2026, 9, 20) };

        Assert.Equal(300.00m, Single(Rate(input), InvoiceLineKind.Installment).Amount);
    }

    [Fact]
    public void Overage_beyond_the_entitlement_is_charged_through_the_price_model()
    {
        var terms = Contract("1200.00", termMonths: 12, installments: 1, overage: true, entitled: 10_000, overagePrice: Graduated(DiscountLadder));
        var input = Input(terms, Month(2026, 9), paid: 12_500, start: Utc(2026, 9, 1));

        var usage = Single(Rate(input), InvoiceLineKind.Usage);

        // Units 10,001..12,500 are in the 0.005 tier: 2,500 × 0.005.
        Assert.Equal(2500m, usage.Quantity);
        Assert.Equal(12.5m, usage.Amount);
        Assert.Equal([new RatingStep("entitlement", 10_000, null, 0), new RatingStep("tier", 2500, "0.005", 12.5m, 10000, null)], usage.Steps);
    }

    [Fact]
    public void Without_overage_usage_beyond_the_entitlement_is_not_charged()
    {
        var terms = Contract("1200.00", termMonths: 12, installments: 1, overage: false, entitled: 10_000);

        var lines = Rate(Input(terms, Month(2026, 9), paid: 50_000, start: Utc(2026, 9, 1)));

        Assert.Equal([InvoiceLineKind.ContractFee], lines.Select(l => l.Kind));
    }

    [Fact]
    public void An_unlimited_entitlement_covers_all_usage_even_with_overage()
    {
        var terms = Contract("1200.00", termMonths: 12, installments: 1, overage: true, entitled: null);

        var lines = Rate(Input(terms, Month(2026, 9), paid: 50_000, start: Utc(2026, 9, 1)));

        Assert.DoesNotContain(lines, l => l.Kind == InvoiceLineKind.Usage);
    }

    [Fact]
    public void Installments_due_at_or_after_the_end_are_never_billed()
    {
        var terms = Contract("1200.00", termMonths: 12, installments: 12);
        var input = Input(terms, Month(2027, 3), start: Utc(2026, 9, 1)) with { EndedAt = Utc(2026, 10, 1) };

        // Installment 1 (September) was missed and is owed; 2 is due on the day the agreement ended.
        var lines = Rate(input);

        Assert.Equal([1], lines.Select(l => l.InstallmentNumber!.Value));
    }
}
