namespace Tradewind.Analytics;

/// <summary>Settings under <c>Analytics</c>.</summary>
internal sealed class AnalyticsOptions
{
    public const string Section = "Analytics";
}
