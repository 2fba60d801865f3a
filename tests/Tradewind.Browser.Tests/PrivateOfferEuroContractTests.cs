using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Playwright;
using Tradewind.Browser.Tests.Infrastructure;
using Tradewind.Contracts;
using Tradewind.Contracts.Accounts;
using Tradewind.Contracts.Agreements;
using Tradewind.Contracts.Billing;
using Tradewind.Contracts.Catalog;
using Tradewind.Contracts.Legal;
using Tradewind.Contracts.Payments;
using Tradewind.Contracts.Tax;
using Tradewind.Persistence.Outbox;
using Tradewind.Primitives.Money;
using Tradewind.Web.Demo;
using static Microsoft.Playwright.Assertions;

namespace Tradewind.Browser.Tests;

/// <summary>A demo marketplace of its own whose clock the test moves to the next billing run and past the payout hold.</summary>
public sealed class ClockedDemoServer() : TradewindServer(new FakeTimeProvider(TimeProvider.System.GetUtcNow()));

/// <summary>
/// The sales-led upgrade end to end: the German demo seller turns the German buyer's pay-as-you-go subscription into a
/// 12-month EUR contract in 4 installments from the customer list; the buyer accepts it; the next billing run invoices the
/// first installment in EUR from the EU entity (a reverse charge: a German business buying from Luxembourg); the buyer pays
/// it by card; and the next payout run pays the seller's proceeds to its EUR account.
/// </summary>
public sealed class PrivateOfferEuroContractTests(ClockedDemoServer server) : IClassFixture<ClockedDemoServer>
{
    private const float ServerWork = 30_000;

    private static readonly DemoSeller Kettenwerk = DemoCatalog.Sellers.Single(s => s.Name == "Kettenwerk Software GmbH");

