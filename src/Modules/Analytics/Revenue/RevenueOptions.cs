namespace Tradewind.Analytics.Revenue;

/// <summary>Settings under <c>Analytics:Revenue</c>.</summary>
internal sealed class RevenueOptions
{
    public const string Section = "Analytics:Revenue";

    /// <summary>How often the MRR rollups of the previous and current month are rebuilt; 0 or less turns the job off.</summary>
    public TimeSpan RollupInterval { get; set; } = TimeSpan.FromMinutes(15);
}
