using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Tradewind.Contracts.Accounts;
using Tradewind.Contracts.Webhooks;
using Tradewind.Persistence;
using Tradewind.Web.Tests.Infrastructure;

namespace Tradewind.Web.Tests;

/// <summary>
/// Webhooks end to end over real HTTP: the API creates endpoints, a publisher enqueues as the agreements module will,
/// delivery passes run on demand under a fake clock, and a Kestrel receiver on a free port verifies every signature.
/// </summary>
public sealed class WebhooksApiTests(WebhooksApiTests.WebhooksApp app) : IClassFixture<WebhooksApiTests.WebhooksApp>
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_notification_is_signed_retried_with_back_off_and_delivered_at_least_once_under_one_id()
    {
        var inbox = app.Receiver.Open("retries", failFirst: 2);
        var endpoint = await CreateEndpointAsync(inbox, [WebhookMessageTypes.SubscribeSuccess]);

        await PublishAsync(WebhookMessageTypes.SubscribeSuccess, new JsonObject
        {
            ["action"] = "subscribe-success",
            ["customer-identifier"] = "c-123",
            ["product-code"] = "p-456",
            ["isFreeTrialTermPresent"] = "false",
        });
        await PublishAsync(WebhookMessageTypes.EntitlementUpdated, new JsonObject { ["action"] = "entitlement-updated" });

        // Other tests' deliveries may be due in the same passes, so this counts what this receiver saw.
        await app.DispatchAsync();
        await app.DispatchAsync();
        Assert.Single(inbox.Received);
        app.Clock.Advance(TimeSpan.FromSeconds(37)); // 30 s + 20 % jitter at most
        await app.DispatchAsync();
        Assert.Equal(2, inbox.Received.Count);
        app.Clock.Advance(TimeSpan.FromSeconds(90)); // less than 2 min − 20 %
        await app.DispatchAsync();
        Assert.Equal(2, inbox.Received.Count);
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        await app.DispatchAsync();
        app.Clock.Advance(TimeSpan.FromDays(1));
        await app.DispatchAsync();

        Assert.Equal(3, inbox.Received.Count);
        Assert.All(inbox.Received, r => Assert.Equal([endpoint.Secret], r.VerifiedWith));
        Assert.Single(inbox.Received.Select(r => r.Id).Distinct());
        Assert.Single(inbox.Received.Select(r => r.Body).Distinct());
        Assert.All(inbox.Received, r => Assert.Equal("subscribe-success", r.Type));
        Assert.All(inbox.Received, r => Assert.Equal("application/json", r.ContentType));
        var body = JsonDocument.Parse(inbox.Received[0].Body).RootElement;
        Assert.Equal(inbox.Received[0].Id, body.GetProperty("id").GetString());
        Assert.Equal("subscribe-success", body.GetProperty("type").GetString());
        Assert.Equal("c-123", body.GetProperty("data").GetProperty("customer-identifier").GetString());
        Assert.Equal("false", body.GetProperty("data").GetProperty("isFreeTrialTermPresent").GetString());

        var seller = app.ClientFor(app.SellerA);
        var detail = await (await seller.GetAsync($"/api/v1/webhook-deliveries/{inbox.Received[0].Id}", _ct)).ReadJsonAsync();
        Assert.Equal("succeeded", detail.GetProperty("delivery").GetProperty("status").GetString());
        Assert.Equal(3, detail.GetProperty("delivery").GetProperty("attemptCount").GetInt32());
        Assert.Equal(inbox.Received[0].Body, detail.GetProperty("body").GetString());
        var attempts = detail.GetProperty("attempts").EnumerateArray().ToList();
        Assert.Equal([3, 2, 1], attempts.Select(a => a.GetProperty("number").GetInt32()));
        Assert.Equal([200, 500, 500], attempts.Select(a => a.GetProperty("statusCode").GetInt32()));
        Assert.Equal("temporarily down", attempts[2].GetProperty("responseExcerpt").GetString());
        Assert.Equal("ok", attempts[0].GetProperty("responseExcerpt").GetString());

        var list = await (await seller.GetAsync($"/api/v1/webhook-deliveries?endpointId={endpoint.Id}", _ct)).ReadJsonAsync();
        Assert.Equal(1, list.GetProperty("totalCount").GetInt32());
    }

    [Fact]
    public async Task Redelivery_sends_the_same_delivery_again_now_and_logs_who_asked()
    {
        var inbox = app.Receiver.Open("redeliver");
        await CreateEndpointAsync(inbox, null);
        await PublishAsync(WebhookMessageTypes.UnsubscribePending, new JsonObject { ["action"] = "unsubscribe-pending" });
        await app.DispatchAsync();
        var first = Assert.Single(inbox.Received);

        var response = await app.ClientFor(app.SellerA).PostAsync($"/api/v1/webhook-deliveries/{first.Id}/redeliver", null, _ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var detail = await response.ReadJsonAsync();
        Assert.Equal(2, detail.GetProperty("attempts").GetArrayLength());
        Assert.False(string.IsNullOrEmpty(detail.GetProperty("attempts")[0].GetProperty("triggeredBy").GetString()));
        Assert.Equal(JsonValueKind.Null, detail.GetProperty("attempts")[1].GetProperty("triggeredBy").ValueKind);
        Assert.Equal(2, inbox.Received.Count);
        Assert.Equal(first.Id, inbox.Received[1].Id);
        Assert.Equal(first.Body, inbox.Received[1].Body);
    }

    [Fact]
    public async Task A_delivery_that_never_succeeds_fails_after_the_last_scheduled_attempt()
    {
        var inbox = app.Receiver.Open("down", failFirst: 1000);
        await CreateEndpointAsync(inbox, [WebhookMessageTypes.SubscribeFail]);
        await PublishAsync(WebhookMessageTypes.SubscribeFail, new JsonObject { ["action"] = "subscribe-fail" });

        for (var i = 0; i < 20; i++)
        {
            await app.DispatchAsync();
            app.Clock.Advance(TimeSpan.FromHours(15));
        }

        // The default schedule: twelve attempts, no delay longer than twelve hours.
        Assert.Equal(12, inbox.Received.Count);
        var list = await (await app.ClientFor(app.SellerA).GetAsync($"/api/v1/webhook-deliveries?type=subscribe-fail&status=failed", _ct)).ReadJsonAsync();
        var delivery = Assert.Single(list.GetProperty("items").EnumerateArray());
        Assert.Equal(JsonValueKind.Null, delivery.GetProperty("nextAttemptAt").ValueKind);
        Assert.Equal(500, delivery.GetProperty("lastStatusCode").GetInt32());
    }

    [Fact]
    public async Task A_rotated_secret_overlaps_then_only_the_new_secret_signs()
    {
        var inbox = app.Receiver.Open("rotation");
        var endpoint = await CreateEndpointAsync(inbox, null);
        var seller = app.ClientFor(app.SellerA);

        var rotated = await seller.PostAsync($"/api/v1/webhook-endpoints/{endpoint.Id}/rotate-secret", CatalogRequests.Body(new JsonObject { ["overlapHours"] = 2 }), _ct);
        Assert.Equal(HttpStatusCode.OK, rotated.StatusCode);
        var newSecret = (await rotated.ReadJsonAsync()).GetProperty("secret").GetString()!;
        Assert.NotEqual(endpoint.Secret, newSecret);
        inbox.Secrets.Add(newSecret);

        var ping = await (await seller.PostAsync($"/api/v1/webhook-endpoints/{endpoint.Id}/test", null, _ct)).ReadJsonAsync();
        Assert.Equal("succeeded", ping.GetProperty("delivery").GetProperty("status").GetString());
        Assert.Equal(2, inbox.Received[^1].Signature.Split(",v1=").Length - 1);
        Assert.Equal([endpoint.Secret, newSecret], inbox.Received[^1].VerifiedWith);

        app.Clock.Advance(TimeSpan.FromHours(3));
        await seller.PostAsync($"/api/v1/webhook-endpoints/{endpoint.Id}/test", null, _ct);
        Assert.Equal([newSecret], inbox.Received[^1].VerifiedWith);
        Assert.Equal("ping", inbox.Received[^1].Type);
    }

    [Fact]
    public async Task A_failing_test_event_is_tried_once_and_reported()
    {
        var inbox = app.Receiver.Open("ping-fails", failFirst: 5);
        var endpoint = await CreateEndpointAsync(inbox, null);

        var ping = await (await app.ClientFor(app.SellerA).PostAsync($"/api/v1/webhook-endpoints/{endpoint.Id}/test", null, _ct)).ReadJsonAsync();
        app.Clock.Advance(TimeSpan.FromHours(1));
        await app.DispatchAsync();

        Assert.Equal("failed", ping.GetProperty("delivery").GetProperty("status").GetString());
        Assert.Equal(500, ping.GetProperty("attempts")[0].GetProperty("statusCode").GetInt32());
        Assert.Single(inbox.Received);
    }

    [Fact]
    public async Task A_disabled_endpoint_gets_no_new_deliveries_and_its_pending_ones_wait()
    {
        var inbox = app.Receiver.Open("disabled");
        var endpoint = await CreateEndpointAsync(inbox, null);
        var seller = app.ClientFor(app.SellerA);
        await PublishAsync(WebhookMessageTypes.FreeTrialStarted, new JsonObject { ["action"] = "free-trial-started" });

        var disabled = await seller.PutAsync($"/api/v1/webhook-endpoints/{endpoint.Id}", CatalogRequests.Body(new JsonObject
        {
            ["url"] = inbox.Url.ToString(),
            ["enabled"] = false,
        }), _ct);
        Assert.Equal(HttpStatusCode.OK, disabled.StatusCode);
        await PublishAsync(WebhookMessageTypes.FreeTrialConverted, new JsonObject { ["action"] = "free-trial-converted" });
        await app.DispatchAsync();
        Assert.Empty(inbox.Received);

        await seller.PutAsync($"/api/v1/webhook-endpoints/{endpoint.Id}", CatalogRequests.Body(new JsonObject { ["url"] = inbox.Url.ToString(), ["enabled"] = true }), _ct);
        await app.DispatchAsync();

        var received = Assert.Single(inbox.Received);
        Assert.Equal("free-trial-started", received.Type);
    }

    [Theory]
    [InlineData("http://example.com/hooks", "url")]
    [InlineData("https://user:pw@example.com/hooks", "url")]
    [InlineData("https://example.com/hooks#x", "url")]
    [InlineData("https://10.0.0.8/hooks", "url")]
    [InlineData("gopher://example.com/hooks", "url")]
    public async Task Bad_urls_are_refused_with_a_field_error_and_nothing_is_created(string url, string field)
    {
        var seller = app.ClientFor(app.SellerB);
        var before = (await (await seller.GetAsync("/api/v1/webhook-endpoints", _ct)).ReadJsonAsync()).GetProperty("totalCount").GetInt32();

        var response = await seller.PostAsync("/api/v1/webhook-endpoints", CatalogRequests.Body(new JsonObject { ["url"] = url }), _ct);

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, "validation-failed");
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _));
        var after = (await (await seller.GetAsync("/api/v1/webhook-endpoints", _ct)).ReadJsonAsync()).GetProperty("totalCount").GetInt32();
        Assert.Equal(before, after);
    }

    [Fact]
    public async Task Unknown_message_types_are_refused()
    {
        var response = await app.ClientFor(app.SellerB).PostAsync("/api/v1/webhook-endpoints", CatalogRequests.Body(new JsonObject
        {
            ["url"] = "https://example.com/hooks",
            ["messageTypes"] = new JsonArray("subscribe-success", "order-shipped"),
        }), _ct);

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, "validation-failed");
        Assert.Contains("order-shipped", problem.GetProperty("errors").GetProperty("messageTypes")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_seller_has_at_most_ten_endpoints()
    {
        var limited = await app.CreateSellerAsync("Limit Software AB");
        var client = app.ClientFor(limited);
        for (var i = 0; i < 10; i++)
        {
            var created = await client.PostAsync("/api/v1/webhook-endpoints", CatalogRequests.Body(new JsonObject { ["url"] = $"https://example.com/hooks/{i}" }), _ct);
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        }

        var eleventh = await client.PostAsync("/api/v1/webhook-endpoints", CatalogRequests.Body(new JsonObject { ["url"] = "https://example.com/hooks/10" }), _ct);

        await eleventh.AssertProblemAsync(HttpStatusCode.Conflict, "webhook-endpoint-limit");
    }

    [Fact]
    public async Task Sellers_see_only_their_own_endpoints_and_deliveries_and_the_operator_only_reads()
    {
        var inbox = app.Receiver.Open("isolation");
        var endpoint = await CreateEndpointAsync(inbox, null);
        await PublishAsync(WebhookMessageTypes.UnsubscribeSuccess, new JsonObject { ["action"] = "unsubscribe-success" });
        await app.DispatchAsync();
        var deliveryId = Assert.Single(inbox.Received).Id;
        var other = app.ClientFor(app.SellerB);
        var op = app.ClientFor(app.Operator);

        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/v1/webhook-endpoints/{endpoint.Id}", _ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/v1/webhook-deliveries/{deliveryId}", _ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.PostAsync($"/api/v1/webhook-deliveries/{deliveryId}/redeliver", null, _ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.PostAsync($"/api/v1/webhook-endpoints/{endpoint.Id}/rotate-secret", null, _ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.DeleteAsync($"/api/v1/webhook-endpoints/{endpoint.Id}", _ct)).StatusCode);
        var othersList = await (await other.GetAsync("/api/v1/webhook-deliveries?pageSize=200", _ct)).ReadJsonAsync();
        Assert.DoesNotContain(othersList.GetProperty("items").EnumerateArray(), d => d.GetProperty("id").GetString() == deliveryId);

        Assert.Equal(HttpStatusCode.OK, (await op.GetAsync($"/api/v1/webhook-deliveries/{deliveryId}", _ct)).StatusCode);
        var all = await (await op.GetAsync("/api/v1/webhook-endpoints?pageSize=200", _ct)).ReadJsonAsync();
        Assert.Contains(all.GetProperty("items").EnumerateArray(), e => e.GetProperty("id").GetString() == endpoint.Id);
        Assert.Equal(HttpStatusCode.Forbidden, (await op.PostAsync($"/api/v1/webhook-deliveries/{deliveryId}/redeliver", null, _ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await op.PostAsync("/api/v1/webhook-endpoints", CatalogRequests.Body(new JsonObject { ["url"] = "https://example.com/x" }), _ct)).StatusCode);

        var buyer = app.ClientFor(app.Buyer);
        Assert.Equal(HttpStatusCode.Forbidden, (await buyer.GetAsync("/api/v1/webhook-endpoints", _ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await buyer.GetAsync("/api/v1/webhook-deliveries", _ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.CreateClient().GetAsync("/api/v1/webhook-endpoints", _ct)).StatusCode);
    }

    [Fact]
    public async Task The_secret_is_stored_encrypted_and_every_change_is_audited()
    {
        var inbox = app.Receiver.Open("stored");
        var endpoint = await CreateEndpointAsync(inbox, null);
        var seller = app.ClientFor(app.SellerA);
        await seller.PostAsync($"/api/v1/webhook-endpoints/{endpoint.Id}/rotate-secret", null, _ct);
        Assert.Equal(HttpStatusCode.NoContent, (await seller.DeleteAsync($"/api/v1/webhook-endpoints/{endpoint.Id}", _ct)).StatusCode);

        var rows = await app.ReadAsync("webhooks_endpoints");
        Assert.DoesNotContain(rows, r => r.Values.Any(v => v.Contains(endpoint.Secret, StringComparison.Ordinal)));
        var audit = (await app.ReadAsync("platform_audit_trail")).Where(r => r["subject"] == $"webhook-endpoint:{endpoint.Id}").Select(r => r["action"]).ToList();
        Assert.Equal(["webhook-endpoint.created", "webhook-endpoint.deleted", "webhook-endpoint.secret-rotated"], audit.Order(StringComparer.Ordinal));
        Assert.Equal(HttpStatusCode.NotFound, (await seller.GetAsync($"/api/v1/webhook-endpoints/{endpoint.Id}", _ct)).StatusCode);
    }

    private async Task<(string Id, string Secret)> CreateEndpointAsync(WebhookReceiver.Inbox inbox, string[]? types)
    {
        var request = new JsonObject { ["url"] = inbox.Url.ToString(), ["description"] = "test receiver" };
        if (types is not null)
        {
            request["messageTypes"] = new JsonArray(types.Select(t => (JsonNode)t).ToArray());
        }

        var response = await app.ClientFor(app.SellerA).PostAsync("/api/v1/webhook-endpoints", CatalogRequests.Body(request), _ct);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync(_ct));
        var json = await response.ReadJsonAsync();
        var secret = json.GetProperty("secret").GetString()!;
        Assert.StartsWith("whsec_", secret, StringComparison.Ordinal);
        inbox.Secrets.Add(secret);
        return (json.GetProperty("id").GetString()!, secret);
    }

    /// <summary>Enqueues as another module does: through <see cref="IWebhookPublisher"/>, committed by its own SaveChanges.</summary>
    private Task<int> PublishAsync(string type, JsonObject payload) => app.WithScopeAsync(async services =>
    {
        await services.GetRequiredService<IWebhookPublisher>().EnqueueAsync(app.SellerA.Organisation.Id, type, payload, _ct);
        return await services.GetRequiredService<TradewindDbContext>().SaveChangesAsync(_ct);
    });

    public sealed class WebhooksApp : TradewindApp
    {
        public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 27, 9, 0, 0, TimeSpan.Zero));

        public WebhookReceiver Receiver { get; private set; } = null!;

        public Task<int> DispatchAsync() => Services.GetRequiredService<IWebhookDispatcher>().DispatchDueAsync(TestContext.Current.CancellationToken);

        public Task<Tenant> CreateSellerAsync(string name) => WithScopeAsync(async services =>
        {
            var accounts = services.GetRequiredService<IAccountsCommands>();
            var organisation = await accounts.CreateOrganisationAsync(new NewOrganisation(name, OrganisationKind.Seller, "SE"), "test", TestContext.Current.CancellationToken);
            var key = await accounts.IssueApiKeyAsync(organisation.Id, "test key", "test", TestContext.Current.CancellationToken);
            return new Tenant(organisation, key.Secret);
        });

        public override async ValueTask DisposeAsync()
        {
            await Receiver.DisposeAsync();
            await base.DisposeAsync();
        }

        protected override async Task SeedAsync(IServiceProvider services)
        {
            Receiver = new WebhookReceiver(Clock);
            await Receiver.StartAsync();
        }

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(services => services.AddSingleton<TimeProvider>(Clock));
        }
    }
}