    private static readonly DemoBuyer German = DemoCatalog.Buyers.Single(b => b.CountryCode == "DE");

    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_seller_turns_a_german_payg_subscription_into_a_12_month_eur_contract_in_4_installments_invoiced_by_the_eu_entity_and_paid_out_in_eur()
    {
        var clock = server.Clock!;
        var (payAsYouGo, productTitle) = await SubscribeToPayAsYouGoAsync();

        // The seller: Customers → "Create private offer" on the buyer's subscription → EUR, 12 months, 4 payments.
        var seller = await server.SignInAsync(Kettenwerk.EmailLocalPart);
        await seller.GotoAsync("/seller/customers");
        await seller.Locator($"a.create-offer[href='/seller/offers/new?agreement={payAsYouGo.Id.Value}']").ClickAsync();
        var name = $"Rheinfeld annual {Guid.NewGuid():N}"[..26];
        await seller.GetByLabel("Offer name").FillAsync(name);
        await seller.Locator("#Form_Currency").SelectOptionAsync("EUR");
        // Kettenwerk sells through a German and a British entity; the German one is paid in EUR.
        await seller.GetByLabel("Sold by").SelectOptionAsync(new SelectOptionValue { Label = "Kettenwerk Software GmbH (DE)" });
        await seller.GetByLabel("Term (months)").FillAsync("12");
        var unlimited = seller.Locator("input[type=checkbox][id$='Unlimited']");
        for (var i = 0; i < await unlimited.CountAsync(); i++)
        {
            await unlimited.Nth(i).CheckAsync();
        }

        await seller.GetByLabel("Charge use beyond what is included at the offer's prices").UncheckAsync();
        await seller.GetByLabel("Contract price for the whole term").FillAsync("12000.00");
        await seller.GetByLabel("Number of equal payments").FillAsync("4");
        await seller.RunAndWaitForResponseAsync(() => seller.GetByRole(AriaRole.Button, new() { Name = "Fill schedule" }).ClickAsync(), r => r.Request.Method == "POST", new() { Timeout = ServerWork });
        await Expect(seller.Locator("table.offer-installments tbody input[name$='.Amount']")).ToHaveCountAsync(4, new() { Timeout = ServerWork });
        await Expect(seller.GetByLabel("Replace the buyer's current subscription", new() { Exact = false })).ToBeCheckedAsync();
        await seller.RunAndWaitForResponseAsync(() => seller.GetByRole(AriaRole.Button, new() { Name = "Save draft" }).ClickAsync(), r => r.Request.Method == "POST", new() { Timeout = ServerWork });
        await seller.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
        if (await seller.Locator(".alert-error").CountAsync() > 0)
        {
            Assert.Fail("The offer was refused: " + string.Join(" | ", await seller.Locator(".alert-error, .field-error").AllInnerTextsAsync()));
        }
        await Expect(seller.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(name, new() { Timeout = ServerWork });
        await Expect(seller.Locator(".offer-preview table.offer-schedule tbody tr")).ToHaveCountAsync(4);
        await seller.GetByRole(AriaRole.Button, new() { Name = "Send to the buyer" }).ClickAsync();
        await Expect(seller.Locator("header .badge")).ToHaveTextAsync("Sent", new() { Timeout = ServerWork });

        // The buyer: Private offers → the offer → Accept (replacing the subscription).
        var buyer = await server.SignInAsDemoAsync(Roles.Buyer);
        await buyer.GotoAsync("/account");
        await buyer.GetByRole(AriaRole.Navigation, new() { Name = "Your account" }).GetByRole(AriaRole.Link, new() { Name = "Private offers" }).ClickAsync();
        await buyer.GetByRole(AriaRole.Link, new() { Name = name }).ClickAsync();
        await Expect(buyer.Locator(".offer-terms")).ToContainTextAsync("€12,000.00");
        await buyer.GetByRole(AriaRole.Button, new() { Name = "Accept", Exact = true }).ClickAsync();
        await Expect(buyer).ToHaveURLAsync(new Regex("/account/subscriptions/[0-9a-f-]{36}$"), new() { Timeout = ServerWork });

        var (offer, contract, replaced) = await WithScopeAsync(async s =>
        {
            var caller = new AgreementsCaller(await OrganisationAsync(s, OrganisationKind.Operator, null), Roles.Operator, "test");
            var offers = await s.GetRequiredService<IPrivateOffersQueries>().ListAsync(new PrivateOfferFilter(Status: PrivateOfferStatus.Accepted), caller, new PageRequest(1, 50), _ct);
            var accepted = offers.Items.Single(o => o.Name == name);
            var agreements = s.GetRequiredService<IAgreementsQueries>();
            return (accepted, (await agreements.FindAsync(accepted.AgreementId!.Value, caller, _ct))!, (await agreements.FindAsync(payAsYouGo.Id, caller, _ct))!);
        });
        Assert.Equal(productTitle, offer.ProductTitle);
        Assert.Equal(AgreementStatus.Replaced, replaced.Status);
        Assert.Equal(("EUR", AgreementStatus.Active, offer.Id), (contract.Currency, contract.Status, contract.PrivateOfferId!.Value));
        Assert.Equal([3000_00L, 3000_00L, 3000_00L, 3000_00L], offer.Schedule.Select(p => p.Amount.MinorUnits));

        // The next billing run (03:00 on the 1st of next month) invoices installment 1 in EUR from the EU entity.
        var now = clock.GetUtcNow();
        var nextRun = new DateTimeOffset(now.Year, now.Month, 1, 3, 0, 0, TimeSpan.Zero).AddMonths(1);
        clock.SetUtcNow(nextRun);
        var invoice = await WithScopeAsync(async s =>
        {
            await s.GetRequiredService<IBillingCommands>().RunAsync(new BillingRunRequest(nextRun), "test", "test", _ct);
            await DeliverOutboxAsync();
            var caller = new BillingCaller(await OrganisationAsync(s, OrganisationKind.Operator, null), Roles.Operator, "test");
            var billing = s.GetRequiredService<IBillingQueries>();
            var issued = await billing.ListInvoicesAsync(new InvoiceFilter(Kind: InvoiceKind.Invoice, Currency: "EUR"), caller, new PageRequest(1, PageRequest.MaxSize), _ct);
            foreach (var summary in issued.Items.Where(i => i.IssueDate == DateOnly.FromDateTime(nextRun.UtcDateTime)))
            {
                if (await billing.FindInvoiceAsync(summary.Id, caller, _ct) is { } full && full.Lines.Any(l => l.AgreementId == contract.Id))
                {
                    return full;
                }
            }

            throw new InvalidOperationException("The billing run issued no invoice for the contract.");
        });
        Assert.Equal(("EUR", "EU", InvoiceStatus.Finalized), (invoice.Currency, invoice.Issuer.EntityCode, invoice.Status));
        var installment = Assert.Single(invoice.Lines, l => l.AgreementId == contract.Id);
        Assert.Equal(InvoiceLineKind.Installment, installment.Kind);
        Assert.Equal(Money.Parse("3000.00", Currency.FromCode("EUR")), installment.Amount);
        Assert.Equal(TaxTreatments.ReverseCharge, installment.Tax.Treatment);
        Assert.Equal(0, installment.Tax.TaxAmount.MinorUnits);

        // The buyer pays it by card on its invoice page.
        await buyer.GotoAsync($"/account/invoices/{invoice.Id.Value}/pay");
        await buyer.GetByRole(AriaRole.Radio, new() { Name = "New card" }).CheckAsync();
        await buyer.GetByLabel("Card number").FillAsync("4242 4242 4242 4242");
        await buyer.GetByLabel("Expiry month").FillAsync("12");
        await buyer.GetByLabel("Expiry year").FillAsync((nextRun.Year + 3).ToString(CultureInfo.InvariantCulture));
        await buyer.GetByLabel("Security code").FillAsync("123");
        await buyer.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Pay ") }).ClickAsync();
        await Expect(buyer.GetByRole(AriaRole.Status)).ToContainTextAsync("Payment succeeded.", new() { Timeout = ServerWork });
        await DeliverOutboxAsync();

        // After the refund hold, the payout run pays the seller's EUR account: the installment less the 3 % listing fee among it.
        clock.Advance(TimeSpan.FromDays(8));
        var payout = await WithScopeAsync(async s =>
        {
            var run = await s.GetRequiredService<IPayoutCommands>().RunAsync(clock.GetUtcNow(), "test", _ct);
            var sellerId = await OrganisationAsync(s, OrganisationKind.Seller, Kettenwerk.Name);
            var payouts = await s.GetRequiredService<IPayoutQueries>().ListAsync(new PayoutFilter(SellerId: sellerId, Currency: "EUR"), new PageRequest(1, 50), _ct);
            return payouts.Items.Single(p => p.Invoices.Contains(invoice.Id));
        });
        Assert.Equal(("EUR", "3000"), (payout.Amount.Currency.Code, payout.AccountLast4));
        Assert.True(payout.Amount >= Money.Parse("2910.00", Currency.FromCode("EUR")), $"{payout.Amount}");
    }

    /// <summary>
    /// The German buyer's pay-as-you-go subscription to a Kettenwerk product: one it has, or a new one to a product it does
    /// not use.
    /// </summary>
    private Task<(AgreementDto Agreement, string ProductTitle)> SubscribeToPayAsYouGoAsync() => WithScopeAsync(async s =>
    {
        var sellerId = await OrganisationAsync(s, OrganisationKind.Seller, Kettenwerk.Name);
        var buyerId = await OrganisationAsync(s, OrganisationKind.Buyer, German.Name);
        var catalog = s.GetRequiredService<ICatalogQueries>();
        var agreements = s.GetRequiredService<IAgreementsQueries>();
        var listings = new List<ListingDto>();
        foreach (var summary in (await catalog.ListBySellerAsync(sellerId, new PageRequest(1, 50), _ct)).Items)
        {
            if (await catalog.FindPublishedBySlugAsync(summary.Slug, _ct) is { } listing && !listing.Availability.ExcludedCountries.Contains("DE", StringComparer.OrdinalIgnoreCase))
            {
                listings.Add(listing);
            }
        }

        foreach (var listing in listings)
        {
            if (await agreements.FindInForceAsync(buyerId, listing.Id, _ct) is { PrivateOfferId: null, Terms.Contract: null, Status: AgreementStatus.Active or AgreementStatus.Trial } current)
            {
                return (current, listing.Title);
            }
        }

        var email = DemoSeeder.KnownLogins.Single(l => l.Role == Roles.Buyer).Email;
        foreach (var listing in listings)
        {
            if (listing.Plans.FirstOrDefault(p => p.Terms.Contract is null && p.Terms.Dimensions?.Any(d => d.Price is not null) == true) is not { } plan
                || await agreements.FindInForceAsync(buyerId, listing.Id, _ct) is not null)
            {
                continue;
            }

            var licence = listing.Licence.Kind == LicenceKind.Standard ? StandardContract.CurrentVersion : $"revision-{listing.Revision}";
            var subscription = await s.GetRequiredService<IAgreementsCommands>().SubscribeAsync(
                new SubscribeRequest(listing.Id, plan.PlanId, licence, "de"), new AgreementsCaller(buyerId, Roles.Buyer, email), _ct);
            return (subscription.Agreement, listing.Title);
        }

        throw new InvalidOperationException(
            $"Kettenwerk has no pay-as-you-go product for the German buyer: {string.Join("; ", listings.Select(l => $"{l.Title} [{string.Join(", ", l.Plans.Select(p => p.Terms.Name))}]"))}");
    });

    private async Task DeliverOutboxAsync()
    {
        var outbox = server.Services.GetRequiredService<OutboxProcessor>();
        while (await outbox.DispatchPendingAsync(_ct) > 0)
        {
        }
    }

    private async Task<Tradewind.Primitives.Ids.OrganisationId> OrganisationAsync(IServiceProvider services, OrganisationKind kind, string? name) =>
        (await services.GetRequiredService<IAccountsQueries>().ListOrganisationsAsync(kind, new PageRequest(1, 100), _ct)).Items.First(o => name is null || o.Name == name).Id;

    private async Task<T> WithScopeAsync<T>(Func<IServiceProvider, Task<T>> read)
    {
        await using var scope = server.Services.CreateAsyncScope();
        return await read(scope.ServiceProvider);
    }
}
