using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Tradewind.Browser.Tests.Infrastructure;
using Tradewind.Contracts;
using Tradewind.Contracts.Accounts;
using Tradewind.Contracts.Agreements;
using Tradewind.Contracts.Catalog;
using Tradewind.Primitives.Ids;
using Tradewind.Web.Demo;
using static Microsoft.Playwright.Assertions;

namespace Tradewind.Browser.Tests;

/// <summary>
/// Private offers driven as their users would on the demo marketplace: the demo seller builds an offer with four equal
/// installments in the form (filled by "Fill schedule", no script needed) and sends it; the buyer accepts it in three
/// clicks from the account home. The buyer and product are one of the seller's customers and a product it has no
/// subscription to, so no other test's subscription is replaced.
/// </summary>
public sealed class PrivateOfferPagesTests(TradewindServer server)
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_seller_builds_a_four_installment_offer_sends_it_and_the_buyer_accepts_it_in_three_clicks_from_the_account()
    {
        var (buyer, planValue) = await CustomerWithoutSubscriptionAsync();
        var name = $"Annual commitment {Guid.NewGuid():N}"[..28];
        var seller = await server.SignInAsDemoAsync(Roles.Seller);
        await seller.GotoAsync("/seller");
        await seller.GetByRole(AriaRole.Navigation, new() { Name = "Seller portal" }).GetByRole(AriaRole.Link, new() { Name = "Private offers" }).ClickAsync();
        await Expect(seller.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Private offers");
        await seller.GetByRole(AriaRole.Link, new() { Name = "New offer" }).First.ClickAsync();

        await seller.Locator("#Form_Plan").SelectOptionAsync(planValue);
        await seller.GetByRole(AriaRole.Button, new() { Name = "Load the plan's dimensions" }).ClickAsync();
        await seller.Locator("#Form_BuyerId").SelectOptionAsync(new SelectOptionValue { Label = buyer.Name });
        await seller.GetByLabel("Offer name").FillAsync(name);
        await seller.Locator("#Form_Currency").SelectOptionAsync("USD");
        await seller.GetByLabel("Term (months)").FillAsync("12");
        await seller.GetByLabel("Contract price for the whole term").FillAsync("4800.00");
        await seller.GetByLabel("Number of equal payments").FillAsync("4");
        await seller.GetByRole(AriaRole.Button, new() { Name = "Fill schedule" }).ClickAsync();

        var amounts = seller.Locator("table.offer-installments tbody input[name$='.Amount']");
        await Expect(amounts).ToHaveCountAsync(4);
        for (var i = 0; i < 4; i++)
        {
            await Expect(amounts.Nth(i)).ToHaveValueAsync("1200.00");
        }

        await Expect(seller.Locator(".schedule-total")).ToContainTextAsync("4,800.00");
        await Expect(seller.GetByLabel("On a schedule (up to 60 payments that add up to the contract price)")).ToBeCheckedAsync();
        await seller.GetByRole(AriaRole.Button, new() { Name = "Save draft" }).ClickAsync();
        await Expect(seller.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(name);
        await Expect(seller.Locator(".offer-preview table.offer-schedule tbody tr")).ToHaveCountAsync(4);
        await seller.GetByRole(AriaRole.Button, new() { Name = "Send to the buyer" }).ClickAsync();
        await Expect(seller.Locator("header .badge")).ToHaveTextAsync("Sent");
        var link = await seller.Locator("#offer-link").InputValueAsync();
        Assert.Matches(new Regex("/account/offers/[0-9a-f-]{36}$"), link);

        // The buyer: Private offers → the offer → Accept.
        var page = await server.SignInAsync(buyer.EmailLocalPart);
        await page.GotoAsync("/account");
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Your account" }).GetByRole(AriaRole.Link, new() { Name = "Private offers" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = name }).ClickAsync();
        await Expect(page.Locator(".offer-terms table.offer-schedule tbody tr")).ToHaveCountAsync(4);
        await page.GetByRole(AriaRole.Button, new() { Name = "Accept", Exact = true }).ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex("/account/subscriptions/[0-9a-f-]{36}$"));
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync($"You accepted “{name}”.");
        var offerId = PrivateOfferId.Parse(link[^36..]);
        var accepted = await WithScopeAsync(async s =>
            (await s.GetRequiredService<IPrivateOffersQueries>().FindAsync(offerId, new AgreementsCaller(await OrganisationAsync(s, OrganisationKind.Operator, null), Roles.Operator, "test"), _ct))!);
        Assert.Equal(PrivateOfferStatus.Accepted, accepted.Status);
        Assert.Equal(4, accepted.Schedule.Count);
        Assert.Contains(accepted.History, h => h.Action == "viewed");
        Assert.Contains(accepted.History, h => h.Action == "accepted");
    }

    /// <summary>One of the demo seller's customers, and a published plan of one of its products that customer has no subscription to.</summary>
    private Task<(DemoBuyer Buyer, string PlanValue)> CustomerWithoutSubscriptionAsync() => WithScopeAsync(async s =>
    {
        var sellerId = await OrganisationAsync(s, OrganisationKind.Seller, DemoCatalog.Sellers[0].Name);
        var agreements = s.GetRequiredService<IAgreementsQueries>();
        var catalog = s.GetRequiredService<ICatalogQueries>();
        var customers = (await agreements.ListAsync(new AgreementFilter(), new AgreementsCaller(sellerId, Roles.Seller, "test"), new PageRequest(1, PageRequest.MaxSize), _ct)).Items;
        var listings = (await catalog.ListBySellerAsync(sellerId, new PageRequest(1, PageRequest.MaxSize), _ct)).Items.Where(l => l.PublishedAt is not null).ToList();
        foreach (var buyer in DemoCatalog.Buyers.Reverse())
        {
            if (customers.FirstOrDefault(a => a.BuyerName == buyer.Name) is not { } customer)
            {
                continue;
            }

            foreach (var listing in listings)
            {
                var plan = (await catalog.ListPlansAsync(listing.Id, new CatalogCaller(sellerId, false, "test"), _ct) ?? []).FirstOrDefault(p => p.PublishedVersion is not null);
                if (plan is not null && await agreements.FindInForceAsync(customer.BuyerId, listing.Id, _ct) is null)
                {
                    return (buyer, $"{listing.Id}:{plan.Id}");
                }
            }
        }

        throw new InvalidOperationException("The demo seller has no customer without a subscription to one of its products.");
    });

    private async Task<OrganisationId> OrganisationAsync(IServiceProvider services, OrganisationKind kind, string? name) =>
        (await services.GetRequiredService<IAccountsQueries>().ListOrganisationsAsync(kind, new PageRequest(1, 100), _ct)).Items.First(o => name is null || o.Name == name).Id;

    private async Task<T> WithScopeAsync<T>(Func<IServiceProvider, Task<T>> read)
    {
        await using var scope = server.Services.CreateAsyncScope();
        return await read(scope.ServiceProvider);
    }
}
