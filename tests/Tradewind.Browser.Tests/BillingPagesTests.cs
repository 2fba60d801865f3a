using System.Text.RegularExpressions;
using System.Xml.Linq;
using Microsoft.Playwright;
using Tradewind.Browser.Tests.Infrastructure;
using Tradewind.Contracts.Accounts;
using Tradewind.Web.Demo;
using static Microsoft.Playwright.Assertions;

namespace Tradewind.Browser.Tests;

/// <summary>The demo's billed history in the three portals: the buyer's invoices and downloads, the seller's billed revenue, the operator's runs and actions.</summary>
public sealed partial class BillingPagesTests(TradewindServer server)
{
    [Fact]
    public async Task The_buyer_lists_its_invoices_opens_one_sees_how_usage_was_computed_and_downloads_pdf_and_ubl()
    {
        var page = await server.SignInAsDemoAsync(Roles.Buyer);
        await page.GotoAsync("/account");
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Your account" }).GetByRole(AriaRole.Link, new() { Name = "Invoices" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/account/invoices$"));

        // The German demo buyer is invoiced in euros, by the entity that serves it for this seller, in its series.
        var rows = page.Locator("table.invoices-table tbody tr");
        Assert.True(await rows.CountAsync() >= 2, "at least two months were billed");
        var first = rows.First;
        await Expect(first.GetByRole(AriaRole.Link).First).ToHaveTextAsync(InvoiceNumber());
        await Expect(first.Locator("td.numeric")).ToContainTextAsync("€");
        await Expect(page.Locator("table.invoices-table")).ToContainTextAsync("Paid");

        await first.GetByRole(AriaRole.Link).First.ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/account/invoices/[0-9a-f-]{36}$"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(new Regex("^Invoice [A-Z]{2}-\\d{4}-\\d{6}$"));
        var lines = page.Locator("table.invoice-lines tbody tr");
        Assert.True(await lines.CountAsync() >= 1);
        await page.GetByText("How this was computed").First.ClickAsync();
        await Expect(page.Locator(".rating-steps li").First).ToBeVisibleAsync();
        await Expect(page.Locator("table.invoice-lines tfoot .total-row")).ToContainTextAsync("€");

        var pdf = await page.APIRequest.GetAsync(await page.GetByRole(AriaRole.Link, new() { Name = "Download PDF" }).GetAttributeAsync("href") ?? "");
        Assert.Equal(200, pdf.Status);
        Assert.StartsWith("application/pdf", pdf.Headers["content-type"], StringComparison.Ordinal);
        Assert.Equal("%PDF", System.Text.Encoding.ASCII.GetString((await pdf.BodyAsync())[..4]));

        var ubl = await page.APIRequest.GetAsync(await page.GetByRole(AriaRole.Link, new() { Name = "Download UBL XML" }).GetAttributeAsync("href") ?? "");
        Assert.Equal(200, ubl.Status);
        var document = XDocument.Parse(await ubl.TextAsync());
        Assert.Equal("Invoice", document.Root!.Name.LocalName);
        Assert.Equal("EUR", document.Root.Elements().First(e => e.Name.LocalName == "DocumentCurrencyCode").Value);

        var print = await page.APIRequest.GetAsync(await page.GetByRole(AriaRole.Link, new() { Name = "Printable version" }).GetAttributeAsync("href") ?? "");
        Assert.Equal(200, print.Status);
        Assert.Contains("lang=\"de\"", await print.TextAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_buyer_cannot_open_another_buyers_invoice()
    {
        var operatorPage = await server.SignInAsDemoAsync(Roles.Operator);
        await operatorPage.GotoAsync("/operator/billing");
        var other = operatorPage.Locator("table.invoices-table tbody tr").Filter(new() { HasNotText = DemoCatalog.Buyers[0].Name }).First;
        var href = await other.GetByRole(AriaRole.Link).First.GetAttributeAsync("href") ?? "";
        var id = href.Split('/')[^1];

        var buyer = await server.SignInAsDemoAsync(Roles.Buyer);
        var response = await buyer.GotoAsync($"/account/invoices/{id}");
        Assert.Equal(404, response!.Status);
        Assert.Equal(404, (await buyer.APIRequest.GetAsync($"/account/invoices/{id}?handler=pdf")).Status);
    }

    [Fact]
    public async Task The_seller_sees_billed_revenue_per_currency_and_downloads_it_as_csv()
    {
        var page = await server.SignInAsDemoAsync(Roles.Seller);
        await page.GotoAsync("/seller");
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Seller portal" }).GetByRole(AriaRole.Link, new() { Name = "Billed revenue" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/seller/billing$"));

        var totals = page.Locator("table.revenue-totals tbody tr");
        await Expect(totals.Filter(new() { HasText = "EUR" })).ToHaveCountAsync(1);
        await Expect(totals.Filter(new() { HasText = "USD" })).ToHaveCountAsync(1);
        Assert.True(await page.Locator("table.revenue-lines tbody tr").CountAsync() >= 3);

        var csvLink = await page.GetByRole(AriaRole.Link, new() { Name = "Download CSV" }).GetAttributeAsync("href") ?? "";
        var csv = await page.APIRequest.GetAsync(csvLink);
        Assert.Equal(200, csv.Status);
        var csvLines = (await csv.TextAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("number,kind,issue_date,buyer,buyer_country,product,agreement_id,dimension,currency,net,tax", csvLines[0]);
        Assert.Contains(csvLines.Skip(1), l => InvoiceNumber().IsMatch(l.Split(',')[0]));
    }

    [Fact]
    public async Task The_operator_sees_the_runs_finds_an_invoice_and_credits_it_in_full()
    {
        var page = await server.SignInAsDemoAsync(Roles.Operator);
        await page.GotoAsync("/operator");
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Operator console" }).GetByRole(AriaRole.Link, new() { Name = "Billing" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/operator/billing$"));
        await Expect(page.Locator("table.billing-runs tbody tr").First).ToContainTextAsync("demo_seed");

        // A US buyer's paid invoice: the demo buyer's own invoices stay untouched for the buyer test.
        var usBuyer = DemoCatalog.Buyers.First(b => b.CountryCode == "US").Name;
        await page.GetByLabel("Status").SelectOptionAsync("Paid");
        var search = page.GetByRole(AriaRole.Region, new() { Name = "Invoices and credit notes" });
        await search.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        var row = page.Locator("table.invoices-table tbody tr").Filter(new() { HasText = usBuyer }).First;
        var number = await row.GetByRole(AriaRole.Link).First.InnerTextAsync();
        Assert.Matches(new Regex("^US-\\d{4}-\\d{6}$"), number);
        await row.GetByRole(AriaRole.Link).First.ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync(number);

        await page.GetByLabel("Reason").FillAsync("Service outage on the 12th, credited in full");
        await page.GetByRole(AriaRole.Button, new() { Name = "Issue a full credit note" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync(new Regex("Credit note US-CN-\\d{4}-\\d{6} issued for"));

        await page.GotoAsync("/operator/billing?kind=CreditNote");
        await Expect(page.Locator("table.invoices-table tbody tr").Filter(new() { HasText = usBuyer }).First).ToContainTextAsync("Credit note");
    }

    [GeneratedRegex("^[A-Z]{2}-\\d{4}-\\d{6}$")]
    private static partial Regex InvoiceNumber();
}
