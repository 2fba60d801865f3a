using System.Globalization;

namespace Tradewind.Payments.Collections;

/// <summary>
/// The dunning steps of an invoice due on a date, and which a run as of an instant takes. An invoice due on day D is
/// overdue from the end of D (00:00 UTC of D + 1); the step of "day n" falls at 00:00 UTC of D + n. Steps: one retry
/// per configured day (<c>retry-1</c>, <c>retry-3</c>…) and <c>suspend</c> after the configured days. A run takes every
/// step that has fallen and was not taken before; of several retries fallen at once (a run that comes late) only the
/// latest charges the card, the earlier ones are recorded as skipped, so a buyer is never charged twice in one run.
/// </summary>
internal static class DunningSchedule
{
    public const string Suspend = "suspend";

    public const string Reinstate = "reinstate";

    /// <summary>When an invoice due on <paramref name="dueDate"/> becomes overdue: the end of that day, UTC.</summary>
    public static DateTimeOffset OverdueFrom(DateOnly dueDate) => At(dueDate, 1);

    public static string Retry(int day) => string.Create(CultureInfo.InvariantCulture, $"retry-{day}");

    /// <summary>Every step of an invoice due on <paramref name="dueDate"/>, in time order (retries on the suspension day come first).</summary>
    public static IReadOnlyList<ScheduledStep> For(DateOnly dueDate, IReadOnlyCollection<int> retryDays, int suspendAfterDays)
    {
        ArgumentNullException.ThrowIfNull(retryDays);
        if (retryDays.Any(d => d < 1) || suspendAfterDays < 1)
        {
            throw new ArgumentException("Dunning days count from the day after the due date: 1 or more.");
        }

        var steps = retryDays.Distinct().Order().Select(d => new ScheduledStep(Retry(d), d, At(dueDate, d), IsRetry: true)).ToList();
        steps.Add(new ScheduledStep(Suspend, suspendAfterDays, At(dueDate, suspendAfterDays), IsRetry: false));
        return steps.OrderBy(s => s.At).ThenBy(s => s.IsRetry ? 0 : 1).ToList();
    }

    /// <summary>The steps a run as of <paramref name="asOf"/> takes now, given those already taken; each with whether it charges.</summary>
    public static IReadOnlyList<DueStep> Due(IReadOnlyList<ScheduledStep> schedule, DateTimeOffset asOf, IReadOnlySet<string> taken)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        ArgumentNullException.ThrowIfNull(taken);
        var fallen = schedule.Where(s => s.At <= asOf && !taken.Contains(s.Name)).ToList();
        var lastRetry = fallen.LastOrDefault(s => s.IsRetry);
        return fallen.Select(s => new DueStep(s, Charges: s.IsRetry && s == lastRetry)).ToList();
    }

    private static DateTimeOffset At(DateOnly dueDate, int day) => new(dueDate.AddDays(day).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
}

/// <summary>A step of the schedule: its name, the day after the due date it falls on, when that is, and whether it is a retry.</summary>
internal sealed record ScheduledStep(string Name, int Day, DateTimeOffset At, bool IsRetry);

/// <summary>A step to take now; <c>Charges</c>: whether it charges the saved card (the latest retry fallen). A retry that does not is skipped.</summary>
internal sealed record DueStep(ScheduledStep Step, bool Charges);
