using CsCheck;
using Tradewind.Webhooks.Deliveries;

namespace Tradewind.Webhooks.Tests.Deliveries;

public sealed class RetryScheduleTests
{
    private static readonly RetrySchedule Default = RetrySchedule.From(new DeliveryOptions());

    private static readonly Gen<RetrySchedule> AnySchedule =
        Gen.Select(Gen.Int[1, 600], Gen.Double[1.0, 10.0], Gen.Int[1, 200_000], Gen.Double[0.0, 0.9], Gen.Int[1, 40])
            .Select((firstSeconds, factor, extraSeconds, jitter, maxAttempts) => new RetrySchedule(
                TimeSpan.FromSeconds(firstSeconds), factor, TimeSpan.FromSeconds(firstSeconds + extraSeconds), jitter, maxAttempts));

    [Fact]
    public void The_default_schedule_starts_at_thirty_seconds_and_multiplies_by_four()
    {
        Assert.Equal(TimeSpan.FromSeconds(30), Default.BaseDelay(1));
        Assert.Equal(TimeSpan.FromMinutes(2), Default.BaseDelay(2));
        Assert.Equal(TimeSpan.FromMinutes(8), Default.BaseDelay(3));
        Assert.Equal(TimeSpan.FromHours(12), Default.BaseDelay(7));
    }

    [Fact]
    public void The_default_schedule_gives_up_after_about_three_days()
    {
        var total = Enumerable.Range(1, Default.MaxAttempts - 1).Aggregate(TimeSpan.Zero, (sum, attempt) => sum + Default.BaseDelay(attempt));

        Assert.InRange(total, TimeSpan.FromDays(2.5), TimeSpan.FromDays(3.5));
        Assert.Null(Default.DelayAfter(Default.MaxAttempts, 0.5));
        Assert.NotNull(Default.DelayAfter(Default.MaxAttempts - 1, 0.5));
    }

    [Fact]
    public void Base_delays_never_decrease_and_never_pass_the_cap()
    {
        Gen.Select(AnySchedule, Gen.Int[1, 200]).Sample((schedule, attempt) =>
            schedule.BaseDelay(attempt) <= schedule.BaseDelay(attempt + 1)
            && schedule.BaseDelay(attempt + 1) <= schedule.Max
            && schedule.BaseDelay(attempt) > TimeSpan.Zero);
    }

    [Fact]
    public void Jitter_stays_within_its_fraction_of_the_base_delay_and_under_the_cap()
    {
        Gen.Select(AnySchedule, Gen.Int[1, 60], Gen.Double[0.0, 0.999_999]).Sample((schedule, attempt, random) =>
        {
            if (attempt >= schedule.MaxAttempts)
            {
                return schedule.DelayAfter(attempt, random) is null;
            }

            var delay = schedule.DelayAfter(attempt, random)!.Value;
            var baseDelay = schedule.BaseDelay(attempt);
            var tick = TimeSpan.FromTicks(1);
            return delay <= schedule.Max
                && delay >= (baseDelay * (1 - schedule.Jitter)) - tick
                && delay <= (baseDelay * (1 + schedule.Jitter)) + tick;
        });
    }

    [Fact]
    public void Without_jitter_the_delay_is_the_base_delay()
    {
        var schedule = new RetrySchedule(TimeSpan.FromSeconds(10), 2, TimeSpan.FromMinutes(5), 0, 10);

        Assert.Equal(TimeSpan.FromSeconds(40), schedule.DelayAfter(3, 0.123));
        Assert.Equal(TimeSpan.FromMinutes(5), schedule.DelayAfter(9, 0.9));
    }
}
