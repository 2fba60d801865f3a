using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Tradewind.Contracts;
using Tradewind.Contracts.Accounts;
using Tradewind.Contracts.Agreements;
using Tradewind.Contracts.Catalog;
using Tradewind.Primitives.Ids;
using Tradewind.Web.Tests.Infrastructure;

namespace Tradewind.Web.Tests;

public sealed class DemoSeedTests(DemoApp app) : IClassFixture<DemoApp>
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_demo_marketplace_has_sellers_listings_and_buyers_around_the_world()
    {
        var (sellers, buyers, listings, entities) = await app.WithScopeAsync(async s =>
        {
            var accounts = s.GetRequiredService<IAccountsQueries>();
            var all = new PageRequest(1, PageRequest.MaxSize);
            return (
                (await accounts.ListOrganisationsAsync(OrganisationKind.Seller, all, _ct)).Items,
                (await accounts.ListOrganisationsAsync(OrganisationKind.Buyer, all, _ct)).Items,
                await s.GetRequiredService<ICatalogQueries>().CountPublishedAsync(_ct),
                await accounts.ListOperatorEntitiesAsync(_ct));
        });

        Assert.True(sellers.Count >= 12, $"{sellers.Count} sellers");
        Assert.True(sellers.Select(o => o.CountryCode).Distinct().Count() >= 5);
        Assert.True(listings >= 40, $"{listings} listings");
        Assert.True(buyers.Select(o => o.CountryCode).Distinct().Count() >= 10);
        Assert.Contains(entities, e => e.CountryCode == "LU" && e.CurrencyCode == "EUR");
        Assert.Contains(entities, e => e.CountryCode == "JP" && e.CurrencyCode == "JPY");
    }

    [Fact]
    public async Task Demo_sellers_hold_verified_entities_and_accounts_in_several_currencies_and_some_await_review()
    {
        var (entities, pending, currencies) = await app.WithScopeAsync(async s =>
        {
            var accounts = s.GetRequiredService<IAccountsQueries>();
            var all = (await accounts.ListAllSellerEntitiesAsync(null, new PageRequest(1, PageRequest.MaxSize), _ct)).Items;
            var payout = new List<string>();
            foreach (var entity in all.Where(e => e.IsVerified))
            {
                payout.AddRange((await accounts.ListPayoutCurrenciesAsync(entity.Id, null, _ct)).Select(p => p.CurrencyCode));
            }

            return (all, all.Count(e => e.KycStatus == KycStatus.Pending), payout);
        });

        Assert.Contains(entities.Where(e => e.IsVerified).GroupBy(e => e.SellerId), g => g.Select(e => e.CountryCode).Distinct().Count() >= 2);
        Assert.True(pending >= 2, $"{pending} entities awaiting review");
        Assert.Superset(new HashSet<string>(["USD", "EUR", "GBP", "JPY", "AUD", "INR"], StringComparer.Ordinal), currencies.ToHashSet(StringComparer.Ordinal));
        var issuing = await app.WithScopeAsync(s => s.GetRequiredService<IAccountsQueries>().ResolveIssuingEntityAsync("FR", "DE", _ct));
        Assert.Equal("EU", issuing.Code);
    }

    [Fact]
    public async Task Demo_credentials_are_written_and_the_operator_key_in_them_works()
    {
        var path = Path.Combine(app.Database.DataDirectory, "demo-credentials.json");
        using var credentials = JsonDocument.Parse(await File.ReadAllTextAsync(path, _ct));
        var root = credentials.RootElement;
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", root.GetProperty("operatorApiKey").GetString());

        var me = await (await client.GetAsync("/api/v1/me", _ct)).ReadJsonAsync();

        Assert.Equal("operator", me.GetProperty("role").GetString());
        foreach (var role in Roles.All)
        {
            Assert.EndsWith("@demo.tradewind.example", root.GetProperty("logins").GetProperty(role).GetProperty("email").GetString(), StringComparison.Ordinal);
        }

        Assert.False(string.IsNullOrEmpty(root.GetProperty("baseUrl").GetString()));
    }

    [Fact]
    public async Task The_seller_demo_key_lists_only_its_own_products()
    {
        var path = Path.Combine(app.Database.DataDirectory, "demo-credentials.json");
        using var credentials = JsonDocument.Parse(await File.ReadAllTextAsync(path, _ct));
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", credentials.RootElement.GetProperty("apiKeys").GetProperty("seller").GetString());

        var response = await client.GetAsync("/api/v1/products", _ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ReadJsonAsync();
        Assert.Equal(3, page.GetProperty("totalCount").GetInt32());
    }

    [Fact]
    public async Task The_demo_credentials_hold_an_active_aws_access_key_of_the_demo_seller()
    {
        var path = Path.Combine(app.Database.DataDirectory, "demo-credentials.json");
        using var credentials = JsonDocument.Parse(await File.ReadAllTextAsync(path, _ct));
        var accessKeyId = credentials.RootElement.GetProperty("accessKeyId").GetString()!;
        var secret = credentials.RootElement.GetProperty("secretAccessKey").GetString();

        var credential = await app.WithScopeAsync(s => s.GetRequiredService<IAccountsQueries>().FindAwsSigningCredentialAsync(accessKeyId, _ct));

        Assert.NotNull(credential);
        Assert.Equal(secret, credential.SecretAccessKey);
        Assert.Equal(credentials.RootElement.GetProperty("logins").GetProperty("seller").GetProperty("organisation").GetString(), credential.OrganisationName);
    }

    [Fact]
    public async Task The_demo_credentials_hold_an_aws_sdk_example_whose_fresh_registration_token_resolves_after_every_start()
    {
        var path = Path.Combine(app.Database.DataDirectory, "demo-credentials.json");
        using var first = JsonDocument.Parse(await File.ReadAllTextAsync(path, _ct));
        var example = first.RootElement;
        foreach (var field in new[] { "productCode", "dimension", "customerIdentifier", "agreementId", "registrationToken" })
        {
            Assert.False(string.IsNullOrEmpty(example.GetProperty(field).GetString()), field);
        }

        // What a restart in demo mode does: the demo data is there, so only the example's token is renewed.
        await app.WithScopeAsync(async s =>
        {
            await s.GetRequiredService<Demo.DemoSeeder>().SeedIfRequestedAsync([], _ct);
            return 0;
        });
        using var second = JsonDocument.Parse(await File.ReadAllTextAsync(path, _ct));
        var restarted = second.RootElement;
        var token = restarted.GetProperty("registrationToken").GetString()!;
        var seller = await app.WithScopeAsync(s => s.GetRequiredService<IAccountsQueries>().FindAwsSigningCredentialAsync(restarted.GetProperty("accessKeyId").GetString()!, _ct));
        var caller = new AgreementsCaller(seller!.OrganisationId, Roles.Seller, "test");
        var resolved = await app.WithScopeAsync(s => s.GetRequiredService<IAgreementsCommands>().ResolveCustomerAsync(token, caller, _ct));
        var agreement = await app.WithScopeAsync(s => s.GetRequiredService<IAgreementsQueries>().FindAsync(AgreementId.Parse(restarted.GetProperty("agreementId").GetString()!), caller, _ct));

        Assert.NotEqual(example.GetProperty("registrationToken").GetString(), token);
        Assert.Equal(example.GetProperty("secretAccessKey").GetString(), restarted.GetProperty("secretAccessKey").GetString());
        Assert.Equal(example.GetProperty("operatorApiKey").GetString(), restarted.GetProperty("operatorApiKey").GetString());
        Assert.Equal(restarted.GetProperty("customerIdentifier").GetString(), resolved.CustomerIdentifier);
        Assert.Equal(restarted.GetProperty("productCode").GetString(), resolved.ProductCode);
        Assert.NotNull(agreement);
        Assert.Contains(agreement.Status, new[] { AgreementStatus.Active, AgreementStatus.Trial, AgreementStatus.CancelPending });
        Assert.Contains(agreement.Terms.Dimensions!, d => d.Key == restarted.GetProperty("dimension").GetString() && d.Price is not null);
    }

    [Fact]
    public async Task Seeding_again_on_a_database_that_has_data_adds_nothing()
    {
        var count = () => app.WithScopeAsync(async s =>
            (await s.GetRequiredService<IAccountsQueries>().ListOrganisationsAsync(null, new PageRequest(1, 1), _ct)).TotalCount);
        var before = await count();

        await app.WithScopeAsync(async s =>
        {
            await s.GetRequiredService<Demo.DemoSeeder>().SeedIfRequestedAsync([], _ct);
            return 0;
        });

        Assert.Equal(before, await count());
    }
}

