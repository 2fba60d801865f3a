using CsCheck;
using Tradewind.Contracts.Agreements;

namespace Tradewind.Agreements.Tests.Agreements;

public sealed class TrialReminderTests
{
    private static readonly DateTimeOffset Start = Plans.Start;

    [Fact]
    public void A_thirty_day_trial_reminds_seven_days_and_one_day_before_its_end_once_each()
    {
        var agreement = Plans.Accept(Plans.Trial(30));
        var end = Start.AddDays(30);

        Assert.Equal(end.AddDays(-7), agreement.NextReminderAt);
        Assert.Null(agreement.TakeDueReminder(end.AddDays(-7).AddTicks(-1)));
        Assert.Equal(7, agreement.TakeDueReminder(end.AddDays(-7)));
        Assert.Null(agreement.TakeDueReminder(end.AddDays(-6)));
        Assert.Equal(end.AddDays(-1), agreement.NextReminderAt);
        Assert.Equal(1, agreement.TakeDueReminder(end.AddHours(-20)));
        Assert.Null(agreement.TakeDueReminder(end.AddHours(-1)));
        Assert.Null(agreement.NextReminderAt);
    }

    [Fact]
    public void A_five_day_trial_skips_the_seven_day_reminder()
    {
        var agreement = Plans.Accept(Plans.Trial(5));

        Assert.Equal(Start.AddDays(4), agreement.NextReminderAt);
        Assert.Null(agreement.TakeDueReminder(Start.AddHours(1)));
        Assert.Equal(1, agreement.TakeDueReminder(Start.AddDays(4)));
    }

    [Fact]
    public void A_sweep_that_missed_the_seven_day_moment_sends_only_the_one_day_reminder()
    {
        var agreement = Plans.Accept(Plans.Trial(30));

        Assert.Equal(1, agreement.TakeDueReminder(Start.AddDays(29).AddHours(1)));
        Assert.NotNull(agreement.Reminder7SentAt);
        Assert.Null(agreement.TakeDueReminder(Start.AddDays(29).AddHours(2)));
    }

    /// <summary>
    /// Whatever the trial's length and however often (or rarely) the sweep runs: each reminder goes out at most once, never
    /// before its moment, never after the trial ends; the 1-day reminder goes out exactly when a sweep runs in its window;
    /// and the trial converts at the first sweep at or after its end.
    /// </summary>
    [Fact]
    public void Reminders_are_sent_at_most_once_in_their_window_whatever_the_sweep_times()
    {
        var gen = Gen.Select(Gen.Int[1, 90], Gen.Int[1, 72 * 60].Array[1, 200]);
        gen.Sample((days, gapsInMinutes) =>
        {
            var agreement = Plans.Accept(Plans.Trial(days));
            var end = Start.AddDays(days);
            var sent = new List<(int Days, DateTimeOffset At)>();
            DateTimeOffset? convertedAt = null;
            var now = Start;
            foreach (var gap in gapsInMinutes)
            {
                now = now.AddMinutes(gap);
                if (agreement.TakeDueReminder(now) is { } reminder)
                {
                    sent.Add((reminder, now));
                }

                if (agreement.ConvertTrialIfEnded(now, Plans.Trial(days)) is not null)
                {
                    convertedAt = now;
                }
            }

            Assert.Equal(sent.Count, sent.Select(s => s.Days).Distinct().Count());
            Assert.All(sent, s => Assert.InRange(s.At, end.AddDays(-s.Days), end.AddTicks(-1)));
            var sweptInLastDay = Start.AddDays(days) is var e && days > 1 && SweepTimes(gapsInMinutes).Any(t => t >= e.AddDays(-1) && t < e);
            Assert.Equal(sweptInLastDay, sent.Any(s => s.Days == 1));
            Assert.Equal(now >= end, agreement.Status == AgreementStatus.Active);
            if (convertedAt is { } at)
            {
                Assert.Equal(SweepTimes(gapsInMinutes).First(t => t >= end), at);
            }
        });
    }

    private static IEnumerable<DateTimeOffset> SweepTimes(int[] gapsInMinutes)
    {
        var now = Start;
        foreach (var gap in gapsInMinutes)
        {
            now = now.AddMinutes(gap);
            yield return now;
        }
    }
}
