using Microsoft.Extensions.DependencyInjection;
using Tradewind.Contracts.Analytics;

namespace Tradewind.Web.Tests.Infrastructure;

/// <summary>The billing host for revenue reports (the MRR rollup job is off in every test host): tests rebuild the rollups themselves.</summary>
public sealed class RevenueApp : BillingApp
{
    public Task<RevenueRebuildResult> RebuildRevenueAsync(DateOnly from, DateOnly to) =>
        WithScopeAsync(sp => sp.GetRequiredService<IRevenueRollups>().RebuildAsync(from, to, CancellationToken.None));
}
