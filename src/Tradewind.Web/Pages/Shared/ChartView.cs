using System.Text.Json;

namespace Tradewind.Web.Pages.Shared;

/// <summary>One series of a <see cref="ChartView"/>: a name and one value per label.</summary>
internal sealed record ChartSeries(string Name, IReadOnlyList<decimal> Values);

/// <summary>
/// A chart drawn by <c>wwwroot/js/charts.js</c> (Chart.js) and printed as a table beside it by <c>_Chart.cshtml</c>,
/// so its figures can be read and tested without scripts.
/// </summary>
/// <param name="Id">Unique on the page; the figure and its table ids derive from it.</param>
/// <param name="Caption">The chart's title, also its accessible name.</param>
/// <param name="Kind"><c>line</c> or <c>bar</c>.</param>
/// <param name="Labels">The x-axis labels (days, months, channels, …).</param>
/// <param name="Series">One value per label in each series.</param>
/// <param name="Stacked">Bars or areas stacked on one another.</param>
internal sealed record ChartView(string Id, string Caption, string Kind, IReadOnlyList<string> Labels, IReadOnlyList<ChartSeries> Series, bool Stacked = false)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public string SpecJson => JsonSerializer.Serialize(new { kind = Kind, labels = Labels, series = Series.Select(s => new { name = s.Name, values = s.Values }), stacked = Stacked }, Json);
}
