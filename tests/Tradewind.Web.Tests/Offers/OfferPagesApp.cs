using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Tradewind.Contracts.Accounts;
using Tradewind.Contracts.Webhooks;
using Tradewind.Primitives.Ids;
using Tradewind.Web.Tests.Infrastructure;
using Tradewind.Web.Tests.Payments;
using static Tradewind.Web.Tests.Infrastructure.CatalogRequests;

namespace Tradewind.Web.Tests.Offers;

/// <summary>
/// The host for the private offer pages: a fake clock, seller A with a verified German entity paid out in EUR, and a
/// German buyer (<see cref="GermanBuyer"/>) beside the cast's Japanese one, so one buyer's offer is another's 404.
/// </summary>
public sealed class OfferPagesApp : TradewindApp
{
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero));

    public Tenant GermanBuyer { get; private set; } = null!;

    public SellerEntityId SellerAEntity { get; private set; }

    protected override async Task SeedAsync(IServiceProvider services)
    {
        var accounts = services.GetRequiredService<IAccountsCommands>();
        var organisation = await accounts.CreateOrganisationAsync(new NewOrganisation("Delta Handel GmbH", OrganisationKind.Buyer, "DE"), "test", CancellationToken.None);
        GermanBuyer = new Tenant(organisation, (await accounts.IssueApiKeyAsync(organisation.Id, "test key", "test", CancellationToken.None)).Secret);
        SellerAEntity = await PayoutsApp.PayoutAccountAsync(accounts, SellerA, "Alpha Software GmbH", "DE", new("Torstraße 49", null, "Berlin", "10119", null, "DE"), "DE136695976",
            new NewBankAccount("DE", "EUR", "Alpha Software GmbH", "DE89 3704 0044 0532 0130 00", null, null, null));
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Agreements:SweepInterval", "00:00:00");
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<TimeProvider>(Clock);
            services.AddSingleton<IWebhookPublisher>(new RecordingWebhookPublisher());
        });
    }

    /// <summary>A published product of seller A with one usage plan; returns the product and plan ids.</summary>
    public async Task<(string ProductId, string PlanId)> PublishedPlanAsync(string title)
    {
        var client = ClientFor(SellerA);
        var created = await client.PostAsync("/api/v1/products", Body(Listing(title)), CancellationToken.None);
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var productId = (await created.ReadJsonAsync()).GetProperty("id").GetString()!;
        var planId = (await client.AddPlanAsync(productId, UsagePlan("Pay as you go", PerUnit("0.01")), CancellationToken.None)).GetProperty("id").GetString()!;
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync($"/api/v1/products/{productId}/submit", null, CancellationToken.None)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await ClientFor(Operator).PostAsync($"/api/v1/review/{productId}/approve", null, CancellationToken.None)).StatusCode);
        return (productId, planId);
    }
}
