using System.Globalization;

namespace Tradewind.Web.Pages.Seller.Usage;

/// <summary>One bucket of a chart: the quantity reported for timestamps in <c>[Start, Start + bucket)</c>.</summary>
internal sealed record UsageChartPoint(DateTimeOffset Start, long Quantity);

/// <summary>
/// A bar chart of one dimension's quantity per bucket, laid out for inline SVG in a fixed 720 × 220 user-unit view box
/// (the browser scales it). The y axis runs from 0 to <see cref="AxisMax"/>, the smallest 1, 2 or 5 × 10ⁿ at or above
/// the peak, so the tallest bar reaches at least 40 % of the plot. Coordinates are written with the invariant culture:
/// SVG attributes are not localized, the labels are.
/// </summary>
internal sealed class UsageChart
{
    public const int Width = 720;
    public const int Height = 220;
    private const double Left = 64;
    private const double Right = 8;
    private const double Top = 12;
    private const double Bottom = 28;

    public UsageChart(string dimension, string name, string unit, IReadOnlyList<UsageChartPoint> points, bool hourly)
    {
        ArgumentNullException.ThrowIfNull(points);
        Dimension = dimension;
        Name = name;
        Unit = unit;
        Points = points;
        Hourly = hourly;
        Total = points.Sum(p => p.Quantity);
        var peak = points.Count == 0 ? null : points.MaxBy(p => p.Quantity);
        Peak = peak?.Quantity ?? 0;
        PeakAt = peak?.Start;
        AxisMax = NiceCeiling(Peak);
    }

    public string Dimension { get; }

    public string Name { get; }

    public string Unit { get; }

    public IReadOnlyList<UsageChartPoint> Points { get; }

    public bool Hourly { get; }

    public long Total { get; }

    public long Peak { get; }

    public DateTimeOffset? PeakAt { get; }

    public long AxisMax { get; }

    public static string ViewBox => $"0 0 {Width} {Height}";

    private static double PlotWidth => Width - Left - Right;

    private static double PlotHeight => Height - Top - Bottom;

    public static double Baseline => Top + PlotHeight;

    public static double PlotLeft => Left;

    public static double PlotRight => Width - Right;

    /// <summary>The bars, one per point, with a gap of a fifth of the slot (none when slots are narrower than 3 units).</summary>
    public IEnumerable<(UsageChartPoint Point, string X, string Y, string Width, string Height)> Bars()
    {
        if (Points.Count == 0)
        {
            yield break;
        }

        var slot = PlotWidth / Points.Count;
        var gap = slot >= 3 ? slot / 5 : 0;
        for (var i = 0; i < Points.Count; i++)
        {
            var height = AxisMax == 0 ? 0 : PlotHeight * Points[i].Quantity / AxisMax;
            yield return (Points[i], Format(Left + (i * slot) + (gap / 2)), Format(Baseline - height), Format(slot - gap), Format(height));
        }
    }

    /// <summary>Horizontal grid lines at 0, ½ and the whole of <see cref="AxisMax"/>.</summary>
    public IEnumerable<(long Value, string Y)> Ticks() =>
        new[] { 0L, AxisMax / 2, AxisMax }.Distinct().Select(v => (v, Format(Baseline - (AxisMax == 0 ? 0 : PlotHeight * v / AxisMax))));

    /// <summary>Up to five evenly spaced x-axis labels (first and last included), at the middle of their bar.</summary>
    public IEnumerable<(DateTimeOffset Start, string X)> Labels()
    {
        if (Points.Count == 0)
        {
            yield break;
        }

        var slot = PlotWidth / Points.Count;
        var step = Math.Max(1, (int)Math.Ceiling((Points.Count - 1) / 4.0));
        for (var i = 0; i < Points.Count; i += step)
        {
            yield return (Points[i].Start, Format(Left + (i * slot) + (slot / 2)));
        }
    }

    /// <summary>The smallest 1, 2 or 5 × 10ⁿ at or above <paramref name="peak"/>; 1 for an empty chart.</summary>
    public static long NiceCeiling(long peak)
    {
        if (peak <= 1)
        {
            return 1;
        }

        long magnitude = 1;
        while (magnitude <= peak / 10)
        {
            magnitude *= 10;
        }

        foreach (var factor in new long[] { 1, 2, 5, 10 })
        {
            if (factor * magnitude >= peak)
            {
                return factor * magnitude;
            }
        }

        return 10 * magnitude;
    }

    private static string Format(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
