using System.Net.Http.Headers;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Tradewind.Contracts.Accounts;
using Tradewind.Contracts.Catalog;

namespace Tradewind.Web.Tests.Infrastructure;

/// <summary>
/// The real web host in memory, on its own fresh database, with a small cast: the operator, two sellers
/// (each with listings) and a buyer, each holding an API key. The outbox dispatcher is off so tests drive it.
/// </summary>
public class TradewindApp : WebApplicationFactory<Program>, IAsyncLifetime
{
    private TestDatabase? _database;

    public TestDatabase Database => _database ?? throw new InvalidOperationException("Not initialized.");

    public Tenant Operator { get; private set; } = null!;

    public Tenant SellerA { get; private set; } = null!;

    public Tenant SellerB { get; private set; } = null!;

    public Tenant Buyer { get; private set; } = null!;

    protected virtual bool SeedDemo => false;

    public async ValueTask InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        using var scope = Services.CreateScope();
        if (!SeedDemo)
        {
            await CreateCastAsync(scope.ServiceProvider);
            await SeedAsync(scope.ServiceProvider);
        }
    }

    /// <summary>More data a test class's own fixture adds after the cast is created.</summary>
    protected virtual Task SeedAsync(IServiceProvider services) => Task.CompletedTask;

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }

    /// <summary>A client that authenticates as <paramref name="tenant"/> with its API key.</summary>
    public HttpClient ClientFor(Tenant tenant)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", tenant.ApiKey);
        return client;
    }

    /// <summary>A client with <paramref name="tenant"/>'s key that does not follow redirects (a redirect would drop the key), for pages.</summary>
    public HttpClient PagesClientFor(Tenant tenant)
    {
        var client = CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", tenant.ApiKey);
        return client;
    }

    public T Query<T>(Func<IServiceProvider, Task<T>> read)
    {
        using var scope = Services.CreateScope();
        return read(scope.ServiceProvider).GetAwaiter().GetResult();
    }

    public async Task<T> WithScopeAsync<T>(Func<IServiceProvider, Task<T>> action)
    {
        await using var scope = Services.CreateAsyncScope();
        return await action(scope.ServiceProvider);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:Provider", Database.Provider.ToString());
        builder.UseSetting("ConnectionStrings:Tradewind", Database.ConnectionString);
        builder.UseSetting("DataDirectory", Database.DataDirectory);
        builder.UseSetting("Demo:Seed", SeedDemo ? "true" : "false");
        builder.UseSetting("Outbox:Enabled", "false");
        builder.UseSetting("Webhooks:Delivery:Enabled", "false");
        builder.UseSetting("Webhooks:AllowLoopbackHttp", "true");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("Billing:Job:Enabled", "false");
        builder.UseSetting("Payments:Dunning:Job:Enabled", "false");
        builder.UseSetting("Payments:Payouts:Job:Enabled", "false");
        builder.UseSetting("Analytics:Revenue:RollupInterval", "00:00:00");
    }

    private async Task CreateCastAsync(IServiceProvider services)
    {
        var accounts = services.GetRequiredService<IAccountsCommands>();
        var catalog = services.GetRequiredService<ICatalogCommands>();
        var ct = TestContext.Current.CancellationToken;
        await catalog.CreateCategoryAsync(new NewCategory("observability", "Observability", "DevOps"), ct);
        await catalog.CreateCategoryAsync(new NewCategory("security", "Security", "Security"), ct);

        Operator = await CreateTenantAsync(accounts, "Test Operator", OrganisationKind.Operator, "US", ct);
        SellerA = await CreateTenantAsync(accounts, "Alpha Software GmbH", OrganisationKind.Seller, "DE", ct);
        SellerB = await CreateTenantAsync(accounts, "Beta Cloud Ltd", OrganisationKind.Seller, "GB", ct);
        Buyer = await CreateTenantAsync(accounts, "Gamma Retail KK", OrganisationKind.Buyer, "JP", ct);

        await catalog.CreateListingAsync(new NewListing(SellerA.Organisation.Id, SellerA.Organisation.Name, "Alpha Logs", "Log search for teams.", "Long.", "observability", Publish: true), ct);
        await catalog.CreateListingAsync(new NewListing(SellerA.Organisation.Id, SellerA.Organisation.Name, "Alpha Draft", "Not yet public.", "Long.", "security", Publish: false), ct);
        await catalog.CreateListingAsync(new NewListing(SellerB.Organisation.Id, SellerB.Organisation.Name, "Beta Shield", "Threat detection.", "Long.", "security", Publish: true), ct);
    }

    private static async Task<Tenant> CreateTenantAsync(IAccountsCommands accounts, string name, OrganisationKind kind, string country, CancellationToken ct)
    {
        var organisation = await accounts.CreateOrganisationAsync(new NewOrganisation(name, kind, country), "test", ct);
        var key = await accounts.IssueApiKeyAsync(organisation.Id, "test key", "test", ct);
        return new Tenant(organisation, key.Secret);
    }
}

public sealed record Tenant(OrganisationDto Organisation, string ApiKey);

/// <summary>The same host with the demo marketplace seeded at start-up.</summary>
public sealed class DemoApp : TradewindApp
{
    protected override bool SeedDemo => true;
}
