using CsCheck;
using Tradewind.Billing.Rating;
using static Tradewind.Billing.Tests.Rating.RatingCases;

namespace Tradewind.Billing.Tests.Rating;

/// <summary>What is left unused of a prepaid contract charge when its agreement is replaced (<see cref="Proration.Unused"/>).</summary>
public sealed class ReplacementCreditTests
{
    [Fact]
    public void A_year_paid_upfront_and_replaced_after_100_days_credits_the_other_265_days()
    {
        // 1 January 2027 to 1 January 2028: 365 days. Replaced at 15:00 on 11 April, day 101: 100 days served.
        var unused = Proration.Unused(1_200_00, Utc(2027, 1, 1), Utc(2028, 1, 1), Utc(2027, 4, 11, 15));

        Assert.Equal(87_123, unused); // 120,000 × 265 / 365 = 87,123.29 → 87,123 cents
    }

    [Fact]
    public void The_day_of_the_replacement_is_credited_and_rounding_is_half_away_from_zero()
    {
        // A quarter of 90 days from 1 October 2026 (to 30 December), ¥250,000, replaced on 1 November at 09:00: 31 days served, 59 credited.
        var unused = Proration.Unused(250_000, Utc(2026, 10, 1), Utc(2026, 12, 30), Utc(2026, 11, 1, 9));

        Assert.Equal(163_889, unused); // 250,000 × 59 / 90 = 163,888.9
    }

    [Fact]
    public void Nothing_is_credited_once_the_service_ended_and_everything_before_it_began()
    {
        Assert.Equal(0, Proration.Unused(10_000, Utc(2026, 9, 1), Utc(2026, 10, 1), Utc(2026, 10, 1)));
        Assert.Equal(0, Proration.Unused(10_000, Utc(2026, 9, 1), Utc(2026, 10, 1), Utc(2026, 11, 5)));
        Assert.Equal(10_000, Proration.Unused(10_000, Utc(2026, 9, 1), Utc(2026, 10, 1), Utc(2026, 8, 20)));
        Assert.Equal(10_000, Proration.Unused(10_000, Utc(2026, 9, 1, 10), Utc(2026, 10, 1), Utc(2026, 9, 1, 18)));
    }

    [Fact]
    public void Served_and_unused_days_never_exceed_the_charge()
    {
        Gen.Select(Gen.Long[0, 100_000_000], Gen.Int[0, 400], Gen.Int[1, 800], Gen.Int[-50, 900]).Sample((amount, startDay, length, endDay) =>
        {
            var start = Utc(2026, 1, 1).AddDays(startDay);
            var end = start.AddDays(length);
            var unused = Proration.Unused(amount, start, end, Utc(2026, 1, 1).AddDays(startDay + endDay).AddHours(5));

            Assert.InRange(unused, 0, amount);
        });
    }
}
