using Microsoft.Extensions.DependencyInjection;
using Tradewind.Contracts.Tax;
using Tradewind.Web.Tests.Infrastructure;

namespace Tradewind.Web.Tests;

public sealed class DemoTaxTests(DemoApp app) : IClassFixture<DemoApp>
{
    [Fact]
    public async Task The_demo_liability_report_shows_this_months_committed_tax()
    {
        var ct = TestContext.Current.CancellationToken;
        var today = DateOnly.FromDateTime(app.Services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime);
        var from = new DateOnly(today.Year, today.Month, 1);

        var report = await app.WithScopeAsync(s => s.GetRequiredService<ITaxQueries>().GetLiabilityAsync(null, from, from.AddMonths(1), ct));
        var rows = report.Rows.ToDictionary(r => $"{r.IssuingEntity} {r.Jurisdiction}");

        Assert.Equal("228.00", rows["EU DE"].TaxCollected.ToMajorString());
        Assert.Equal("4800.00", rows["EU DE"].ReverseChargedAmount.ToMajorString());
        Assert.Equal("153.00", rows["EU LU"].TaxCollected.ToMajorString());
        Assert.Equal("3333", rows["JP JP"].TaxCollected.ToMajorString());
        Assert.Equal("90.00", rows["US US-TX"].TaxCollected.ToMajorString());
        Assert.False(rows.ContainsKey("US US-WA"));
    }
}
