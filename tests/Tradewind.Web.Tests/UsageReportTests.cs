using Tradewind.Contracts.Metering;
using Tradewind.Primitives.Ids;
using Tradewind.Web.Pages.Seller.Usage;

namespace Tradewind.Web.Tests;

public sealed class UsageReportTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 27, 9, 41, 0, TimeSpan.Zero);
    private static readonly ProductId Product = ProductId.From(Guid.CreateVersion7());
    private static readonly AgreementId First = AgreementId.From(Guid.CreateVersion7());
    private static readonly AgreementId Second = AgreementId.From(Guid.CreateVersion7());

    [Theory]
    [InlineData("7d", "2026-11-20T10:00:00+00:00", "2026-11-27T10:00:00+00:00", UsageGranularity.Hour)]
    [InlineData("30d", "2026-10-29T00:00:00+00:00", "2026-11-28T00:00:00+00:00", UsageGranularity.Day)]
    [InlineData("90d", "2026-08-30T00:00:00+00:00", "2026-11-28T00:00:00+00:00", UsageGranularity.Day)]
    [InlineData("2026-10", "2026-10-01T00:00:00+00:00", "2026-11-01T00:00:00+00:00", UsageGranularity.Day)]
    [InlineData("nonsense", "2026-10-29T00:00:00+00:00", "2026-11-28T00:00:00+00:00", UsageGranularity.Day)]
    public void A_period_key_becomes_a_half_open_utc_range_with_its_bucket_size(string key, string from, string to, UsageGranularity granularity)
    {
        var period = UsagePeriod.Parse(key, Now);

        Assert.Equal(DateTimeOffset.Parse(from, System.Globalization.CultureInfo.InvariantCulture), period.From);
        Assert.Equal(DateTimeOffset.Parse(to, System.Globalization.CultureInfo.InvariantCulture), period.To);
        Assert.Equal(granularity, period.Granularity);
        Assert.Equal(key == "7d" ? 168 : (int)(period.To - period.From).TotalDays, period.Buckets().Count());
    }

    [Fact]
    public void Charts_sum_customers_per_day_and_fill_empty_days_with_zero_and_rows_sum_each_customer_and_dimension()
    {
        var period = UsagePeriod.Parse("2026-10", Now);
        var day = period.From;
        UsageTotal Total(int dayIndex, AgreementId agreement, string customer, string dimension, long quantity, long records) =>
            new(day.AddDays(dayIndex), day.AddDays(dayIndex + 1), Product, agreement, customer, customer == "CUSTA" ? "Alpha GmbH" : "Beta, Ltd.", dimension, quantity, records);
        var totals = new[]
        {
            Total(0, First, "CUSTA", "requests", 100, 10),
            Total(0, Second, "CUSTB", "requests", 50, 5),
            Total(2, First, "CUSTA", "requests", 30, 3),
            Total(2, First, "CUSTA", "gigabytes", 7, 1),
        };
        var labels = new Dictionary<string, DimensionLabel>(StringComparer.Ordinal) { ["requests"] = new("requests", "API requests", "request") };

        var report = new UsageReport(period, totals, labels);

        Assert.Equal(["gigabytes", "requests"], report.Charts.Select(c => c.Dimension));
        var requests = report.Charts[1];
        Assert.Equal("API requests", requests.Name);
        Assert.Equal(31, requests.Points.Count);
        Assert.Equal([150L, 0L, 30L, 0L], requests.Points.Take(4).Select(p => p.Quantity));
        Assert.Equal("gigabytes", report.Charts[0].Name);
        Assert.Equal(
            [("CUSTA", "gigabytes", 7L, 1L), ("CUSTA", "requests", 130L, 13L), ("CUSTB", "requests", 50L, 5L)],
            report.Rows.Select(r => (r.CustomerIdentifier, r.Dimension, r.Quantity, r.Records)));
        Assert.Equal(19, report.RecordCount);
    }

    [Fact]
    public void The_csv_has_iso_instants_invariant_numbers_and_quoted_text_whatever_the_culture()
    {
        var period = UsagePeriod.Parse("2026-10", Now);
        var totals = new[]
        {
            new UsageTotal(period.From, period.From.AddDays(1), Product, First, "CUSTB", "Beta, Ltd.", "requests", 1_234_567, 1_000),
            new UsageTotal(period.From, period.From.AddDays(1), Product, Second, "CUSTC", "=HYPERLINK(1)", "requests", 5, 1),
        };
        var previous = System.Globalization.CultureInfo.CurrentCulture;
        System.Globalization.CultureInfo.CurrentCulture = System.Globalization.CultureInfo.GetCultureInfo("fr-FR");
        try
        {
            var lines = new UsageReport(period, totals, new Dictionary<string, DimensionLabel>()).ToCsv().Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

            Assert.Equal(UsageReport.CsvHeader, lines[0]);
            Assert.Equal($"2026-10-01T00:00:00Z,2026-10-02T00:00:00Z,CUSTB,\"Beta, Ltd.\",{Product},{First.Value:D},requests,1234567,1000", lines[1]);
            Assert.Equal($"2026-10-01T00:00:00Z,2026-10-02T00:00:00Z,CUSTC,'=HYPERLINK(1),{Product},{Second.Value:D},requests,5,1", lines[2]);
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = previous;
        }
    }
}
