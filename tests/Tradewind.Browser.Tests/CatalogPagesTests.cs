using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Tradewind.Browser.Tests.Infrastructure;
using Tradewind.Contracts.Accounts;
using static Microsoft.Playwright.Assertions;

namespace Tradewind.Browser.Tests;

public sealed partial class CatalogPagesTests(TradewindServer server)
{
    private static readonly byte[] Png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAACCAIAAAAW4yFwAAAAEElEQVR4nGP4z8DAxMDAAAAPCQEDE1oV3AAAAABJRU5ErkJggg==");

    private static async Task CreateListingAsync(IPage page, string title)
    {
        await page.GotoAsync("/seller");
        await page.GetByRole(AriaRole.Link, new() { Name = "New listing" }).First.ClickAsync();
        await page.GetByLabel("Title", new() { Exact = true }).FillAsync(title);
        await page.GetByLabel("Short description").FillAsync("Backups for every laptop in the company.");
        await page.GetByLabel("Long description (Markdown)").FillAsync("Encrypted **incremental** backups.");
        await page.GetByLabel("Highlight 1").FillAsync("Restores in minutes");
        await page.Locator("input[name=Categories]").First.CheckAsync();
        await page.GetByLabel("Fulfilment URL").FillAsync("https://example.com/signup");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create listing" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(EditorUrl());
    }

    private static async Task FillDimensionAsync(IPage page, string key, string name, string unit)
    {
        await page.Locator("#Form_Dimensions_0_Key").FillAsync(key);
        await page.Locator("#Form_Dimensions_0_Name").FillAsync(name);
        await page.Locator("#Form_Dimensions_0_Unit").FillAsync(unit);
    }

