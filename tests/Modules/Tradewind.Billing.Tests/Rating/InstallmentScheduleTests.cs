using Tradewind.Billing.Rating;
using Tradewind.Contracts.Catalog;
using Tradewind.Primitives.Money;
using static Tradewind.Billing.Tests.Rating.RatingCases;

namespace Tradewind.Billing.Tests.Rating;

public sealed class InstallmentScheduleTests
{
    [Fact]
    public void Months_are_added_from_the_start_so_the_day_does_not_drift()
    {
        var schedule = InstallmentSchedule.For(new ContractTerms(12, "1200.00", 12, false, []), Utc(2027, 1, 31), null, Currency.USD);

        Assert.Equal(Utc(2027, 2, 28), schedule.Due(1));
        Assert.Equal(Utc(2027, 3, 31), schedule.Due(2));
        Assert.Equal(Utc(2028, 1, 31), schedule.End);
    }

    [Fact]
    public void Installments_that_split_months_are_due_at_the_same_share_of_the_next_month()
    {
        // 12 months in 5: every 2.4 months. Installment 1 is due 2 months and 40% of March after 1 January.
        var schedule = InstallmentSchedule.For(new ContractTerms(12, "1000.00", 5, false, []), Utc(2027, 1, 1), null, Currency.USD);

        Assert.Equal(Utc(2027, 3, 1).AddTicks(TimeSpan.FromDays(31).Ticks * 2 / 5), schedule.Due(1));
        Assert.Equal(1000.00m, schedule.Amounts.Sum(a => a.Amount));
    }

    [Fact]
    public void The_last_installment_serves_up_to_the_contracts_end()
    {
        var end = Utc(2027, 9, 1);
        var schedule = InstallmentSchedule.For(new ContractTerms(12, "1200.00", 12, false, []), Utc(2026, 9, 1), end, Currency.USD);

        Assert.Equal(new BillingPeriod(Utc(2027, 8, 1), end), schedule.Interval(11));
    }
}
