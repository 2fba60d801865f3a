using Tradewind.Contracts.Analytics;

namespace Tradewind.Web.Demo;

/// <summary>The demo's MRR rollups: rebuilt over the seeded history so the revenue report has its months at once.</summary>
internal sealed partial class DemoSeeder
{
    /// <summary>Months of history the revenue rollups cover: the seeded agreements and billing start within them.</summary>
    private const int RevenueMonths = 6;

    private async Task SeedRevenueRollupsAsync(CancellationToken cancellationToken)
    {
        if (services.GetService<IRevenueRollups>() is not { } rollups)
        {
            return;
        }

        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var month = new DateOnly(today.Year, today.Month, 1);
        await rollups.RebuildAsync(month.AddMonths(1 - RevenueMonths), month, cancellationToken);
    }
}
