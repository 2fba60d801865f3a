using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Tradewind.Browser.Tests.Infrastructure;
using Tradewind.Contracts.Accounts;
using Tradewind.Contracts.Tax;
using Tradewind.Primitives.Money;
using static Microsoft.Playwright.Assertions;

namespace Tradewind.Browser.Tests;

public sealed class TaxLiabilityTests(TradewindServer server)
{
    [Fact]
    public async Task The_operator_filters_the_liability_report_and_downloads_it_as_CSV()
    {
        await using (var scope = server.Services.CreateAsyncScope())
        {
            var quotes = scope.ServiceProvider.GetRequiredService<ITaxQuotes>();
            var quote = await quotes.QuoteAsync(
                new TaxQuoteRequest(new DateOnly(2026, 10, 14), "EU", new TaxBuyer("IE", null, null, false), [new TaxLineRequest("1", Money.Parse("200.00", Currency.EUR), "saas")]),
                "test",
                TestContext.Current.CancellationToken);
            await quotes.CommitAsync(quote.Id, "EU-BROWSER-1", "test", TestContext.Current.CancellationToken);
        }

        var page = await server.SignInAsDemoAsync(Roles.Operator);
        await page.GetByRole(AriaRole.Link, new() { Name = "Tax liability" }).ClickAsync();
        await page.GetByLabel("Issuing entity").SelectOptionAsync("EU");
        await page.GetByLabel("From (inclusive)").FillAsync("2026-10-01");
        await page.GetByLabel("To (exclusive)").FillAsync("2026-11-01");
        await page.GetByRole(AriaRole.Button, new() { Name = "Show report" }).ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex("/operator/tax\\?Entity=EU&From=2026-10-01&To=2026-11-01$"));
        var row = page.GetByRole(AriaRole.Row).Filter(new() { Has = page.GetByRole(AriaRole.Rowheader, new() { Name = "IE" }) });
        await Expect(row).ToContainTextAsync("200.00");
        await Expect(row).ToContainTextAsync("46.00");

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Download CSV" }).ClickAsync());
        var path = await download.PathAsync();
        var csv = await File.ReadAllTextAsync(path, TestContext.Current.CancellationToken);
        Assert.Contains("EU,IE,VAT,EUR,200.00,46.00,0.00,1,2026-10-01,2026-11-01", csv, StringComparison.Ordinal);
    }
}
