using CsCheck;
using Tradewind.Agreements.Agreements;

namespace Tradewind.Agreements.Tests.Agreements;

public sealed class MonthlyPeriodsTests
{
    private static readonly Gen<DateTimeOffset> Instants =
        Gen.Long[new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero).UtcTicks, new DateTimeOffset(2040, 1, 1, 0, 0, 0, TimeSpan.Zero).UtcTicks]
            .Select(t => new DateTimeOffset(t, TimeSpan.Zero));

    [Fact]
    public void The_period_containing_an_instant_is_a_whole_month_from_the_anchor_and_holds_it() =>
        Gen.Select(Instants, Gen.Long[0, TimeSpan.TicksPerDay * 365 * 6]).Sample((anchor, offset) =>
        {
            var instant = anchor.AddTicks(offset);
            var (start, end) = MonthlyPeriods.Containing(anchor, instant);

            Assert.True(start <= instant && instant < end);
            var n = Enumerable.Range(0, 12 * 7).First(i => anchor.AddMonths(i) == start);
            Assert.Equal(anchor.AddMonths(n + 1), end);
        });

    [Fact]
    public void Consecutive_periods_meet_without_gaps_or_overlaps() =>
        Instants.Sample(anchor =>
        {
            var (start, end) = MonthlyPeriods.Containing(anchor, anchor);
            for (var i = 0; i < 30; i++)
            {
                var (nextStart, nextEnd) = MonthlyPeriods.Containing(anchor, end);
                Assert.Equal(end, nextStart);
                Assert.True(nextEnd > nextStart);
                (start, end) = (nextStart, nextEnd);
            }

            Assert.Equal(anchor.AddMonths(30), start);
        });

    [Fact]
    public void A_period_anchored_on_the_31st_ends_on_the_last_day_of_short_months_and_returns_to_the_31st()
    {
        var anchor = new DateTimeOffset(2026, 1, 31, 0, 0, 0, TimeSpan.Zero);

        Assert.Equal(new DateTimeOffset(2026, 2, 28, 0, 0, 0, TimeSpan.Zero), MonthlyPeriods.Containing(anchor, anchor).End);
        Assert.Equal(new DateTimeOffset(2026, 3, 31, 0, 0, 0, TimeSpan.Zero), MonthlyPeriods.Containing(anchor, anchor.AddDays(29)).End);
    }
}
