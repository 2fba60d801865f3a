using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Tradewind.Browser.Tests.Infrastructure;
using Tradewind.Contracts;
using Tradewind.Contracts.Accounts;
using Tradewind.Contracts.Metering;
using Tradewind.Web.Demo;
using static Microsoft.Playwright.Assertions;

namespace Tradewind.Browser.Tests;

public sealed partial class UsagePagesTests(TradewindServer server)
{
    private static readonly string GrowingBuyer = DemoCatalog.Buyers[DemoSeeder.UsagePatterns[0].BuyerIndex].Name;
    private static readonly string SecondBuyer = DemoCatalog.Buyers[DemoSeeder.UsagePatterns[1].BuyerIndex].Name;

    [Fact]
    public async Task The_seller_sees_a_chart_per_dimension_and_usage_per_customer_and_drills_into_one_customer()
    {
        var page = await server.SignInAsDemoAsync(Roles.Seller);
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Seller portal" }).GetByRole(AriaRole.Link, new() { Name = "Usage", Exact = true }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/seller/usage$"));
        await page.GetByLabel("Period").SelectOptionAsync("90d");
        await page.GetByRole(AriaRole.Button, new() { Name = "Show usage" }).ClickAsync();

        var chart = page.Locator("figure[data-dimension='requests']");
        var image = chart.GetByRole(AriaRole.Img);
        await Expect(image).ToHaveAttributeAsync("aria-label", new Regex("^API requests: [0-9,]+ request in total from .+; highest [0-9,]+ at .+\\.$"));
        Assert.True(await chart.Locator("rect.usage-bar").CountAsync() == 90);
        await chart.GetByText("Data table: API requests").ClickAsync();
        await Expect(chart.GetByRole(AriaRole.Table).Locator("tbody tr")).ToHaveCountAsync(90);
        await Expect(page.Locator("figure[data-dimension='gigabytes']").GetByRole(AriaRole.Img)).ToBeVisibleAsync();

        var customers = page.GetByRole(AriaRole.Region, new() { Name = "Usage per customer" });
        var growing = customers.GetByRole(AriaRole.Row).Filter(new() { HasText = GrowingBuyer });
        await Expect(growing).ToContainTextAsync("API requests");
        Assert.True(Quantity(await growing.Locator("td.numeric").First.InnerTextAsync()) > 100_000);
        await Expect(customers.GetByRole(AriaRole.Row).Filter(new() { HasText = SecondBuyer })).ToBeVisibleAsync();

        await growing.GetByRole(AriaRole.Link, new() { Name = GrowingBuyer }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/seller/usage/customers/[A-Za-z0-9]+\\?period=90d$"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = GrowingBuyer, Level = 1 })).ToBeVisibleAsync();
        await Expect(page.Locator("figure[data-dimension='requests']").GetByRole(AriaRole.Img)).ToBeVisibleAsync();
        await Expect(page.Locator("figure[data-dimension='gigabytes']")).ToHaveCountAsync(0);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Agreements" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task The_csv_export_has_the_filtered_totals_with_iso_dates_and_invariant_numbers()
    {
        var page = await server.SignInAsDemoAsync(Roles.Seller);
        await page.GotoAsync("/seller/usage?period=90d&dimension=requests");
        var customer = await page.Locator("tr[data-dimension='requests']").Filter(new() { HasText = GrowingBuyer }).GetAttributeAsync("data-customer");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Download CSV" })).ToHaveAttributeAsync("href", "?period=90d&dimension=requests&format=csv");

        var response = await page.APIRequest.GetAsync("/seller/usage?period=90d&dimension=requests&format=csv");

        Assert.Equal(200, response.Status);
        Assert.StartsWith("text/csv", response.Headers["content-type"], StringComparison.Ordinal);
        var lines = (await response.TextAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("period_start,period_end,customer_identifier,buyer,product_id,agreement_id,dimension,quantity,records", lines[0]);
        var rows = lines.Skip(1).Select(l => l.Split(',')).ToList();
        Assert.All(rows, r =>
        {
            Assert.Matches(IsoDay(), r[0]);
            Assert.Matches(IsoDay(), r[1]);
            Assert.Equal("requests", r[^3]);
            Assert.True(long.TryParse(r[^2], NumberStyles.None, CultureInfo.InvariantCulture, out _), r[^2]);
        });
        var days = rows.Where(r => r[2] == customer).Select(r => r[0]).ToList();
        Assert.True(days.Count > 60, $"{days.Count} days of {customer}");
    }

    [Fact]
    public async Task The_test_page_shows_the_demo_rejections_with_what_to_fix()
    {
        var page = await server.SignInAsDemoAsync(Roles.Seller);
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Seller portal" }).GetByRole(AriaRole.Link, new() { Name = "Test your integration" }).ClickAsync();

        var rejected = page.Locator("tr[data-outcome='Rejected']").Filter(new() { HasText = "api_calls" });
        await Expect(rejected).ToContainTextAsync("unknown_dimension");
        await Expect(rejected).ToContainTextAsync("The customer's plan has no dimension with this key.");
        await Expect(page.Locator("tr[data-outcome='Rejected']").Filter(new() { HasText = "UNKNOWN00CUST" })).ToContainTextAsync("None of your customers has this identifier.");
        await Expect(page.Locator("tr[data-outcome='Duplicate']").First).ToContainTextAsync("the first quantity stands");
        await Expect(page.Locator("article.usage-submission").First).ToContainTextAsync("REST");
        await Expect(page.Locator("#example-node")).ToContainTextAsync($"endpoint: \"{server.BaseAddress.ToString().TrimEnd('/')}\"");
        await Expect(page.Locator("#example-node")).ToContainTextAsync("YOUR_SECRET_ACCESS_KEY");
        await Expect(page.Locator("#example-curl")).ToContainTextAsync("Bearer YOUR_API_KEY");
    }

    [Fact]
    public async Task A_dry_run_test_record_shows_its_outcome_and_stores_nothing_and_a_real_one_appears_in_the_log()
    {
        var page = await server.SignInAsDemoAsync(Roles.Seller);
        await page.GotoAsync("/seller/usage/test");
        var buyer = DemoCatalog.Buyers[DemoSeeder.UsagePatterns[4].BuyerIndex].Name;
        var customer = await page.Locator("#CustomerIdentifier option").Filter(new() { HasText = buyer }).GetAttributeAsync("value");
        await page.GetByLabel("Customer").SelectOptionAsync(customer!);
        await page.GetByLabel("Dimension").SelectOptionAsync("requests");
        await page.GetByLabel("Quantity").FillAsync("7");
        var timestamp = await page.GetByLabel("Timestamp (UTC)").InputValueAsync();
        var hour = DateTimeOffset.ParseExact(timestamp[..13], "yyyy-MM-dd'T'HH", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);

        await page.GetByRole(AriaRole.Button, new() { Name = "Send test record" }).ClickAsync();

        var outcome = page.Locator(".usage-test-outcome");
        await Expect(outcome).ToContainTextAsync("Dry run: nothing was stored.");
        await Expect(outcome.Locator("[data-outcome]")).ToHaveTextAsync("Accepted");
        Assert.Empty(await RecordsAsync(customer!, hour));

        await page.GetByLabel("Record it for real (not a dry run)").CheckAsync();
        await page.GetByLabel("Quantity").FillAsync("7");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send test record" }).ClickAsync();

        await Expect(outcome).ToContainTextAsync("Sent for real.");
        await Expect(outcome.Locator("[data-outcome]")).ToHaveTextAsync("Accepted");
        var stored = Assert.Single(await RecordsAsync(customer!, hour));
        Assert.Equal(7, stored.Quantity);

        await page.GetByRole(AriaRole.Link, new() { Name = "Refresh", Exact = true }).ClickAsync();
        var latest = page.Locator("article.usage-submission").First;
        await Expect(latest).ToContainTextAsync(customer!);
        await Expect(latest).ToContainTextAsync(DemoSeeder.KnownLogins.Single(l => l.Role == Roles.Seller).Email);
        await Expect(latest.Locator("tr[data-outcome='Accepted']")).ToContainTextAsync("7");
    }

    [Fact]
    public async Task The_buyer_sees_this_periods_usage_on_its_subscription()
    {
        var page = await server.SignInAsDemoAsync(Roles.Buyer);
        await page.GotoAsync("/account/subscriptions");
        await page.GetByRole(AriaRole.Link, new() { Name = DemoCatalog.Sellers[0].Products[DemoSeeder.UsagePatterns[0].ProductIndex].Title, Exact = true }).ClickAsync();

        var row = page.Locator("table.buyer-usage tr[data-dimension='requests']");
        await Expect(row).ToContainTextAsync("API requests");
        Assert.True(Quantity(await row.Locator("td.numeric").First.InnerTextAsync()) > 0);
    }

    private async Task<IReadOnlyList<UsageRecordDto>> RecordsAsync(string customer, DateTimeOffset hour)
    {
        await using var scope = server.Services.CreateAsyncScope();
        var accounts = scope.ServiceProvider.GetRequiredService<IAccountsQueries>();
        var operatorOrganisation = (await accounts.ListOrganisationsAsync(OrganisationKind.Operator, new PageRequest(1, 1), CancellationToken.None)).Items[0];
        var page = await scope.ServiceProvider.GetRequiredService<IUsageQueries>().ListRecordsAsync(
            new UsageRecordFilter(From: hour, To: hour.AddHours(1), CustomerIdentifier: customer),
            new UsageCaller(operatorOrganisation.Id, Roles.Operator, "test"),
            new PageRequest(1, 10),
            CancellationToken.None);
        return page.Items;
    }

    private static long Quantity(string text) =>
        long.Parse(new string(text.TakeWhile(c => char.IsDigit(c) || c == ',').Where(char.IsDigit).ToArray()), CultureInfo.InvariantCulture);

    [GeneratedRegex("^\\d{4}-\\d{2}-\\d{2}T\\d{2}:00:00Z$")]
    private static partial Regex IsoDay();
}
