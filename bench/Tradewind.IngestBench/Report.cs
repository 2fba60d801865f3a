using System.Text.Json;

namespace Tradewind.IngestBench;

internal static class Report
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The value at quantile <paramref name="q"/> (0–1) of sorted values, nearest rank.</summary>
    public static double Percentile(IReadOnlyList<double> sorted, double q) =>
        sorted.Count == 0 ? 0 : sorted[Math.Clamp((int)Math.Ceiling(q * sorted.Count) - 1, 0, sorted.Count - 1)];
}

/// <summary>
/// Samples a process's resident memory (<c>VmRSS</c> in <c>/proc/PID/status</c>) every 250 ms while a driver runs, and
/// reads its high-water mark (<c>VmHWM</c>, since the process started) at the end.
/// </summary>
internal sealed class RssSampler : IAsyncDisposable
{
    private readonly int? _pid;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _sampling;

    public RssSampler(int? pid)
    {
        _pid = pid;
        _sampling = pid is null ? Task.CompletedTask : SampleAsync();
    }

    public long PeakRssKb { get; private set; }

    public long Samples { get; private set; }

    public async Task<(double? PeakRssMb, double? HighWaterMb)> StopAsync()
    {
        await _stop.CancelAsync();
        await _sampling;
        if (_pid is null)
        {
            return (null, null);
        }

        var hwm = Read(_pid.Value, "VmHWM:");
        return (PeakRssKb / 1024.0, hwm is null ? null : hwm / 1024.0);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _sampling;
        _stop.Dispose();
    }

    private async Task SampleAsync()
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(250));
        do
        {
            if (Read(_pid!.Value, "VmRSS:") is { } rss)
            {
                PeakRssKb = Math.Max(PeakRssKb, rss);
                Samples++;
            }
        }
        while (await WaitAsync(timer));
    }

    private async Task<bool> WaitAsync(PeriodicTimer timer)
    {
        try
        {
            return await timer.WaitForNextTickAsync(_stop.Token);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private static long? Read(int pid, string field)
    {
        try
        {
            foreach (var line in File.ReadLines($"/proc/{pid}/status"))
            {
                if (line.StartsWith(field, StringComparison.Ordinal))
                {
                    var digits = line[field.Length..].Trim().Split(' ')[0];
                    return long.Parse(digits, System.Globalization.CultureInfo.InvariantCulture);
                }
            }
        }
        catch (IOException)
        {
        }

        return null;
    }
}
