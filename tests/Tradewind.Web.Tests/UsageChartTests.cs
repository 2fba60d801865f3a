using System.Globalization;
using CsCheck;
using Tradewind.Web.Pages.Seller.Usage;

namespace Tradewind.Web.Tests;

public sealed class UsageChartTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(0, 1)]
    [InlineData(1, 1)]
    [InlineData(7, 10)]
    [InlineData(11, 20)]
    [InlineData(20, 20)]
    [InlineData(201, 500)]
    [InlineData(999_999, 1_000_000)]
    public void The_axis_ends_at_the_next_one_two_or_five_times_a_power_of_ten(long peak, long expected) =>
        Assert.Equal(expected, UsageChart.NiceCeiling(peak));

    [Fact]
    public void The_axis_always_holds_the_peak_and_the_tallest_bar_fills_at_least_two_fifths_of_it() =>
        Gen.Long[2, long.MaxValue / 20].Sample(peak =>
        {
            var axis = UsageChart.NiceCeiling(peak);
            Assert.InRange(axis, peak, (peak * 5 / 2) + 1);
            var mantissa = axis;
            while (mantissa % 10 == 0)
            {
                mantissa /= 10;
            }

            Assert.Contains(mantissa, new long[] { 1, 2, 5 });
        });

    [Fact]
    public void Each_bucket_is_a_bar_whose_height_is_proportional_to_its_quantity_and_coordinates_are_invariant()
    {
        var points = Enumerable.Range(0, 4).Select(i => new UsageChartPoint(Start.AddDays(i), i * 25)).ToList();
        var chart = new UsageChart("requests", "API requests", "request", points, hourly: false);
        var previous = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");
        try
        {
            var bars = chart.Bars().ToList();

            Assert.Equal(4, bars.Count);
            Assert.Equal(150, chart.Total);
            Assert.Equal(75, chart.Peak);
            Assert.Equal(Start.AddDays(3), chart.PeakAt);
            Assert.Equal(100, chart.AxisMax);
            Assert.Equal("0", bars[0].Height);
            var heights = bars.Select(b => double.Parse(b.Height, CultureInfo.InvariantCulture)).ToList();
            Assert.Equal(heights[1] * 3, heights[3], 1);
            Assert.All(bars, b => Assert.DoesNotContain(",", b.X + b.Y + b.Width + b.Height, StringComparison.Ordinal));
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    [Fact]
    public void At_most_five_axis_labels_include_the_first_bucket()
    {
        var points = Enumerable.Range(0, 168).Select(i => new UsageChartPoint(Start.AddHours(i), 1)).ToList();

        var labels = new UsageChart("requests", "API requests", "request", points, hourly: true).Labels().ToList();

        Assert.InRange(labels.Count, 2, 5);
        Assert.Equal(Start, labels[0].Start);
    }
}
