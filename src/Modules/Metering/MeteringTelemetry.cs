using System.Diagnostics.Metrics;

namespace Tradewind.Metering;

/// <summary>Ingest metrics on the <c>Tradewind</c> meter the host exports.</summary>
internal static class MeteringTelemetry
{
    public const string MeterName = "Tradewind";

    private static readonly Meter Meter = new(MeterName);

    public static readonly Counter<long> Accepted =
        Meter.CreateCounter<long>("tradewind.metering.records.accepted", description: "Usage records stored or replayed.");

    public static readonly Counter<long> Duplicates =
        Meter.CreateCounter<long>("tradewind.metering.records.duplicate", description: "Usage records refused as duplicates of a stored record.");

    public static readonly Counter<long> Rejected =
        Meter.CreateCounter<long>("tradewind.metering.records.rejected", description: "Usage records refused by validation.");

    public static readonly Histogram<long> GroupRecords =
        Meter.CreateHistogram<long>("tradewind.metering.group.records", description: "Records written per group-commit transaction.");

    public static readonly Histogram<long> GroupSubmissions =
        Meter.CreateHistogram<long>("tradewind.metering.group.submissions", description: "Submissions per group-commit transaction.");
}
