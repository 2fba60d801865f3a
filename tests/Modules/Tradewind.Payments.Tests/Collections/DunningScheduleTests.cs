using CsCheck;
using Tradewind.Payments.Collections;

namespace Tradewind.Payments.Tests.Collections;

public sealed class DunningScheduleTests
{
    private static readonly DateOnly Due = new(2026, 12, 31);

    private static readonly IReadOnlyList<ScheduledStep> Default = DunningSchedule.For(Due, [1, 3, 7], 14);

    [Fact]
    public void The_default_schedule_retries_on_days_1_3_and_7_and_suspends_on_day_14_at_midnight_utc()
    {
        Assert.Equal(["retry-1", "retry-3", "retry-7", "suspend"], Default.Select(s => s.Name).ToArray());
        Assert.Equal(new DateTimeOffset(2027, 1, 1, 0, 0, 0, TimeSpan.Zero), Default[0].At);
        Assert.Equal(new DateTimeOffset(2027, 1, 14, 0, 0, 0, TimeSpan.Zero), Default[3].At);
        Assert.Equal(Default[0].At, DunningSchedule.OverdueFrom(Due));
    }

    [Fact]
    public void Nothing_is_due_on_the_due_date_itself()
    {
        Assert.Empty(DunningSchedule.Due(Default, new DateTimeOffset(2026, 12, 31, 23, 59, 59, TimeSpan.Zero), new HashSet<string>()));
    }

    [Fact]
    public void A_run_on_a_retry_day_charges_that_retry()
    {
        var due = DunningSchedule.Due(Default, new DateTimeOffset(2027, 1, 1, 6, 0, 0, TimeSpan.Zero), new HashSet<string>());

        var step = Assert.Single(due);
        Assert.Equal("retry-1", step.Step.Name);
        Assert.True(step.Charges);
    }

    [Fact]
    public void A_late_run_charges_only_the_latest_retry_that_fell_and_skips_the_earlier_ones()
    {
        var due = DunningSchedule.Due(Default, new DateTimeOffset(2027, 1, 9, 0, 0, 0, TimeSpan.Zero), new HashSet<string> { "retry-1" });

        Assert.Equal(["retry-3", "retry-7"], due.Select(d => d.Step.Name).ToArray());
        Assert.Equal([false, true], due.Select(d => d.Charges).ToArray());
    }

    [Fact]
    public void Steps_already_taken_are_not_taken_again()
    {
        var due = DunningSchedule.Due(Default, new DateTimeOffset(2027, 2, 1, 0, 0, 0, TimeSpan.Zero), new HashSet<string> { "retry-1", "retry-3", "retry-7", "suspend" });

        Assert.Empty(due);
    }

    [Fact]
    public void A_retry_on_the_suspension_day_comes_before_the_suspension()
    {
        var schedule = DunningSchedule.For(Due, [14, 2], 14);

        Assert.Equal(["retry-2", "retry-14", "suspend"], schedule.Select(s => s.Name).ToArray());
    }

    [Fact]
    public void Days_before_the_day_after_the_due_date_are_refused()
    {
        Assert.Throws<ArgumentException>(() => DunningSchedule.For(Due, [0, 3], 14));
        Assert.Throws<ArgumentException>(() => DunningSchedule.For(Due, [1], 0));
    }

    [Fact]
    public void Any_run_takes_only_fallen_untaken_steps_and_charges_at_most_once()
    {
        var days = Gen.Int[1, 30].Array[1, 6];
        Gen.Select(days, Gen.Int[1, 40], Gen.Int[0, 45 * 24], Gen.Int[0, 15]).Sample((retryDays, suspendAfter, hours, takenMask) =>
        {
            var schedule = DunningSchedule.For(Due, retryDays, suspendAfter);
            var asOf = new DateTimeOffset(Due.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).AddHours(hours);
            var taken = schedule.Where((_, i) => (takenMask & (1 << (i % 4))) != 0).Select(s => s.Name).ToHashSet(StringComparer.Ordinal);

            var due = DunningSchedule.Due(schedule, asOf, taken);

            Assert.All(due, d => Assert.True(d.Step.At <= asOf));
            Assert.All(due, d => Assert.DoesNotContain(d.Step.Name, taken));
            Assert.True(due.Count(d => d.Charges) <= 1);
            Assert.All(due.Where(d => d.Charges), d => Assert.True(d.Step.IsRetry));
            var untakenFallen = schedule.Count(s => s.At <= asOf && !taken.Contains(s.Name));
            Assert.Equal(untakenFallen, due.Count);
        });
    }
}
