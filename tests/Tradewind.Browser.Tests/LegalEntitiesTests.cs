using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Tradewind.Browser.Tests.Infrastructure;
using Tradewind.Contracts.Accounts;
using Tradewind.Persistence;
using static Microsoft.Playwright.Assertions;

namespace Tradewind.Browser.Tests;

public sealed class LegalEntitiesTests(TradewindServer server)
{
    [Fact]
    public async Task The_seller_registers_a_second_entity_adds_and_verifies_a_bank_account_and_enables_a_currency()
    {
        var page = await server.SignInAsDemoAsync(Roles.Seller);
        await page.GetByRole(AriaRole.Link, new() { Name = "Legal entities & payouts" }).First.ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/seller/entities$"));
        await Expect(page.GetByRole(AriaRole.Region, new() { Name = "Northwind Analytics Inc." })).ToBeVisibleAsync();

        const string LegalName = "Northwind Analytics Ltd";
        var form = page.GetByRole(AriaRole.Region, new() { Name = "Register a legal entity" });
        await form.GetByLabel("Legal name").FillAsync(LegalName);
        await form.GetByLabel("Country (ISO code)").FillAsync("GB");
        await form.GetByLabel("Tax id").FillAsync("GB 100 1950 75");
        await form.GetByLabel("Street address").FillAsync("1 Canada Square");
        await form.GetByLabel("City").FillAsync("London");
        await form.GetByLabel("Postal code").FillAsync("E14 5AB");
        await form.GetByRole(AriaRole.Button, new() { Name = "Register entity" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync($"“{LegalName}” is registered.");
        var entity = page.GetByRole(AriaRole.Region, new() { Name = LegalName });
        await Expect(entity.GetByText("Pending review")).ToBeVisibleAsync();

        await entity.GetByText("Add a bank account").ClickAsync();
        await entity.GetByLabel("Account currency").SelectOptionAsync("GBP");
        await entity.GetByLabel("Account number").FillAsync("31926819");
        await entity.GetByLabel("Routing code").FillAsync("60-16-13");
        await entity.GetByRole(AriaRole.Button, new() { Name = "Add bank account" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("ending 6819");
        await Expect(entity.GetByText("Awaiting deposits")).ToBeVisibleAsync();
        await Expect(page.GetByText("31926819")).ToHaveCountAsync(0);

        var deposits = await DepositsAsync(LegalName);
        var confirm = entity.GetByRole(AriaRole.Form, new() { Name = "Confirm the deposits to the account ending 6819" });
        await confirm.GetByLabel("First deposit").FillAsync(deposits[0]);
        await confirm.GetByLabel("Second deposit").FillAsync(deposits[1]);
        await confirm.GetByRole(AriaRole.Button, new() { Name = "Confirm deposits" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("The account ending 6819 is verified.");
        await entity.GetByLabel("Payout currency").SelectOptionAsync("GBP");
        await entity.GetByRole(AriaRole.Button, new() { Name = "Enable currency" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Payouts in GBP go to the account ending 6819.");
        await Expect(entity.GetByText("GBP → account ending 6819")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task The_operator_verifies_an_entity_from_the_KYC_queue()
    {
        var page = await server.SignInAsDemoAsync(Roles.Operator);
        await page.GetByRole(AriaRole.Link, new() { Name = "KYC review" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/operator/kyc$"));

        var row = page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Tallmo Systems AB" });
        await Expect(row.GetByRole(AriaRole.Link, new() { Name = "Download W-8BEN-E" })).ToBeVisibleAsync();
        await row.GetByRole(AriaRole.Button, new() { Name = "Verify “Tallmo Systems AB”" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("“Tallmo Systems AB” is verified until");
        await Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Tallmo Systems AB" })).ToHaveCountAsync(0);
        await page.GetByRole(AriaRole.Link, new() { Name = "Verified", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Tallmo Systems AB" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task The_operator_sees_the_entities_and_the_routing_table_and_asks_who_invoices()
    {
        var page = await server.SignInAsDemoAsync(Roles.Operator);
        await page.GetByRole(AriaRole.Link, new() { Name = "Entities", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Rowheader).Filter(new() { HasText = "Tradewind Marketplace Europe S.à r.l." })).ToBeVisibleAsync();
        await Expect(page.GetByText("EUR account ending 0000")).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Routing", Exact = true }).ClickAsync();
        await page.GetByLabel("Buyer country", new() { Exact = true }).FillAsync("FR");
        await page.GetByLabel("Seller entity country").FillAsync("DE");
        await page.GetByRole(AriaRole.Button, new() { Name = "Find the entity" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Invoiced by EU");
    }

    /// <summary>The deposit amounts as the seller would read them on the statement (only the server can decrypt them).</summary>
    private async Task<string[]> DepositsAsync(string legalName)
    {
        await using var scope = server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TradewindDbContext>();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        try
        {
            await using var command = connection.CreateCommand();
            command.CommandText =
                "SELECT a.protected_micro_deposits FROM accounts_seller_bank_accounts a JOIN accounts_seller_entities e ON e.id = a.seller_entity_id "
                + $"WHERE e.legal_name = '{legalName}' AND a.protected_micro_deposits IS NOT NULL";
            var protectedAmounts = (string)(await command.ExecuteScalarAsync())!;
            var protector = server.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("Tradewind.Accounts.BankAccounts");
            return protector.Unprotect(protectedAmounts).Split(',')
                .Select(a => (long.Parse(a, CultureInfo.InvariantCulture) / 100m).ToString("0.00", CultureInfo.InvariantCulture)).ToArray();
        }
        finally
        {
            await connection.CloseAsync();
        }
    }
}
