using System.Globalization;
using CsCheck;
using Tradewind.Primitives.Tests;

namespace Tradewind.Primitives.Time.Tests;

public sealed class BillingPeriodTests
{
    private static readonly TimeZoneInfo NewYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");

    private static DateTimeOffset Utc(string iso) =>
        DateTimeOffset.ParseExact(iso, "yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);

    [Fact]
    public void A_period_contains_its_start_but_not_its_end()
    {
        var march = BillingPeriod.Month(2026, 3);

        Assert.True(march.Contains(Utc("2026-03-01T00:00:00Z")));
        Assert.True(march.Contains(Utc("2026-03-31T23:59:59Z")));
        Assert.True(march.Contains(Utc("2026-04-01T00:00:00Z").AddTicks(-1)));
        Assert.False(march.Contains(Utc("2026-04-01T00:00:00Z")));
        Assert.False(march.Contains(Utc("2026-03-01T00:00:00Z").AddTicks(-1)));
    }

    [Fact]
    public void Containment_compares_instants_whatever_their_offset()
    {
        var march = BillingPeriod.Month(2026, 3);

        // 2026-04-01T01:00+02:00 is 2026-03-31T23:00Z.
        Assert.True(march.Contains(new DateTimeOffset(2026, 4, 1, 1, 0, 0, TimeSpan.FromHours(2))));
    }

    [Fact]
    public void A_utc_month_runs_from_the_first_to_the_first_of_the_next_month()
    {
        var february = BillingPeriod.Month(2026, 2);

        Assert.Equal(Utc("2026-02-01T00:00:00Z"), february.Start);
        Assert.Equal(Utc("2026-03-01T00:00:00Z"), february.End);
        Assert.Equal(TimeSpan.FromDays(28), february.Duration);
        Assert.Equal(TimeSpan.FromDays(29), BillingPeriod.Month(2028, 2).Duration);
        Assert.Equal("2026-02-01T00:00:00Z/2026-03-01T00:00:00Z", february.ToString());
    }

    [Fact]
    public void A_month_in_a_zone_follows_daylight_saving_time()
    {
        var march = BillingPeriod.MonthContaining(Utc("2026-03-15T12:00:00Z"), NewYork);

        Assert.Equal("2026-03-01T05:00:00Z/2026-04-01T04:00:00Z", march.ToString());
        Assert.Equal(TimeSpan.FromDays(31) - TimeSpan.FromHours(1), march.Duration);
        Assert.Equal(TimeSpan.Zero, march.Start.Offset);
    }

    [Fact]
    public void The_month_is_taken_from_the_local_date_not_the_utc_date()
    {
        // 03:00Z on 1 March is still 28 February in New York.
        var period = BillingPeriod.MonthContaining(Utc("2026-03-01T03:00:00Z"), NewYork);

        Assert.Equal("2026-02-01T05:00:00Z/2026-03-01T05:00:00Z", period.ToString());
    }

    [Fact]
    public void A_month_that_starts_in_a_skipped_midnight_starts_when_the_day_does()
    {
        var zone = ZoneWithMidnightTransitions();

        // Clocks jump from 00:00 to 01:00 on 1 April, so April starts at 01:00 local (+01:00) = 00:00Z.
        Assert.Equal(Utc("2026-04-01T00:00:00Z"), BillingPeriod.MonthContaining(Utc("2026-04-15T00:00:00Z"), zone).Start);

        // Clocks fall back from 01:00 to 00:00 on 1 October, so midnight happens twice; October starts at the first.
        var october = BillingPeriod.MonthContaining(Utc("2026-10-15T00:00:00Z"), zone);
        Assert.Equal(Utc("2026-09-30T23:00:00Z"), october.Start);
        Assert.Equal(october.Start, BillingPeriod.MonthContaining(Utc("2026-09-15T00:00:00Z"), zone).End);
    }

    [Fact]
    public void Consecutive_months_in_a_zone_tile_time_without_gaps_or_overlaps()
    {
        var instants = Gen.Long[Utc("1990-01-01T00:00:00Z").Ticks, Utc("2090-01-01T00:00:00Z").Ticks].Select(t => new DateTimeOffset(t, TimeSpan.Zero));
        var zones = Gen.OneOf(NewYork, TimeZoneInfo.FindSystemTimeZoneById("Europe/London"), TimeZoneInfo.FindSystemTimeZoneById("Australia/Sydney"), TimeZoneInfo.FindSystemTimeZoneById("Asia/Kolkata"), TimeZoneInfo.Utc);
        Gen.Select(instants, zones).Sample((instant, zone) =>
        {
            var period = BillingPeriod.MonthContaining(instant, zone);
            var next = period.Next(zone);
            return period.Contains(instant)
                && next.Start == period.End
                && !period.Overlaps(next)
                && TimeZoneInfo.ConvertTime(period.Start, zone).Day == 1;
        });
    }

    [Fact]
    public void Next_moves_to_the_following_calendar_month()
    {
        Assert.Equal(BillingPeriod.Month(2027, 1), BillingPeriod.Month(2026, 12).Next());
        var october = BillingPeriod.MonthContaining(Utc("2026-10-10T00:00:00Z"), NewYork);
        Assert.Equal("2026-11-01T04:00:00Z/2026-12-01T05:00:00Z", october.Next(NewYork).ToString());
    }

    [Fact]
    public void Next_is_refused_for_a_period_that_is_not_a_calendar_month_in_the_zone()
    {
        var fortnight = new BillingPeriod(Utc("2026-03-01T00:00:00Z"), Utc("2026-03-15T00:00:00Z"));

        Assert.Throws<InvalidOperationException>(() => fortnight.Next());
        Assert.Throws<InvalidOperationException>(() => BillingPeriod.Month(2026, 3).Next(NewYork));
    }

    [Fact]
    public void Periods_that_only_touch_do_not_overlap()
    {
        var march = BillingPeriod.Month(2026, 3);
        var april = BillingPeriod.Month(2026, 4);
        var straddling = new BillingPeriod(Utc("2026-03-31T00:00:00Z"), Utc("2026-04-02T00:00:00Z"));

        Assert.False(march.Overlaps(april));
        Assert.False(april.Overlaps(march));
        Assert.True(march.Overlaps(straddling));
        Assert.True(straddling.Overlaps(april));
        Assert.True(march.Overlaps(march));
    }

    [Fact]
    public void An_empty_or_reversed_period_is_refused()
    {
        var instant = Utc("2026-03-01T00:00:00Z");

        Assert.Throws<ArgumentOutOfRangeException>(() => new BillingPeriod(instant, instant));
        Assert.Throws<ArgumentOutOfRangeException>(() => new BillingPeriod(instant, instant.AddTicks(-1)));
    }

    [Fact]
    public void Bounds_with_a_non_zero_offset_are_refused()
    {
        var local = new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.FromHours(1));

        var error = Assert.Throws<ArgumentException>(() => new BillingPeriod(local, local.AddDays(1)));
        Assert.Equal("start", error.ParamName);
    }

