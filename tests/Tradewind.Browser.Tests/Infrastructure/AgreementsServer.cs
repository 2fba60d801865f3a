using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Playwright;
using Tradewind.Contracts.Accounts;
using Tradewind.Contracts.Agreements;
using Tradewind.Contracts.Catalog;
using Tradewind.Contracts.Webhooks;
using Tradewind.Primitives.Ids;
using Tradewind.Web.Tests.Infrastructure;

namespace Tradewind.Browser.Tests.Infrastructure;

/// <summary>
/// Tradewind on a free loopback port with a fake clock the tests move and the lifecycle sweep run on demand, plus a small
/// seller application on another port: its <c>/signup</c> receives the buyer's form post, resolves the registration
/// token through Tradewind's API with the seller's key, and shows whom it resolved. The seller publishes one product
/// (a 3-day trial plan) whose fulfilment URL is that application.
/// </summary>
public sealed class AgreementsServer : IAsyncLifetime
{
    private const string ChromiumPath = "/usr/bin/chromium";

    private TestDatabase? _database;
    private WebApplicationFactory<Program>? _factory;
    private WebApplication? _sellerApp;
    private IPlaywright? _playwright;

    public FakeTimeProvider Clock { get; } = new(TimeProvider.System.GetUtcNow());

    public Uri BaseAddress { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    public string ProductSlug { get; private set; } = "";

    public string ProductTitle { get; } = "Skyhook Tickets";

    /// <summary>The notifications the seller application received, with whether their signature verified.</summary>
    public ConcurrentQueue<(string Type, JsonElement Body, bool Verified)> Notifications { get; } = new();

    private string _webhookSecret = "";

    /// <summary>What the seller application resolved, by registration token.</summary>
    public ConcurrentDictionary<string, JsonElement> Resolved { get; } = new(StringComparer.Ordinal);

    public async ValueTask InitializeAsync()
    {
        var database = _database = await TestDatabase.CreateAsync();
        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(host =>
        {
            host.UseEnvironment("Development");
            host.UseSetting("DataDirectory", database.DataDirectory);
            host.UseSetting("Demo:Seed", "false");
            host.UseSetting("Database:Provider", database.Provider.ToString());
            host.UseSetting("ConnectionStrings:Tradewind", database.ConnectionString);
            host.UseSetting("Agreements:SweepInterval", "00:00:00");
            host.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
        });
        _factory.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        _factory.StartServer();
        BaseAddress = new Uri(_factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());

        var (sellerId, sellerKey) = await CreateSellerAsync();
        var sellerAppUrl = await StartSellerAppAsync(sellerKey);
        ProductSlug = await PublishProductAsync(sellerKey, new Uri(sellerAppUrl, "/signup"));
        await using (var scope = _factory.Services.CreateAsyncScope())
        {
            var endpoint = await scope.ServiceProvider.GetRequiredService<IWebhookCommands>().CreateEndpointAsync(
                sellerId, new NewWebhookEndpoint(new Uri(sellerAppUrl, "/webhooks").ToString(), "Skyhook provisioning", WebhookMessageTypes.All), "test", CancellationToken.None);
            _webhookSecret = endpoint.Secret;
        }

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        });
    }

    public async Task<IPage> NewPageAsync()
    {
        var context = await Browser.NewContextAsync(new() { BaseURL = BaseAddress.ToString(), Locale = "en-US" });
        return await context.NewPageAsync();
    }

    public async Task<LifecycleSweepResult> SweepAsync()
    {
        await using var scope = _factory!.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IAgreementsCommands>().SweepAsync(CancellationToken.None);
    }

    /// <summary>Signs a new buyer up through the sign-up page and returns the signed-in page.</summary>
    public async Task<IPage> SignUpAsync(string organisation, string email, string? returnUrl = null)
    {
        var page = await NewPageAsync();
        await page.GotoAsync(returnUrl is null ? "/signup" : $"/signup?returnUrl={Uri.EscapeDataString(returnUrl)}");
        await FillSignUpAsync(page, organisation, email);
        return page;
    }

    public static async Task FillSignUpAsync(IPage page, string organisation, string email)
    {
        await page.GetByLabel("Organisation name").FillAsync(organisation);
        await page.GetByLabel("Country (ISO code, e.g. DE)").FillAsync("JP");
        await page.GetByLabel("Address", new() { Exact = true }).FillAsync("1-1 Marunouchi");
        await page.GetByLabel("City").FillAsync("Tokyo");
        await page.GetByLabel("Invoice currency").FillAsync("JPY");
        await page.GetByLabel("Time zone").FillAsync("Asia/Tokyo");
        await page.GetByLabel("Your name").FillAsync("Haruka Sato");
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password (at least 10 characters)").FillAsync("Correct-horse-battery-7");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create account" }).ClickAsync();
    }

    /// <summary>
    /// Moves the fake clock in small steps (the delivery job waits on it between passes) until the seller application
    /// has received a notification matching <paramref name="match"/>.
    /// </summary>
    public async Task<(string Type, JsonElement Body, bool Verified)> WaitForNotificationAsync(Func<(string Type, JsonElement Body, bool Verified), bool> match)
    {
        for (var i = 0; i < 200; i++)
        {
            if (Notifications.FirstOrDefault(match) is { Type: not null } found)
            {
                return found;
            }

            Clock.Advance(TimeSpan.FromSeconds(6));
            await Task.Delay(50);
        }

        throw new TimeoutException("The seller application received no matching notification.");
    }

    private async Task<(OrganisationId Seller, string Key)> CreateSellerAsync()
    {
        await using var scope = _factory!.Services.CreateAsyncScope();
        var accounts = scope.ServiceProvider.GetRequiredService<IAccountsCommands>();
        var catalog = scope.ServiceProvider.GetRequiredService<ICatalogCommands>();
        await accounts.CreateOrganisationAsync(new NewOrganisation("Test Operator", OrganisationKind.Operator, "US"), "test", CancellationToken.None);
        await catalog.CreateCategoryAsync(new NewCategory("support", "Support", "Customer service"), CancellationToken.None);
        var seller = await accounts.CreateOrganisationAsync(new NewOrganisation("Skyhook Software Ltd", OrganisationKind.Seller, "GB"), "test", CancellationToken.None);
        return (seller.Id, (await accounts.IssueApiKeyAsync(seller.Id, "fulfilment", "test", CancellationToken.None)).Secret);
    }

    private async Task<string> PublishProductAsync(string sellerKey, Uri fulfilmentUrl)
    {
        using var seller = Client(sellerKey);
        var listing = new JsonObject
        {
            ["title"] = ProductTitle,
            ["shortDescription"] = "Help desk for small teams.",
            ["longDescription"] = "Tickets, macros and reports.",
            ["highlights"] = new JsonArray("Shared inbox"),
            ["categories"] = new JsonArray("support"),
            ["support"] = new JsonObject { ["email"] = "help@skyhook.example" },
            ["fulfilmentUrl"] = fulfilmentUrl.ToString().Replace("127.0.0.1", "localhost", StringComparison.Ordinal),
            ["licence"] = new JsonObject { ["kind"] = "standard" },
        };
        var product = await ReadAsync(await seller.PostAsync("/api/v1/products", Json(listing)));
        var id = product.GetProperty("id").GetString()!;
        var plan = new JsonObject
        {
            ["name"] = "Team",
            ["freeTrial"] = new JsonObject { ["days"] = 3 },
            ["dimensions"] = new JsonArray(new JsonObject { ["key"] = "agents", ["name"] = "Agents", ["unit"] = "agent", ["price"] = new JsonObject { ["model"] = "perUnit", ["unitPrice"] = "15.00" } }),
        };
        await ReadAsync(await seller.PostAsync($"/api/v1/products/{id}/plans", Json(plan)));
        await ReadAsync(await seller.PostAsync($"/api/v1/products/{id}/submit", null));

        await using var scope = _factory!.Services.CreateAsyncScope();
        var catalog = scope.ServiceProvider.GetRequiredService<ICatalogCommands>();
        var queries = scope.ServiceProvider.GetRequiredService<IAccountsQueries>();
        var operatorOrg = (await queries.ListOrganisationsAsync(OrganisationKind.Operator, new(1, 1), CancellationToken.None)).Items[0];
        await catalog.ApproveAsync(ProductId.Parse(id), new CatalogCaller(operatorOrg.Id, IsOperator: true, "test"), CancellationToken.None);
        return product.GetProperty("slug").GetString()!;
    }

    /// <summary>The seller's application: it trusts nothing from the browser but the token, and resolves it server-side.</summary>
    private async Task<Uri> StartSellerAppAsync(string sellerKey)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var app = _sellerApp = builder.Build();
        app.MapPost("/signup", async (HttpContext context) =>
        {
            var form = await context.Request.ReadFormAsync();
            var token = form["x-amzn-marketplace-token"].ToString();
            using var tradewind = Client(sellerKey);
            var response = await tradewind.PostAsync("/api/v1/fulfilment/resolve", Json(new JsonObject { ["registrationToken"] = token }));
            if (response.StatusCode != HttpStatusCode.OK)
            {
                return Results.Content($"<h1>Registration failed</h1><p>{(int)response.StatusCode}</p>", "text/html");
            }

            var customer = await ReadAsync(response);
            Resolved[token] = customer;
            var offerType = form["x-amzn-marketplace-offer-type"].ToString();
            return Results.Content(
                $"<!doctype html><title>Skyhook setup</title><h1>Welcome to Skyhook, {WebUtility.HtmlEncode(customer.GetProperty("buyerName").GetString())}</h1>"
                + $"<p id=\"customer\">{WebUtility.HtmlEncode(customer.GetProperty("customerIdentifier").GetString())}</p><p id=\"offer-type\">{WebUtility.HtmlEncode(offerType)}</p>",
                "text/html");
        });
        app.MapPost("/webhooks", async (HttpContext context) =>
        {
            using var buffer = new MemoryStream();
            await context.Request.Body.CopyToAsync(buffer);
            var body = buffer.ToArray();
            var verified = WebhookSignature.Verify(_webhookSecret, context.Request.Headers[WebhookSignature.SignatureHeader], body, Clock.GetUtcNow(), WebhookSignature.DefaultTolerance);
            Notifications.Enqueue((context.Request.Headers[WebhookSignature.TypeHeader].ToString(), JsonDocument.Parse(body).RootElement.Clone(), verified));
            return verified ? Results.NoContent() : Results.Unauthorized();
        });
        await app.StartAsync();
        return new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
    }

    private HttpClient Client(string apiKey)
    {
        var client = new HttpClient { BaseAddress = BaseAddress };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        return client;
    }

    private static StringContent Json(JsonNode node) => new(node.ToJsonString(), Encoding.UTF8, "application/json");

    private static async Task<JsonElement> ReadAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, text);
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
        if (_sellerApp is not null)
        {
            await _sellerApp.DisposeAsync();
        }

        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }

        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }
}
