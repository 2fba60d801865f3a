using Microsoft.Extensions.DependencyInjection;
using Tradewind.Contracts;
using Tradewind.Contracts.Accounts;
using Tradewind.Contracts.Billing;
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

        async Task<List<InvoiceSummaryDto>> IssuedThisMonthAsync(string entity) => await app.WithScopeAsync(async s =>
        {
            var operatorId = (await s.GetRequiredService<IAccountsQueries>().ListOrganisationsAsync(OrganisationKind.Operator, new PageRequest(1, 1), ct)).Items[0].Id;
            var issued = await s.GetRequiredService<IBillingQueries>().ListInvoicesAsync(
                new InvoiceFilter(IssuerEntityCode: entity, IssuedFrom: from, IssuedTo: from.AddMonths(1)),
                new BillingCaller(operatorId, Roles.Operator, "test"),
                new PageRequest(1, PageRequest.MaxSize),
                ct);
            return issued.Items.Where(i => i.Status != InvoiceStatus.Draft).ToList();
        });

        Assert.Equal("228.00", rows["EU DE"].TaxCollected.ToMajorString());
        // The EU entity's reverse charges are the demo's sample quote plus this month's invoice to the German business
        // buyer (its direct-debited contract), which carries no tax.
        var billedByEu = await IssuedThisMonthAsync("EU");
        var germanInvoice = Assert.Single(billedByEu);
        Assert.Equal(0, germanInvoice.TotalTax.MinorUnits);
        Assert.Equal(480000 + germanInvoice.Subtotal.MinorUnits, rows["EU DE"].ReverseChargedAmount.MinorUnits);
        Assert.Equal("153.00", rows["EU LU"].TaxCollected.ToMajorString());
        // The Japanese entity's tax is the demo's sample quote plus what this month's billing run issued in yen.
        var billedInJapan = (await IssuedThisMonthAsync("JP")).Sum(i => i.TotalTax.MinorUnits);
        Assert.Equal(3333 + billedInJapan, rows["JP JP"].TaxCollected.MinorUnits);
        Assert.Equal("90.00", rows["US US-TX"].TaxCollected.ToMajorString());
        Assert.False(rows.ContainsKey("US US-WA"));
    }
}
