using System.Globalization;
using CsCheck;
using Tradewind.Billing.Rating;
using Tradewind.Contracts.Billing;
using Tradewind.Contracts.Catalog;
using Tradewind.Primitives.Money;
using static Tradewind.Billing.Tests.Rating.RatingCases;

namespace Tradewind.Billing.Tests.Rating;

/// <summary>A private offer's contract with dated payments (<see cref="ContractTerms.Schedule"/>).</summary>
public sealed class ExplicitScheduleTests
{
    private static PlanTerms Offer(string price, int termMonths, string currency, params ContractPayment[] payments) =>
        new(
            "Private offer",
            null,
            null,
            null,
            [Dimension(null)],
            new ContractTerms(termMonths, price, payments.Length, false, [new Entitlement(Calls, 10_000)], payments),
            currency);

    private static ContractPayment Pay(int year, int month, int day, string amount) => new(new DateOnly(year, month, day), amount);

    [Fact]
    public void Payments_are_due_on_their_dates_and_one_dated_before_the_start_at_the_start()
    {
        var start = Utc(2026, 9, 17, 10, 30);
        var terms = Offer("1000000", 12, "JPY", Pay(2026, 9, 1, "250000"), Pay(2026, 12, 17, "250000"), Pay(2027, 3, 17, "250000"), Pay(2027, 6, 17, "250000"));

        var schedule = InstallmentSchedule.For(terms.Contract!, start, null, Currency.FromCode("JPY"));

        Assert.True(schedule.IsExplicit);
        Assert.False(schedule.IsMonthly);
        Assert.Equal([start, Utc(2026, 12, 17), Utc(2027, 3, 17), Utc(2027, 6, 17)], Enumerable.Range(0, 4).Select(schedule.Due));
        Assert.Equal(new BillingPeriod(start, Utc(2026, 12, 17)), schedule.Interval(0));
        Assert.Equal(new BillingPeriod(Utc(2027, 6, 17), start.AddMonths(12)), schedule.Interval(3));
        Assert.All(schedule.Amounts, a => Assert.Equal(250_000, a.MinorUnits));
    }

    [Fact]
    public void Each_payment_is_charged_in_full_in_the_period_that_holds_its_due_date()
    {
        var start = Utc(2026, 9, 17, 10, 30);
        // Uneven amounts, monthly spacing: still never prorated, even though the agreement starts mid-month.
        var terms = Offer("1000.05", 3, "EUR", Pay(2026, 9, 17, "500.03"), Pay(2026, 10, 17, "300.01"), Pay(2026, 11, 17, "200.01"));

        var september = Rate(Input(terms, Month(2026, 9), start: start));
        var october = Rate(Input(terms, Month(2026, 10), start: start) with { AlreadyBilled = [.. Billed(september)] });

        var first = Single(september, InvoiceLineKind.Installment);
        Assert.Equal(500.03m, first.Amount);
        Assert.Equal(1, first.InstallmentNumber);
        Assert.Equal("Contract installment 1 of 3", first.Description);
        Assert.Equal([new RatingStep("installment", 1, "500.03", 500.03m)], first.Steps);
        Assert.Equal(new BillingPeriod(start, Utc(2026, 10, 17)), first.ServicePeriod);
        var second = Single(october, InvoiceLineKind.Installment);
        Assert.Equal(300.01m, second.Amount);
        Assert.Equal(2, second.InstallmentNumber);
    }

    [Fact]
    public void A_payment_due_after_the_agreement_ended_is_never_charged_and_one_ended_inside_is_not_prorated()
    {
        var start = Utc(2026, 9, 1);
        var terms = Offer("900.00", 3, "USD", Pay(2026, 9, 1, "300.00"), Pay(2026, 10, 1, "300.00"), Pay(2026, 11, 1, "300.00"));
        var input = Input(terms, Month(2026, 10), start: start) with
        {
            EndedAt = Utc(2026, 10, 20),
            AlreadyBilled = [new PriorCharge(InvoiceLineKind.Installment, null, 1, 1, 300m)],
        };

        var october = Rate(input);
        var november = Rate(input with { Period = Month(2026, 11), AlreadyBilled = [.. input.AlreadyBilled, .. Billed(october)] });

        Assert.Equal(300.00m, Single(october, InvoiceLineKind.Installment).Amount);
        Assert.Empty(november);
    }

