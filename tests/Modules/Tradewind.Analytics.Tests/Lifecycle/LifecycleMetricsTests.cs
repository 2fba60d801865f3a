using Tradewind.Analytics.Lifecycle;
using Tradewind.Primitives.Ids;

namespace Tradewind.Analytics.Tests.Lifecycle;

/// <summary>The lifecycle formulas on hand-computed examples; "now" is 2026-11-28 00:00 UTC.</summary>
public sealed class LifecycleMetricsTests
{
    private static readonly DateTimeOffset Now = At(2026, 11, 28);

    private static DateTimeOffset At(int year, int month, int day) => new(year, month, day, 0, 0, 0, TimeSpan.Zero);

    private static TrialUnit Trial(DateTimeOffset start, DateTimeOffset? used = null, DateTimeOffset? converted = null, int days = 14) =>
        new(new AgreementId(Guid.CreateVersion7()), new OrganisationId(Guid.CreateVersion7()), start, days, used, converted, null);

    [Fact]
    public void Funnel_counts_still_in_window_units_apart_from_drop_offs()
    {
        TrialUnit[] trials =
        [
            Trial(At(2026, 10, 1), used: At(2026, 10, 2), converted: At(2026, 10, 15)), // closed: used and paid
            Trial(At(2026, 10, 5), used: At(2026, 10, 6)),                                // closed: used, never paid
            Trial(At(2026, 10, 10)),                                                      // closed: never used
            Trial(At(2026, 11, 20), used: At(2026, 11, 21)),                              // open (until 12-11): used, not paid yet
            Trial(At(2026, 11, 25)),                                                      // open: not used yet
        ];

        var steps = LifecycleMetrics.Funnel(200, 40, trials, Now);

        Assert.Equal(new long[] { 200, 40, 5, 3, 1 }, steps.Select(s => s.Reached));
        Assert.Equal(new long[] { 0, 0, 0, 1, 1 }, steps.Select(s => s.StillInWindow));
        Assert.Null(steps[0].StepConversion);
        Assert.Equal(1m, steps[0].OverallConversion);
        Assert.Equal(0.2m, steps[1].StepConversion);
        Assert.Equal(0.125m, steps[2].StepConversion);
        Assert.Equal(0.025m, steps[2].OverallConversion);
        // 3 used ÷ (5 trials − 1 still in window) = 0.75; drop-off 0.25.
        Assert.Equal(0.75m, steps[3].StepConversion);
        Assert.Equal(0.25m, steps[3].DropOff);
        Assert.Equal(0.015m, steps[3].OverallConversion);
        // 1 paid ÷ (3 used − 1 still in window) = 0.5.
        Assert.Equal(0.5m, steps[4].StepConversion);
        Assert.Equal(0.005m, steps[4].OverallConversion);
    }

    [Fact]
    public void Funnel_without_visitors_has_no_overall_conversion()
    {
        var steps = LifecycleMetrics.Funnel(0, 0, [Trial(At(2026, 11, 1))], Now);
        Assert.All(steps, s => Assert.Null(s.OverallConversion));
        Assert.Null(steps[2].StepConversion);
    }

    [Fact]
    public void Cohort_trial_to_paid_never_counts_open_trials_in_the_denominator()
    {
        TrialUnit[] trials =
        [
            // Week of Monday 2026-10-05, all windows (14 + 7 days) closed.
            Trial(At(2026, 10, 5)),
            Trial(At(2026, 10, 6), converted: At(2026, 10, 20)),  // within W (ends 10-27)
            Trial(At(2026, 10, 7), converted: At(2026, 10, 30)),  // after W (ended 10-28): not converted
            // Week of Monday 2026-11-16: both windows still open.
            Trial(At(2026, 11, 16), converted: At(2026, 11, 20)),
            Trial(At(2026, 11, 18)),
        ];

        var cohorts = LifecycleMetrics.Cohorts(trials, Now);

        Assert.Equal(2, cohorts.Count);
        var closed = cohorts[0];
        Assert.Equal(new DateOnly(2026, 10, 5), closed.WeekStart);
        Assert.Equal((3, 3, 1, 0, 0), (closed.Started, closed.Closed, closed.Converted, closed.StillInWindow, closed.ConvertedSoFar));
        Assert.Equal(0.3333m, closed.TrialToPaid);
        var open = cohorts[1];
        Assert.Equal(new DateOnly(2026, 11, 16), open.WeekStart);
        Assert.Equal((2, 0, 0, 2, 1), (open.Started, open.Closed, open.Converted, open.StillInWindow, open.ConvertedSoFar));
        Assert.Null(open.TrialToPaid);
    }

