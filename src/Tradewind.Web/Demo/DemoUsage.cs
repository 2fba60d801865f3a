using Tradewind.Contracts.Metering;

namespace Tradewind.Web.Demo;

/// <summary>How a demo customer's usage changes over the history: later analytics looks for fast growers as upgrade candidates.</summary>
internal enum DemoUsageTrend
{
    /// <summary>About six times the starting volume after three months.</summary>
    FastGrowth,

    /// <summary>Double after three months.</summary>
    Growth,

    Flat,

    /// <summary>About a third of the starting volume after three months.</summary>
    Declining,
}

/// <summary>
/// One demo customer's usage pattern: <see cref="PerHour"/> units in a busy weekday hour at the start, local business
/// hours at <see cref="UtcOffsetHours"/>, a <see cref="Trend"/>, and for a <see cref="Small"/> customer office hours only.
/// With <see cref="Teams"/> each record is allocated among those values of the <c>team</c> tag.
/// </summary>
internal sealed record DemoUsagePattern(int BuyerIndex, int ProductIndex, string Dimension, DemoUsageTrend Trend, double PerHour, int UtcOffsetHours, bool Small = false, IReadOnlyList<string>? Teams = null);

/// <summary>
/// Hourly usage history for the demo, a pure function of the pattern, the period and the seed: the same inputs give the
/// same records. Shapes: a working-day curve in the customer's local time (nothing at night), quieter weekends, a trend
/// across the period and ±15 % noise. Hours without usage are left out (a real integration may report them as 0; the demo
/// keeps its seed small). Each record sits at a random minute of its hour.
/// </summary>
internal static class DemoUsage
{
    /// <summary>Share of a busy hour used in each local hour of the day (0 at night).</summary>
    private static readonly double[] HourShape =
    [
        0, 0, 0, 0, 0, 0, 0, 0.3, 0.7, 1.0, 1.0, 1.0,
        0.8, 1.0, 1.0, 1.0, 0.9, 0.7, 0.4, 0.25, 0.2, 0.1, 0, 0,
    ];

    public static IEnumerable<UsageRecordInput> Generate(string customerIdentifier, DemoUsagePattern pattern, DateTimeOffset from, DateTimeOffset to, int seed)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        var random = new Random(seed);
        var span = (to - from).TotalHours;
        for (var hour = from; hour < to; hour = hour.AddHours(1))
        {
            // Draw for every hour, used or not, so one hour's outcome never shifts another's.
            var noise = 0.85 + (random.NextDouble() * 0.3);
            var minute = random.Next(60);
            var split = random.NextDouble();
            var local = hour.UtcDateTime.AddHours(pattern.UtcOffsetHours);
            var shape = HourShape[local.Hour];
            if (pattern.Small && local.Hour is < 9 or > 17)
            {
                shape = 0;
            }

            var weekday = local.DayOfWeek switch
            {
                DayOfWeek.Saturday => pattern.Small ? 0 : 0.25,
                DayOfWeek.Sunday => pattern.Small ? 0 : 0.15,
                _ => 1.0,
            };
            var progress = (hour - from).TotalHours / span;
            var trend = pattern.Trend switch
            {
                DemoUsageTrend.FastGrowth => Math.Pow(6, progress),
                DemoUsageTrend.Growth => 1 + progress,
                DemoUsageTrend.Declining => 1 - (0.65 * progress),
                _ => 1.0,
            };
            var quantity = (long)Math.Round(pattern.PerHour * shape * weekday * trend * noise, MidpointRounding.AwayFromZero);
            if (quantity <= 0)
            {
                continue;
            }

            yield return new UsageRecordInput(customerIdentifier, null, pattern.Dimension, quantity, hour.AddMinutes(minute), null, Allocate(quantity, pattern.Teams, split));
        }
    }

    /// <summary>Splits <paramref name="quantity"/> among the teams: the first gets a share between 40 % and 80 %, the rest evenly.</summary>
    private static List<UsageAllocation>? Allocate(long quantity, IReadOnlyList<string>? teams, double split)
    {
        if (teams is not { Count: > 1 } || quantity < teams.Count)
        {
            return null;
        }

        var first = Math.Clamp((long)(quantity * (0.4 + (0.4 * split))), 1, quantity - (teams.Count - 1));
        var rest = quantity - first;
        var allocations = new List<UsageAllocation> { new(first, [new UsageTag("team", teams[0])]) };
        for (var i = 1; i < teams.Count; i++)
        {
            var share = i == teams.Count - 1 ? rest - ((rest / (teams.Count - 1)) * (teams.Count - 2)) : rest / (teams.Count - 1);
            allocations.Add(new(share, [new UsageTag("team", teams[i])]));
        }

        return allocations;
    }
}