public sealed class DemoCatalogSeedTests(DemoApp app) : IClassFixture<DemoApp>
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task Every_demo_listing_is_complete_with_a_published_plan_and_every_pricing_kind_appears()
    {
        var (listings, queue) = await app.WithScopeAsync(async s =>
        {
            var catalog = s.GetRequiredService<ICatalogQueries>();
            var page = await catalog.ListPublishedAsync(null, new PageRequest(1, PageRequest.MaxSize), _ct);
            var details = new List<ListingDto>();
            foreach (var item in page.Items)
            {
                details.Add((await catalog.FindPublishedBySlugAsync(item.Slug, _ct))!);
            }

            return (details, await catalog.ListReviewQueueAsync(new PageRequest(1, 50), _ct));
        });

        Assert.All(listings, l =>
        {
            Assert.NotEmpty(l.Plans);
            Assert.NotEmpty(l.Categories);
            Assert.NotNull(l.LogoMediaId);
            Assert.StartsWith("https://", l.FulfilmentUrl, StringComparison.Ordinal);
        });
        var models = listings.SelectMany(l => l.Plans).SelectMany(p => p.Terms.Dimensions ?? []).Where(d => d.Price is not null).Select(d => d.Price!.Model).ToHashSet();
        Assert.Equal(Enum.GetValues<PriceModelKind>().ToHashSet(), models);
        Assert.Equal(PricingModels.All.ToHashSet(), listings.SelectMany(l => l.Pricing.Models).ToHashSet());
        var contracts = listings.SelectMany(l => l.Plans).Select(p => p.Terms.Contract).OfType<ContractTerms>().ToList();
        Assert.Equal([12, 24, 36], contracts.Select(c => c.TermMonths).Distinct().Order());
        Assert.Contains(contracts, c => c.Installments == 1);
        Assert.Contains(contracts, c => c.Installments > 1);
        Assert.Contains(contracts, c => c.Overage);
        Assert.InRange(queue.TotalCount, 2, 3);
        Assert.Contains(listings, l => l.Status == ListingStatus.Rejected);
    }
}
