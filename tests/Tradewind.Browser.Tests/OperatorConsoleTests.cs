using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Tradewind.Browser.Tests.Infrastructure;
using Tradewind.Contracts.Accounts;
using Tradewind.Web.Demo;
using static Microsoft.Playwright.Assertions;

namespace Tradewind.Browser.Tests;

public sealed class OperatorConsoleTests(TradewindServer server)
{
    [Fact]
    public async Task The_operator_signs_in_and_sees_the_console_with_legal_entities_and_organisations()
    {
        var page = await server.SignInAsDemoAsync(Roles.Operator);

        await Expect(page).ToHaveURLAsync(new Regex("/operator$"));
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Operator console" })).ToBeVisibleAsync();
        var entities = page.GetByRole(AriaRole.Region, new() { Name = "Legal entities" }).GetByRole(AriaRole.Table);
        foreach (var entity in DemoSeeder.OperatorEntities)
        {
            await Expect(entities.GetByRole(AriaRole.Rowheader, new() { Name = entity.LegalName })).ToBeVisibleAsync();
        }

        await page.GetByRole(AriaRole.Link, new() { Name = "Organisations" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Sellers", Exact = true }).ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex("/operator/organisations\\?kind=seller$"));
        var seller = DemoSeeder.KnownLogins.Single(l => l.Role == Roles.Seller);
        var organisations = page.GetByRole(AriaRole.Table);
        await Expect(organisations.GetByRole(AriaRole.Rowheader, new() { Name = seller.Organisation })).ToBeVisibleAsync();
        await Expect(organisations.GetByRole(AriaRole.Cell, new() { Name = "Buyer", Exact = true })).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task A_buyer_who_opens_the_operator_console_is_denied()
    {
        var page = await server.SignInAsDemoAsync(Roles.Buyer);
        await Expect(page).ToHaveURLAsync(new Regex("/account$"));

        var response = await page.GotoAsync("/operator");

        Assert.Equal(403, response!.Status);
        await Expect(page).ToHaveURLAsync(new Regex("/access-denied"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "You don't have access to this page" })).ToBeVisibleAsync();
        await Expect(page.GetByText("Legal entities")).ToHaveCountAsync(0);
    }
}
