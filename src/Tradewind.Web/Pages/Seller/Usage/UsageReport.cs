using System.Globalization;
using System.Text;
using Tradewind.Contracts.Metering;
using Tradewind.Primitives.Ids;

namespace Tradewind.Web.Pages.Seller.Usage;

/// <summary>What a dimension is called and counted in, from the accepted plans; the key itself when no plan names it.</summary>
internal sealed record DimensionLabel(string Key, string Name, string Unit);

/// <summary>One customer × dimension line of a report: its quantity and how many records made it.</summary>
internal sealed record UsageCustomerRow(string CustomerIdentifier, string BuyerName, ProductId ProductId, string Dimension, long Quantity, long Records);

/// <summary>
/// A usage report for a period: one chart per dimension (zero-filled buckets, summed over customers) and one row per
/// customer × dimension, both built from the same bucketed totals. The CSV holds those totals as they came, one line
/// per bucket × agreement × dimension, with ISO 8601 instants and invariant numbers.
/// </summary>
internal sealed class UsageReport
{
    public UsageReport(UsagePeriod period, IReadOnlyList<UsageTotal> totals, IReadOnlyDictionary<string, DimensionLabel> labels)
    {
        ArgumentNullException.ThrowIfNull(period);
        ArgumentNullException.ThrowIfNull(totals);
        ArgumentNullException.ThrowIfNull(labels);
        Period = period;
        Totals = totals;
        Charts = totals.GroupBy(t => t.Dimension, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g =>
            {
                var perBucket = g.GroupBy(t => t.PeriodStart).ToDictionary(b => b.Key, b => b.Sum(t => t.Quantity));
                var points = period.Buckets().Select(start => new UsageChartPoint(start, perBucket.GetValueOrDefault(start))).ToList();
                var label = labels.GetValueOrDefault(g.Key) ?? new DimensionLabel(g.Key, g.Key, "");
                return new UsageChart(g.Key, label.Name, label.Unit, points, period.Hourly);
            })
            .ToList();
        Rows = totals.GroupBy(t => (t.CustomerIdentifier, t.Dimension))
            .Select(g => new UsageCustomerRow(
                g.Key.CustomerIdentifier, g.First().BuyerName, g.First().ProductId, g.Key.Dimension, g.Sum(t => t.Quantity), g.Sum(t => t.Records)))
            .OrderBy(r => r.BuyerName, StringComparer.CurrentCultureIgnoreCase)
            .ThenBy(r => r.CustomerIdentifier, StringComparer.Ordinal)
            .ThenBy(r => r.Dimension, StringComparer.Ordinal)
            .ToList();
    }

    public UsagePeriod Period { get; }

    public IReadOnlyList<UsageTotal> Totals { get; }

    public IReadOnlyList<UsageChart> Charts { get; }

    public IReadOnlyList<UsageCustomerRow> Rows { get; }

    public long RecordCount => Rows.Sum(r => r.Records);

    public bool IsEmpty => Totals.Count == 0;

    public static readonly string CsvHeader = "period_start,period_end,customer_identifier,buyer,product_id,agreement_id,dimension,quantity,records";

    /// <summary>The totals as CSV (RFC 4180, CRLF line ends): ISO 8601 UTC instants, invariant integers, quoted text.</summary>
    public string ToCsv()
    {
        var csv = new StringBuilder(CsvHeader).Append("\r\n");
        foreach (var t in Totals.OrderBy(t => t.PeriodStart).ThenBy(t => t.CustomerIdentifier, StringComparer.Ordinal).ThenBy(t => t.Dimension, StringComparer.Ordinal))
        {
            csv.Append(Iso(t.PeriodStart)).Append(',')
                .Append(Iso(t.PeriodEnd)).Append(',')
                .Append(Quote(t.CustomerIdentifier)).Append(',')
                .Append(Quote(t.BuyerName)).Append(',')
                .Append(t.ProductId.ToString()).Append(',')
                .Append(t.AgreementId.Value.ToString("D")).Append(',')
                .Append(Quote(t.Dimension)).Append(',')
                .Append(t.Quantity.ToString(CultureInfo.InvariantCulture)).Append(',')
                .Append(t.Records.ToString(CultureInfo.InvariantCulture)).Append("\r\n");
        }

        return csv.ToString();
    }

    private static string Iso(DateTimeOffset instant) => instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>Quotes a field that needs it, and defuses a leading formula character (a buyer named "=cmd|…").</summary>
    private static string Quote(string value)
    {
        var text = value.Length > 0 && "=+-@".Contains(value[0], StringComparison.Ordinal) ? "'" + value : value;
        return text.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;
    }
}
