using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Tradewind.Contracts.Accounts;
using Tradewind.Contracts.Agreements;
using Tradewind.Contracts.Webhooks;
using static Tradewind.Web.Tests.Infrastructure.CatalogRequests;

namespace Tradewind.Web.Tests.Infrastructure;

/// <summary>
/// The test host for private offers: a fake clock, seller notifications recorded, the lifecycle sweep on demand, a German
/// buyer whose people sign in with <c>delta-handel.de</c>, and the seller's German entity with a verified EUR payout account.
/// </summary>
public sealed class PrivateOffersApp : TradewindApp
{
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero));

    public RecordingWebhookPublisher Webhooks { get; } = new();

    public Tenant GermanBuyer { get; private set; } = null!;

    private Guid? _entityId;

    protected override async Task SeedAsync(IServiceProvider services)
    {
        var accounts = services.GetRequiredService<IAccountsCommands>();
        var organisation = await accounts.CreateOrganisationAsync(new NewOrganisation("Delta Handel GmbH", OrganisationKind.Buyer, "DE"), "test", CancellationToken.None);
        GermanBuyer = new Tenant(organisation, (await accounts.IssueApiKeyAsync(organisation.Id, "test key", "test", CancellationToken.None)).Secret);
        await accounts.CreateUserAsync(new NewUser(organisation.Id, "anna@delta-handel.de", "Anna Schmidt", "Correct-Horse-9-Battery"), "test", CancellationToken.None);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Agreements:SweepInterval", "00:00:00");
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<TimeProvider>(Clock);
            services.AddSingleton<IWebhookPublisher>(Webhooks);
        });
    }

    public DateOnly Today => DateOnly.FromDateTime(Clock.GetUtcNow().UtcDateTime);

    public Task<int> ExpireDueAsync() => WithScopeAsync(sp => sp.GetRequiredService<IPrivateOffersCommands>().ExpireDueAsync(CancellationToken.None));

    /// <summary>Seller A's German entity, with a verified EUR payout account (created once).</summary>
    public async Task<Guid> SellerEntityAsync()
    {
        if (_entityId is { } known)
        {
            return known;
        }

        var seller = ClientFor(SellerA);
        var entityId = (await SellerEntitiesApiTests.CreateAsync(seller, "Alpha Software GmbH", "DE", "DE136695976")).GetProperty("id").GetGuid();
        var added = await seller.PostAsJsonAsync($"/api/v1/seller-entities/{entityId}/bank-accounts",
            new { countryCode = "DE", currencyCode = "EUR", holderName = "ALPHA SOFTWARE GMBH", iban = "DE89370400440532013000" });
        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        var accountId = (await added.ReadJsonAsync()).GetProperty("id").GetGuid();
        var verified = await ClientFor(Operator).PostAsJsonAsync(
            $"/api/v1/seller-entities/{entityId}/bank-accounts/{accountId}/manual-verification", new { note = "Bank letter on file" });
        Assert.Equal(HttpStatusCode.OK, verified.StatusCode);
        _entityId = entityId;
        return entityId;
    }

    /// <summary>A published product of <paramref name="seller"/> with one plan; returns the product and plan ids.</summary>
    public async Task<(string ProductId, string PlanId)> PublishedPlanAsync(Tenant seller, string title, JsonObject plan, Action<JsonObject>? listing = null)
    {
        var client = ClientFor(seller);
        var body = Listing(title);
        listing?.Invoke(body);
        var created = await client.PostAsync("/api/v1/products", Body(body), CancellationToken.None);
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var productId = (await created.ReadJsonAsync()).GetProperty("id").GetString()!;
        var planId = (await client.AddPlanAsync(productId, plan, CancellationToken.None)).GetProperty("id").GetString()!;
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync($"/api/v1/products/{productId}/submit", null, CancellationToken.None)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await ClientFor(Operator).PostAsync($"/api/v1/review/{productId}/approve", null, CancellationToken.None)).StatusCode);
        return (productId, planId);
    }

    public async Task<JsonElement> SubscribeAsync(Tenant buyer, string productId, string planId)
    {
        var response = await ClientFor(buyer).PostAsync("/api/v1/agreements",
            Body(new JsonObject { ["productId"] = productId, ["planId"] = planId, ["acceptedLicenceVersion"] = "2026-11" }), CancellationToken.None);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.ReadJsonAsync()).GetProperty("agreement");
    }

    /// <summary>
    /// A 12-month EUR contract of 1,200.00 in four quarterly installments for <paramref name="buyer"/>, expiring in a week.
    /// </summary>
    public async Task<JsonObject> ContractOfferAsync(string productId, string planId, Tenant? buyer)
    {
        var today = Today;
        return new JsonObject
        {
            ["productId"] = productId,
            ["basePlanId"] = planId,
            ["buyerId"] = buyer?.Organisation.Id.Value.ToString(),
            ["currency"] = "EUR",
            ["sellerEntityId"] = (await SellerEntityAsync()).ToString(),
            ["termMonths"] = 12,
            ["contractPrice"] = "1200.00",
            ["entitlements"] = new JsonArray(new JsonObject { ["dimension"] = "requests", ["quantity"] = 1_000_000 }),
            ["installments"] = new JsonArray(
                Installment(today, "300.00"), Installment(today.AddMonths(3), "300.00"), Installment(today.AddMonths(6), "300.00"), Installment(today.AddMonths(9), "300.00")),
            ["licence"] = "standard",
            ["expiresOn"] = Date(today.AddDays(7)),
            ["noteToBuyer"] = "As discussed on our call.",
        };
    }

    public static JsonObject Installment(DateOnly dueOn, string amount) => new() { ["dueOn"] = Date(dueOn), ["amount"] = amount };

    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public async Task<JsonElement> CreateOfferAsync(JsonObject body)
    {
        var response = await ClientFor(SellerA).PostAsync("/api/v1/private-offers", Body(body), CancellationToken.None);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await response.ReadJsonAsync();
    }

    /// <summary>Creates and publishes an offer; returns its id.</summary>
    public async Task<string> PublishedOfferAsync(JsonObject body)
    {
        var id = (await CreateOfferAsync(body)).GetProperty("id").GetString()!;
        var published = await ClientFor(SellerA).PostAsync($"/api/v1/private-offers/{id}/publish", null, CancellationToken.None);
        Assert.True(published.StatusCode == HttpStatusCode.OK, await published.Content.ReadAsStringAsync());
        return id;
    }

    public static StringContent Json(JsonNode node) => Body(node);

    public static JsonElement Parse(string json) => JsonDocument.Parse(json).RootElement;
}
