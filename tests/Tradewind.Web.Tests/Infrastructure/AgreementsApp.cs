using System.Net;
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
/// The test host with a fake clock the tests move, the lifecycle sweep run on demand, seller notifications recorded, and
/// a second buyer (<see cref="OtherBuyer"/>, in Germany) to check that buyers never see each other's agreements.
/// </summary>
public sealed class AgreementsApp : TradewindApp
{
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero));

    public RecordingWebhookPublisher Webhooks { get; } = new();

    public Tenant OtherBuyer { get; private set; } = null!;

    protected override async Task SeedAsync(IServiceProvider services)
    {
        var accounts = services.GetRequiredService<IAccountsCommands>();
        var organisation = await accounts.CreateOrganisationAsync(new NewOrganisation("Delta Handel GmbH", OrganisationKind.Buyer, "DE"), "test", CancellationToken.None);
        OtherBuyer = new Tenant(organisation, (await accounts.IssueApiKeyAsync(organisation.Id, "test key", "test", CancellationToken.None)).Secret);
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

    public Task<LifecycleSweepResult> SweepAsync() =>
        WithScopeAsync(sp => sp.GetRequiredService<IAgreementsCommands>().SweepAsync(CancellationToken.None));

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

    public static JsonObject TrialPlan(int days = 14)
    {
        var plan = UsagePlan("Usage with trial", PerUnit("0.01"));
        plan["freeTrial"] = new JsonObject { ["days"] = days, ["quotas"] = new JsonArray(new JsonObject { ["dimension"] = "requests", ["quantity"] = 10_000 }) };
        return plan;
    }

    public static StringContent SubscribeBody(string productId, string planId, string licenceVersion = "2026-11") =>
        Body(new JsonObject { ["productId"] = productId, ["planId"] = planId, ["acceptedLicenceVersion"] = licenceVersion });

    public async Task<JsonElement> SubscribeAsync(Tenant buyer, string productId, string planId)
    {
        var response = await ClientFor(buyer).PostAsync("/api/v1/agreements", SubscribeBody(productId, planId), CancellationToken.None);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await response.ReadJsonAsync();
    }
}