    [Fact]
    public void A_single_payment_is_installment_1_of_1_not_an_upfront_fee()
    {
        var start = Utc(2026, 9, 17);
        var terms = Offer("1200.00", 12, "GBP", Pay(2026, 10, 1, "1200.00"));

        Assert.Empty(Rate(Input(terms, Month(2026, 9), start: start)));
        var line = Single(Rate(Input(terms, Month(2026, 10), start: start)), InvoiceLineKind.Installment);

        Assert.Equal(1, line.InstallmentNumber);
        Assert.Equal("Contract installment 1 of 1", line.Description);
        Assert.Equal(new BillingPeriod(Utc(2026, 10, 1), start.AddMonths(12)), line.ServicePeriod);
        Assert.Empty(Rate(Input(terms, Month(2026, 11), start: start) with { AlreadyBilled = [.. Billed([line])] }));
    }

    [Fact]
    public void Without_a_schedule_a_contract_is_rated_as_before()
    {
        var terms = Contract("1200.00", termMonths: 12, installments: 1);

        Assert.Equal(InvoiceLineKind.ContractFee, Single(Rate(Input(terms, Month(2026, 9), start: Utc(2026, 9, 1))), InvoiceLineKind.ContractFee).Kind);
    }

    [Fact]
    public void Installments_sum_to_the_price_and_are_each_billed_once_over_any_monthly_periods()
    {
        // 1 to 12 payments on days 0..(term×30) after a start, amounts in cents summing to the price; rated month by
        // month from the start's month (some months skipped: a missed one is picked up by the next), through the term.
        var gen = Gen.Select(Gen.Int[1, 24], Gen.Int[0, 27], Gen.Int[1, 5_000_000].Array[1, 12], Gen.Int[0, 720].Array[12], Gen.Bool.Array[30])
            .Select((term, startDay, cents, offsets, skip) => (term, startDay, cents, offsets, skip));
        gen.Sample(t =>
        {
            var (term, startDay, cents, offsets, skip) = t;
            var start = Utc(2026, 1, 1).AddDays(startDay).AddHours(7);
            var payments = cents.Select((c, i) => new ContractPayment(DateOnly.FromDateTime(start.UtcDateTime.AddDays(-5 + (offsets[i] % (term * 30))).Date), (c / 100m).ToString("0.00", CultureInfo.InvariantCulture))).ToArray();
            var price = (cents.Sum(c => (long)c) / 100m).ToString("0.00", CultureInfo.InvariantCulture);
            var terms = Offer(price, term, "USD", payments);
            var billed = new List<PriorCharge>();
            var charged = new List<RatedLine>();
            var first = Month(2026, 1);
            var months = term + 2;
            for (var m = 0; m < months; m++)
            {
                if (m < months - 1 && skip[m % skip.Length])
                {
                    continue;
                }

                var period = new BillingPeriod(first.Start.AddMonths(m), first.Start.AddMonths(m + 1));
                var lines = Rate(Input(terms, period, start: start) with { AlreadyBilled = [.. billed] });
                charged.AddRange(lines);
                billed.AddRange(Billed(lines));
            }

            Assert.Equal(cents.Sum(c => (long)c), charged.Sum(l => (long)(l.Amount * 100)));
            Assert.Equal(Enumerable.Range(1, cents.Length), charged.Select(l => l.InstallmentNumber!.Value).Order());
            Assert.All(charged, l => Assert.Equal(InvoiceLineKind.Installment, l.Kind));
        });
    }
}