    [Fact]
    public async Task A_listing_goes_from_the_editor_through_the_review_queue_to_the_storefront_with_its_pricing_table()
    {
        var title = $"Vault Backup {Guid.NewGuid():N}"[..20];
        var seller = await server.SignInAsDemoAsync(Roles.Seller);
        await CreateListingAsync(seller, title);
        await Expect(seller.GetByText("Draft").First).ToBeVisibleAsync();

        await seller.GetByLabel("Image").SelectOptionAsync("logo");
        await seller.GetByLabel("File", new() { Exact = true }).SetInputFilesAsync(new FilePayload { Name = "logo.png", MimeType = "image/png", Buffer = Png });
        await seller.GetByRole(AriaRole.Button, new() { Name = "Upload" }).ClickAsync();
        await Expect(seller.GetByRole(AriaRole.Status)).ToContainTextAsync("The logo is uploaded.");
        await Expect(seller.GetByRole(AriaRole.Img, new() { Name = "Logo" })).ToBeVisibleAsync();

        // A usage plan with a graduated ladder, built with "Add tier row" (no JavaScript) and a 14-day trial.
        await seller.GetByRole(AriaRole.Link, new() { Name = "Add plan" }).ClickAsync();
        await seller.GetByLabel("Plan name").FillAsync("Pay as you go");
        await seller.GetByLabel("Free trial days").FillAsync("14");
        await FillDimensionAsync(seller, "storage_gb", "Storage", "GB");
        await seller.Locator("#Form_Dimensions_0_Model").SelectOptionAsync("Graduated");
        await seller.Locator("#Form_Dimensions_0_Tiers_0_UpTo").FillAsync("1000");
        await seller.Locator("#Form_Dimensions_0_Tiers_0_UnitPrice").FillAsync("0.10");
        await seller.GetByRole(AriaRole.Button, new() { Name = "Add tier row" }).ClickAsync();
        await seller.Locator("#Form_Dimensions_0_Tiers_1_From").FillAsync("1000");
        await seller.Locator("#Form_Dimensions_0_Tiers_1_UpTo").FillAsync("10000");
        await seller.Locator("#Form_Dimensions_0_Tiers_1_UnitPrice").FillAsync("0.08");
        await seller.GetByRole(AriaRole.Button, new() { Name = "Add tier row" }).ClickAsync();
        await Expect(seller.Locator("#Form_Dimensions_0_Tiers_0_UnitPrice")).ToHaveValueAsync("0.10");
        await seller.Locator("#Form_Dimensions_0_Tiers_2_From").FillAsync("10000");
        await seller.Locator("#Form_Dimensions_0_Tiers_2_UnitPrice").FillAsync("0.05");
        await seller.GetByRole(AriaRole.Button, new() { Name = "Save plan" }).ClickAsync();
        await Expect(seller).ToHaveURLAsync(EditorUrl());
        await Expect(seller.GetByRole(AriaRole.Link, new() { Name = "Pay as you go" })).ToBeVisibleAsync();

        // A 12-month contract paid in 12 installments.
        await seller.GetByRole(AriaRole.Link, new() { Name = "Add plan" }).ClickAsync();
        await seller.GetByLabel("Plan name").FillAsync("Annual");
        await seller.GetByLabel("Contract: a commitment for a term at a price").CheckAsync();
        await FillDimensionAsync(seller, "storage_gb", "Storage", "GB");
        await seller.Locator("#Form_Dimensions_0_Included").FillAsync("5000");
        await seller.GetByLabel("Term", new() { Exact = true }).SelectOptionAsync("12");
        await seller.GetByLabel("Contract price (USD)").FillAsync("1200.00");
        await seller.GetByLabel("Installments", new() { Exact = true }).FillAsync("12");
        await seller.GetByRole(AriaRole.Button, new() { Name = "Save plan" }).ClickAsync();
        await Expect(seller.GetByRole(AriaRole.Link, new() { Name = "Annual" })).ToBeVisibleAsync();

        await seller.GetByRole(AriaRole.Button, new() { Name = "Submit for review" }).ClickAsync();
        await Expect(seller.GetByRole(AriaRole.Status)).ToContainTextAsync("is submitted for review");
        await Expect(seller.GetByText("In review").First).ToBeVisibleAsync();

        var operatorPage = await server.SignInAsDemoAsync(Roles.Operator);
        await operatorPage.GotoAsync("/operator");
        await operatorPage.GetByRole(AriaRole.Link, new() { Name = "Review queue" }).ClickAsync();
        await operatorPage.GetByRole(AriaRole.Link, new() { Name = title }).ClickAsync();
        var diff = operatorPage.GetByRole(AriaRole.Region, new() { Name = "New listing: every field" });
        await Expect(diff.GetByRole(AriaRole.Row).Filter(new() { HasText = "title" }).First).ToContainTextAsync(title);
        await Expect(operatorPage.GetByRole(AriaRole.Region, new() { Name = "Plans", Exact = true }).GetByRole(AriaRole.Row).Filter(new() { HasText = "Pay as you go" })).ToContainTextAsync("$0.10");
        await operatorPage.GetByRole(AriaRole.Button, new() { Name = "Approve and publish" }).ClickAsync();
        await Expect(operatorPage.GetByRole(AriaRole.Status)).ToContainTextAsync("is approved and published");

        await seller.ReloadAsync();
        var href = await seller.GetByRole(AriaRole.Link, new() { Name = "View on the storefront" }).GetAttributeAsync("href");
        Assert.NotNull(href);

        var visitor = await server.NewPageAsync();
        await visitor.GotoAsync(href);
        await Expect(visitor.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(title);
        var pricing = visitor.GetByRole(AriaRole.Table, new() { Name = "Usage prices of Pay as you go" });
        await Expect(pricing.GetByRole(AriaRole.Row).Filter(new() { HasText = "0–1,000" })).ToContainTextAsync("$0.10 per GB");
        await Expect(pricing.GetByRole(AriaRole.Row).Filter(new() { HasText = "1,000–10,000" })).ToContainTextAsync("$0.08 per GB");
        await Expect(pricing.GetByRole(AriaRole.Row).Filter(new() { HasText = "over 10,000" })).ToContainTextAsync("$0.05 per GB");
        await Expect(visitor.GetByText("$1,200.00 for 12 months")).ToBeVisibleAsync();
        await Expect(visitor.GetByText("12 installments of $100.00")).ToBeVisibleAsync();
        var planTrial = visitor.GetByRole(AriaRole.Region, new() { Name = "Pay as you go" }).GetByRole(AriaRole.Link, new() { Name = "Start 14-day free trial" });
        await Expect(planTrial).ToHaveAttributeAsync("href", new Regex("^/go/trial/[^/?]+\\?att=[A-Za-z0-9_-]{43}&to=%2Fproducts%2F[^%]+%2Fsubscribe%2F[0-9a-f-]{36}$"));
        var sidebarTrial = visitor.GetByRole(AriaRole.Complementary, new() { Name = "About this product" }).GetByRole(AriaRole.Link, new() { Name = "Start 14-day free trial" });
        await Expect(sidebarTrial).ToHaveAttributeAsync("href", (await planTrial.GetAttributeAsync("href"))!);
        await Expect(visitor.GetByRole(AriaRole.Img, new() { Name = $"{title} logo" })).ToBeVisibleAsync();
        await Expect(visitor.GetByText("Restores in minutes")).ToBeVisibleAsync();
        await Expect(visitor.GetByText("Tradewind standard contract")).ToBeVisibleAsync();

        // The search index picks the new listing up at its next refresh (every few seconds). Searching signed in
        // bypasses the storefront's output cache, so a miss before the refresh is not remembered.
        var found = false;
        for (var attempt = 0; attempt < 40 && !found; attempt++)
        {
            await seller.GotoAsync($"/search?q={Uri.EscapeDataString(title)}");
            found = await seller.Locator("main").GetByRole(AriaRole.Link, new() { Name = title }).CountAsync() > 0;
            if (!found)
            {
                await Task.Delay(500, TestContext.Current.CancellationToken);
            }
        }

        Assert.True(found, $"'{title}' did not appear in search within 20 seconds of approval");
        await seller.Locator("main").GetByRole(AriaRole.Link, new() { Name = title }).First.ClickAsync();
        await Expect(seller.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(title);
    }

    [Fact]
    public async Task An_overlapping_tier_ladder_is_refused_next_to_the_tier_and_nothing_is_saved()
    {
        var seller = await server.SignInAsDemoAsync(Roles.Seller);
        await CreateListingAsync(seller, $"Overlap {Guid.NewGuid():N}"[..16]);
        var editor = seller.Url;

        await seller.GetByRole(AriaRole.Link, new() { Name = "Add plan" }).ClickAsync();
        await seller.GetByLabel("Plan name").FillAsync("Overlapping");
        await FillDimensionAsync(seller, "api_calls", "API calls", "request");
        await seller.Locator("#Form_Dimensions_0_Model").SelectOptionAsync("Graduated");
        await seller.Locator("#Form_Dimensions_0_Tiers_0_UpTo").FillAsync("1000");
        await seller.Locator("#Form_Dimensions_0_Tiers_0_UnitPrice").FillAsync("0.01");
        await seller.GetByRole(AriaRole.Button, new() { Name = "Add tier row" }).ClickAsync();
        await seller.Locator("#Form_Dimensions_0_Tiers_1_From").FillAsync("500");
        await seller.Locator("#Form_Dimensions_0_Tiers_1_UnitPrice").FillAsync("0.008");
        await seller.GetByRole(AriaRole.Button, new() { Name = "Save plan" }).ClickAsync();

        await Expect(seller.GetByRole(AriaRole.Alert)).ToContainTextAsync("Nothing was saved");
        var tierCell = seller.Locator("td", new() { Has = seller.Locator("#Form_Dimensions_0_Tiers_1_From") });
        await Expect(tierCell.Locator(".field-error")).ToContainTextAsync("Overlap");
        await Expect(seller.Locator("#Form_Dimensions_0_Tiers_1_From")).ToHaveValueAsync("500");

        await seller.GotoAsync(editor);
        await Expect(seller.GetByText("No plans yet.")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Submitting_an_incomplete_listing_lists_what_is_missing()
    {
        var seller = await server.SignInAsDemoAsync(Roles.Seller);
        await CreateListingAsync(seller, $"Gaps {Guid.NewGuid():N}"[..13]);

        await seller.GetByRole(AriaRole.Button, new() { Name = "Submit for review" }).ClickAsync();

        await Expect(seller.GetByRole(AriaRole.Alert)).ToContainTextAsync("Add at least one pricing plan before submitting.");
        await Expect(seller.GetByText("Draft").First).ToBeVisibleAsync();
    }

    [Fact]
    public async Task The_operator_must_give_a_reason_to_reject_and_the_seller_sees_it_in_the_editor()
    {
        var title = $"Rejectable {Guid.NewGuid():N}"[..19];
        var seller = await server.SignInAsDemoAsync(Roles.Seller);
        await CreateListingAsync(seller, title);
        var editor = seller.Url;
        await seller.GetByRole(AriaRole.Link, new() { Name = "Add plan" }).ClickAsync();
        await seller.GetByLabel("Plan name").FillAsync("Metered");
        await FillDimensionAsync(seller, "api_calls", "API calls", "request");
        await seller.GetByLabel("Unit price (per unit)").FillAsync("0.0125");
        await seller.GetByRole(AriaRole.Button, new() { Name = "Save plan" }).ClickAsync();
        await seller.GetByRole(AriaRole.Button, new() { Name = "Submit for review" }).ClickAsync();
        await Expect(seller.GetByRole(AriaRole.Status)).ToContainTextAsync("is submitted for review");

        var operatorPage = await server.SignInAsDemoAsync(Roles.Operator);
        await operatorPage.GotoAsync("/operator/review");
        await operatorPage.GetByRole(AriaRole.Link, new() { Name = title }).ClickAsync();
        // The browser asks for the reason first; the page checks it again on the server.
        await Expect(operatorPage.GetByLabel("Reason for rejecting")).ToHaveAttributeAsync("required", "");
        await operatorPage.GetByLabel("Reason for rejecting").FillAsync("   ");
        await operatorPage.GetByRole(AriaRole.Button, new() { Name = "Reject" }).ClickAsync();
        await Expect(operatorPage.GetByRole(AriaRole.Alert)).ToContainTextAsync("Give the reason; the seller sees it.");
        await operatorPage.GetByLabel("Reason for rejecting").FillAsync("The logo is missing.");
        await operatorPage.GetByRole(AriaRole.Button, new() { Name = "Reject" }).ClickAsync();
        await Expect(operatorPage.GetByRole(AriaRole.Status)).ToContainTextAsync("is rejected");

        await seller.GotoAsync(editor);
        await Expect(seller.GetByText("Rejected").First).ToBeVisibleAsync();
        await Expect(seller.GetByRole(AriaRole.Alert)).ToContainTextAsync("The logo is missing.");
    }

    [GeneratedRegex("/seller/products/[0-9a-f-]{36}$")]
    private static partial Regex EditorUrl();
}
