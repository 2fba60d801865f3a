using Tradewind.Analytics.Candidates;
using Tradewind.Analytics.Data;
using Tradewind.Analytics.Lifecycle;
using Tradewind.Analytics.Revenue.Rollups;
using Tradewind.Analytics.Traffic;
using Tradewind.Analytics.Traffic.Capture;
using Tradewind.Persistence;

namespace Tradewind.Analytics.Tests;

/// <summary>
/// Every table of the Analytics module. EF Core builds a context type's model once per process, so every test database
/// here is made from the same contributors, whichever part of the module it tests.
/// </summary>
internal static class AnalyticsModel
{
    public static IModelContributor[] Contributors() =>
    [
        new AnalyticsEventsModel(), new TrafficSharedModel(), new CaptureModel(), new TrafficRollupsModel(),
        new LifecycleModel(), new RevenueRollupsModel(), new PqlScoresModel(),
    ];
}
