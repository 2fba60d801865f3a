using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Tradewind.Contracts.Accounts;
using Tradewind.Contracts.Metering;
using Tradewind.Contracts.Payments;
using Tradewind.Contracts.Webhooks;
using Tradewind.Primitives.Ids;
using Tradewind.Web.Demo;
using static Tradewind.Web.Tests.Infrastructure.CatalogRequests;

namespace Tradewind.Web.Tests.Infrastructure;

/// <summary>
/// The test host for billing: a fake clock the tests move through whole months (from 2 November 2026), the operator's
/// six demo entities with the default routing, and buyers in several countries (the cast's Japanese buyer, a US buyer,
/// a German business with a VAT id, an Indian buyer, and a US buyer invoiced in EUR). Usage is loaded through the
/// import source, which has no time window, so a test can place records anywhere in a month.
/// </summary>
public class BillingApp : TradewindApp
{
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero));

    public RecordingWebhookPublisher Webhooks { get; } = new();

    public static readonly IReadOnlyList<(string Quote, decimal Rate)> Rates = [("USD", 1.10m), ("INR", 92.40m), ("JPY", 165m), ("GBP", 0.85m), ("AUD", 1.65m), ("KRW", 1540m)];

    public Tenant UsBuyer { get; private set; } = null!;

    public Tenant GermanBusiness { get; private set; } = null!;

    public Tenant IndianBuyer { get; private set; } = null!;

    public Tenant EuroBuyer { get; private set; } = null!;

    protected override async Task SeedAsync(IServiceProvider services)
    {
        var accounts = services.GetRequiredService<IAccountsCommands>();
        var ct = CancellationToken.None;
        foreach (var entity in DemoSeeder.OperatorEntities)
        {
            await accounts.CreateOperatorEntityAsync(entity, "test", ct);
        }

        // Operator rates from 1 October 2026: 1 EUR = 1.10 USD, so 1 USD = 0.909090… EUR and 84 INR.
        var rates = services.GetRequiredService<IExchangeRateCommands>();
        foreach (var (quote, rate) in Rates)
        {
            await rates.SetOverrideAsync(new NewRateOverride("EUR", quote, new DateOnly(2026, 10, 1), rate), "test", ct);
        }

        UsBuyer = await BuyerAsync(accounts, "Epsilon Stores Inc.", "US", "US-CA", null, "USD", "en");
        GermanBusiness = await BuyerAsync(accounts, "Zeta Maschinenbau GmbH", "DE", null, "DE136695976", "EUR", "de");
        IndianBuyer = await BuyerAsync(accounts, "Eta Software Pvt Ltd", "IN", "IN-KA", null, "INR", "en");
        EuroBuyer = await BuyerAsync(accounts, "Theta Holdings LLC", "US", "US-NY", null, "EUR", "en");
    }

    private static async Task<Tenant> BuyerAsync(IAccountsCommands accounts, string name, string country, string? subdivision, string? taxId, string currency, string language)
    {
        var organisation = await accounts.CreateOrganisationAsync(new NewOrganisation(name, OrganisationKind.Buyer, country, subdivision), "test", CancellationToken.None);
        await accounts.UpdateBuyerProfileAsync(
            organisation.Id,
            new BuyerProfileInput(new PostalAddress("1 Main Street", null, "Capital", "10000", subdivision, country), taxId, currency, language, "UTC"),
            "test",
            CancellationToken.None);
        return new Tenant(organisation, (await accounts.IssueApiKeyAsync(organisation.Id, "test key", "test", CancellationToken.None)).Secret);
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

    /// <summary>A published product of <paramref name="seller"/> with one plan; returns the product and plan ids.</summary>
    public async Task<(string ProductId, string PlanId)> PublishedPlanAsync(Tenant seller, string title, JsonObject plan)
    {
        var client = ClientFor(seller);
        var created = await client.PostAsync("/api/v1/products", Body(Listing(title)), CancellationToken.None);
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var productId = (await created.ReadJsonAsync()).GetProperty("id").GetString()!;
        var planId = (await client.AddPlanAsync(productId, plan, CancellationToken.None)).GetProperty("id").GetString()!;
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync($"/api/v1/products/{productId}/submit", null, CancellationToken.None)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await ClientFor(Operator).PostAsync($"/api/v1/review/{productId}/approve", null, CancellationToken.None)).StatusCode);
        return (productId, planId);
    }

    /// <summary><paramref name="buyer"/> subscribes to a new product of <paramref name="seller"/> with <paramref name="plan"/>; returns the agreement.</summary>
    public async Task<JsonElement> SubscribeAsync(Tenant seller, Tenant buyer, string title, JsonObject plan)
    {
        var (productId, planId) = await PublishedPlanAsync(seller, title, plan);
        var response = await ClientFor(buyer).PostAsync(
            "/api/v1/agreements", Body(new JsonObject { ["productId"] = productId, ["planId"] = planId, ["acceptedLicenceVersion"] = "2026-11" }), CancellationToken.None);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.ReadJsonAsync()).GetProperty("agreement");
    }

    /// <summary>Loads usage records of one agreement as an operator import (no time window).</summary>
    public async Task MeterAsync(Tenant seller, JsonElement agreement, params (string Dimension, long Quantity, DateTimeOffset At)[] records)
    {
        var agreementId = AgreementId.Parse(agreement.GetProperty("id").GetString()!);
        var result = await WithScopeAsync(sp => sp.GetRequiredService<IUsageIngest>().SubmitAsync(
            new UsageSubmission(seller.Organisation.Id, UsageSource.Import, records.Select(r => new UsageRecordInput(null, agreementId, r.Dimension, r.Quantity, r.At)).ToList(), "test"),
            UsageSubmitOptions.Default,
            CancellationToken.None));
        Assert.True(result.Rejected == 0, string.Join("; ", result.Outcomes.Where(o => o.Status == UsageOutcomeStatus.Rejected).Select(o => o.Code + " " + o.Message)));
    }

    /// <summary>Runs billing through the API as the operator and returns the run.</summary>
    public async Task<JsonElement> BillAsync(DateTimeOffset asOf, bool finalize = true, string? idempotencyKey = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/billing-runs")
        {
            Content = Body(new JsonObject { ["asOf"] = asOf.ToString("O"), ["finalize"] = finalize }),
        };
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        var response = await ClientFor(Operator).SendAsync(request, CancellationToken.None);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await response.ReadJsonAsync();
    }

    /// <summary>The documents of <paramref name="buyer"/> as the operator lists them, fetched in full.</summary>
    public async Task<IReadOnlyList<JsonElement>> InvoicesOfAsync(Tenant buyer, string? kind = null)
    {
        var client = ClientFor(Operator);
        var list = await (await client.GetAsync($"/api/v1/invoices?buyer={buyer.Organisation.Id}&pageSize=100{(kind is null ? "" : "&kind=" + kind)}", CancellationToken.None)).ReadJsonAsync();
        var invoices = new List<JsonElement>();
        foreach (var item in list.GetProperty("items").EnumerateArray())
        {
            invoices.Add(await (await client.GetAsync($"/api/v1/invoices/{item.GetProperty("id").GetString()}", CancellationToken.None)).ReadJsonAsync());
        }

        return invoices;
    }

    /// <summary>Moves the clock to <paramref name="instant"/> (never backwards).</summary>
    public void MoveTo(DateTimeOffset instant)
    {
        if (instant > Clock.GetUtcNow())
        {
            Clock.SetUtcNow(instant);
        }
    }
}
