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
        var (productId, agreementId, customer) = await this.SubscribeToUsageProductAsync(seller, buyer, title);
        Clock.Advance(advance ?? TimeSpan.FromDays(4));
        return new Subscription(productId, agreementId, customer);
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