    [Fact]
    public void The_conversion_window_is_the_trial_length_plus_seven_days()
    {
        var start = At(2026, 9, 1);
        Assert.True(Trial(start, converted: start.AddDays(30).AddTicks(-1), days: 23).ConvertedInWindow);
        Assert.False(Trial(start, converted: start.AddDays(30), days: 23).ConvertedInWindow);
    }

    [Fact]
    public void Median_of_an_even_count_is_the_mean_of_the_middle_two()
    {
        Assert.Equal(2.5m, LifecycleMetrics.Median([1m, 3m, 2m, 10m]));
        Assert.Equal(3m, LifecycleMetrics.Median([5m, 1m, 3m]));
        Assert.Null(LifecycleMetrics.Median([]));
    }

    [Fact]
    public void Median_time_to_convert_in_days()
    {
        var start = At(2026, 10, 1);
        var days = new[] { 4.5m, 10m, 2m, 7m }.Select(d => LifecycleMetrics.Days(start.AddHours((double)(d * 24)) - start));
        Assert.Equal(5.75m, LifecycleMetrics.Median(days));
    }

    [Fact]
    public void Retention_table_is_bounded_and_blank_for_weeks_not_yet_elapsed()
    {
        var a = Guid.CreateVersion7();
        var b = Guid.CreateVersion7();
        (Guid, DateOnly)[] units = [(a, new DateOnly(2026, 10, 26)), (b, new DateOnly(2026, 10, 28))];
        var active = new Dictionary<Guid, HashSet<DateOnly>>
        {
            [a] = [new(2026, 10, 27), new(2026, 11, 3), new(2026, 11, 20)], // weeks 0, 1, 3
            [b] = [new(2026, 10, 29), new(2026, 11, 12)],                   // weeks 0, 2
        };

        var cohorts = LifecycleMetrics.Retention(units, active, new DateOnly(2026, 11, 28));

        var cohort = Assert.Single(cohorts);
        Assert.Equal(new DateOnly(2026, 10, 26), cohort.WeekStart);
        Assert.Equal(2, cohort.Buyers);
        Assert.Equal(new decimal?[] { 1m, 0.5m, 0.5m, 0.5m, null, null, null, null }, cohort.Weeks);
    }

    [Fact]
    public void Aws_counters_count_active_trials_now_and_trials_that_ended_unpaid_in_the_period()
    {
        TrialUnit[] trials =
        [
            Trial(At(2026, 11, 20)),                                          // active now
            Trial(At(2026, 11, 1)),                                           // trial ended 11-15 unpaid
            Trial(At(2026, 11, 2), converted: At(2026, 11, 16)),              // converted at trial end
            Trial(At(2026, 11, 3)) with { EndedAt = At(2026, 11, 5) },        // cancelled in trial
            Trial(At(2026, 10, 1)),                                           // ended 10-15, before the period
        ];

        var (active, notConverted) = LifecycleMetrics.TrialCounters(trials, At(2026, 11, 1), At(2026, 11, 29), Now);

        Assert.Equal(1, active);
        Assert.Equal(2, notConverted);
    }

    [Fact]
    public void Week_start_is_the_iso_monday()
    {
        Assert.Equal(new DateOnly(2026, 11, 23), LifecycleMetrics.WeekStart(new DateOnly(2026, 11, 29)));
        Assert.Equal(new DateOnly(2026, 11, 23), LifecycleMetrics.WeekStart(new DateOnly(2026, 11, 23)));
    }
}
