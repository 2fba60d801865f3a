using Tradewind.Billing.Rating;
using static Tradewind.Billing.Tests.Rating.RatingCases;

namespace Tradewind.Billing.Tests.Rating;

public sealed class ProrationTests
{
    [Fact]
    public void A_start_on_the_17th_of_a_30_day_month_serves_14_of_its_30_days()
    {
        var september = Month(2026, 9);

        var served = Proration.Served(september, Utc(2026, 9, 17, 10, 30), null);

        Assert.Equal(new BillingPeriod(Utc(2026, 9, 17, 10, 30), september.End), served);
        Assert.Equal(14, Proration.Days(served.Start, served.End));
        Assert.Equal(30, Proration.Days(september.Start, september.End));
        Assert.Equal(140m, Proration.Prorate(300m, 14, 30));
    }

    [Fact]
    public void An_end_mid_month_serves_the_days_before_the_end_date()
    {
        var october = Month(2026, 10);

        var served = Proration.Served(october, october.Start, Utc(2026, 10, 16, 18, 0));

        // 1..15 October: 15 of 31 days; the day of the end is not served.
        Assert.Equal(15, Proration.Days(served.Start, served.End));
        Assert.Equal(48.387096774194m, Proration.Prorate(100m, 15, 31));
    }

    [Fact]
    public void A_whole_interval_is_charged_in_full()
    {
        Assert.Equal(83.34m, Proration.Prorate(83.34m, 30, 30));
    }

    [Fact]
    public void A_service_ending_before_the_interval_serves_nothing()
    {
        var october = Month(2026, 10);

        var served = Proration.Served(october, Utc(2026, 9, 1), Utc(2026, 9, 20));

        Assert.Equal(0, Proration.Days(served.Start, served.End));
    }
}
