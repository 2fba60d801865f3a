using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Tradewind.Contracts.Accounts;
using Tradewind.Contracts.Webhooks;
using static Tradewind.Web.Tests.Infrastructure.CatalogRequests;

namespace Tradewind.Web.Tests.Infrastructure;

/// <summary>
/// The test host for metering: a fake clock the tests move, notifications recorded, the customer cache off (so a
/// cancellation or suspension is seen by the next record), and a second buyer to check that buyers see only their own usage.
/// </summary>
public sealed class UsageApp : TradewindApp
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
        builder.UseSetting("Metering:CustomerCacheLifetime", "00:00:00");
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<TimeProvider>(Clock);
            services.AddSingleton<IWebhookPublisher>(Webhooks);
        });
    }

    /// <summary>
    /// A new published usage product of <paramref name="seller"/> (dimensions <c>requests</c> and <c>gigabytes</c>) that
    /// <paramref name="buyer"/> subscribes to; then the clock moves on by <paramref name="advance"/> (default 4 days, more
    /// than the REST window, so any record the window admits falls inside the agreement).
    /// </summary>
    public async Task<Subscription> SubscribeAsync(Tenant seller, Tenant buyer, string title, TimeSpan? advance = null)
    {
        var client = ClientFor(seller);
        var created = await client.PostAsync("/api/v1/products", Body(Listing(title)), CancellationToken.None);
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var productId = (await created.ReadJsonAsync()).GetProperty("id").GetString()!;
        var plan = UsagePlan("Usage", PerUnit("0.01"));
        ((JsonArray)plan["dimensions"]!).Add(Dimension("gigabytes", PerUnit("0.10")));
        var planId = (await client.AddPlanAsync(productId, plan, CancellationToken.None)).GetProperty("id").GetString()!;
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync($"/api/v1/products/{productId}/submit", null, CancellationToken.None)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await ClientFor(Operator).PostAsync($"/api/v1/review/{productId}/approve", null, CancellationToken.None)).StatusCode);
        var subscribe = Body(new JsonObject { ["productId"] = productId, ["planId"] = planId, ["acceptedLicenceVersion"] = "2026-11" });
        var response = await ClientFor(buyer).PostAsync("/api/v1/agreements", subscribe, CancellationToken.None);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var agreement = (await response.ReadJsonAsync()).GetProperty("agreement");
        Clock.Advance(advance ?? TimeSpan.FromDays(4));
        return new Subscription(productId, agreement.GetProperty("id").GetString()!, agreement.GetProperty("customerIdentifier").GetString()!);
    }

    /// <summary>Posts usage records as <paramref name="seller"/> and returns the 200 response body.</summary>
    public async Task<JsonElement> PostUsageAsync(Tenant seller, params JsonObject[] records)
    {
        var response = await ClientFor(seller).PostAsync("/api/v1/usage", Body(new JsonObject { ["records"] = new JsonArray(records) }), CancellationToken.None);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await response.ReadJsonAsync();
    }

    public static JsonObject Record(string customer, long quantity, DateTimeOffset timestamp, string dimension = "requests", string? idempotencyKey = null)
    {
        var record = new JsonObject { ["customerIdentifier"] = customer, ["dimension"] = dimension, ["quantity"] = quantity, ["timestamp"] = timestamp.ToString("O") };
        if (idempotencyKey is not null)
        {
            record["idempotencyKey"] = idempotencyKey;
        }

        return record;
    }
}

public sealed record Subscription(string ProductId, string AgreementId, string CustomerIdentifier);
