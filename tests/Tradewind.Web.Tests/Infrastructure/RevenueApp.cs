using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Tradewind.Contracts.Analytics;

namespace Tradewind.Web.Tests.Infrastructure;

/// <summary>The billing host with the MRR rollup job off: tests rebuild the rollups themselves.</summary>
public sealed class RevenueApp : BillingApp
{
    public Task<RevenueRebuildResult> RebuildRevenueAsync(DateOnly from, DateOnly to) =>
        WithScopeAsync(sp => sp.GetRequiredService<IRevenueRollups>().RebuildAsync(from, to, CancellationToken.None));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Analytics:Revenue:RollupInterval", "00:00:00");
    }
}
