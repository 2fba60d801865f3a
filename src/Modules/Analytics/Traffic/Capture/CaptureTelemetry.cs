using System.Diagnostics.Metrics;

namespace Tradewind.Analytics.Traffic.Capture;

/// <summary>Capture metrics on the <c>Tradewind</c> meter the host exports.</summary>
internal static class CaptureTelemetry
{
    public const string MeterName = "Tradewind";

    private static readonly Meter Meter = new(MeterName);

    public static readonly Counter<long> Stored =
        Meter.CreateCounter<long>("tradewind.analytics.capture.stored", description: "Listing views and CTA clicks written to the event store.");

    public static readonly Counter<long> Dropped =
        Meter.CreateCounter<long>("tradewind.analytics.capture.dropped", description: "Listing views and CTA clicks dropped because the capture queue was full.");

    public static readonly Counter<long> Failed =
        Meter.CreateCounter<long>("tradewind.analytics.capture.failed", description: "Listing views and CTA clicks lost because their batch could not be written.");

    public static readonly Histogram<long> BatchRows =
        Meter.CreateHistogram<long>("tradewind.analytics.capture.batch.rows", description: "Rows written per capture batch.");
}
