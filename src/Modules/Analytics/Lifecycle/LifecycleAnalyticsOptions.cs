namespace Tradewind.Analytics.Lifecycle;

/// <summary>Settings under <c>Analytics:Lifecycle</c>.</summary>
internal sealed class LifecycleAnalyticsOptions
{
    public const string Section = "Analytics:Lifecycle";

    /// <summary>Whether the background job runs (tests switch it off and call <see cref="LifecycleAnalytics"/> directly).</summary>
    public bool JobEnabled { get; set; } = true;

    /// <summary>How often the job rebuilds today's and yesterday's rollups.</summary>
    public TimeSpan RollupInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How many days back the daily usage report catches up when the job starts.</summary>
    public int UsageCatchUpDays { get; set; } = 7;
}
