namespace Tradewind.Analytics.Traffic;

/// <summary>Settings under <c>Analytics:Traffic</c>.</summary>
internal sealed class TrafficOptions
{
    public const string Section = "Analytics:Traffic";

    /// <summary>How often the job rebuilds today's and yesterday's traffic rollups; zero or less turns the job off.</summary>
    public TimeSpan RollupInterval { get; set; } = TimeSpan.FromMinutes(5);
}