    [Theory]
    [InlineData(2026, 0)]
    [InlineData(2026, 13)]
    [InlineData(0, 1)]
    [InlineData(9999, 12)]
    public void A_month_outside_the_calendar_is_refused(int year, int month)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => BillingPeriod.Month(year, month));
    }

    [Fact]
    public void Sub_second_bounds_print_their_fraction()
    {
        var start = Utc("2026-03-01T00:00:00Z");
        var period = new BillingPeriod(start, start.AddMilliseconds(1500));

        Assert.Equal("2026-03-01T00:00:00Z/2026-03-01T00:00:01.5Z", period.ToString());
    }

    [Fact]
    public void Billing_periods_obey_the_value_laws()
    {
        ValueLaws.Equality(
            BillingPeriod.Month(2026, 3),
            new BillingPeriod(Utc("2026-03-01T00:00:00Z"), Utc("2026-04-01T00:00:00Z")),
            BillingPeriod.Month(2026, 4));
        Assert.True(BillingPeriod.Month(2026, 3) == BillingPeriod.Month(2026, 3));
        Assert.True(BillingPeriod.Month(2026, 3) != BillingPeriod.Month(2025, 3));
    }

    [Fact]
    public void Default_period_is_not_a_valid_period()
    {
        var unset = default(BillingPeriod);

        Assert.Throws<InvalidOperationException>(() => unset.Start);
        Assert.Throws<InvalidOperationException>(() => unset.Duration);
        Assert.Throws<InvalidOperationException>(() => unset.Contains(Utc("2026-03-01T00:00:00Z")));
        Assert.Throws<InvalidOperationException>(() => unset.Next());
    }

    private static TimeZoneInfo ZoneWithMidnightTransitions()
    {
        // Base offset zero; one hour of daylight time from 00:00 on 1 April (local standard time) to
        // 01:00 on 1 October (local daylight time), so both month boundaries sit on a transition.
        var rule = TimeZoneInfo.AdjustmentRule.CreateAdjustmentRule(
            new DateTime(2000, 1, 1, 0, 0, 0, DateTimeKind.Unspecified),
            new DateTime(2099, 12, 31, 0, 0, 0, DateTimeKind.Unspecified),
            TimeSpan.FromHours(1),
            TimeZoneInfo.TransitionTime.CreateFixedDateRule(new DateTime(1, 1, 1, 0, 0, 0, DateTimeKind.Unspecified), 4, 1),
            TimeZoneInfo.TransitionTime.CreateFixedDateRule(new DateTime(1, 1, 1, 1, 0, 0, DateTimeKind.Unspecified), 10, 1));
        return TimeZoneInfo.CreateCustomTimeZone("Test/MidnightTransitions", TimeSpan.Zero, "Midnight transitions", "Standard", "Daylight", [rule]);
    }
}
