using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Tradewind.Web.Hosting;

/// <summary>Tradewind's own trace source and meter, exported with the framework's through OpenTelemetry.</summary>
internal static class TradewindTelemetry
{
    public const string Name = "Tradewind";

    public static readonly ActivitySource ActivitySource = new(Name);

    public static readonly Meter Meter = new(Name);

    public static readonly Counter<long> IdempotentReplays =
        Meter.CreateCounter<long>("tradewind.idempotency.replays", description: "Writes answered from a stored response.");
}
