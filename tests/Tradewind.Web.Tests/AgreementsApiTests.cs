using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tradewind.Contracts.Webhooks;
using Tradewind.Persistence;
using Tradewind.Web.Tests.Infrastructure;
using static Tradewind.Web.Tests.Infrastructure.AgreementsApp;
using static Tradewind.Web.Tests.Infrastructure.CatalogRequests;

namespace Tradewind.Web.Tests;

public sealed class AgreementsApiTests(AgreementsApp app) : IClassFixture<AgreementsApp>
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_buyer_subscribes_to_a_trial_the_seller_is_notified_and_resolves_the_token_to_the_same_customer_again()
    {
        var (productId, planId) = await app.PublishedPlanAsync(app.SellerA, "Alpha Trial", TrialPlan(14));

        var subscription = await app.SubscribeAsync(app.Buyer, productId, planId);

        var agreement = subscription.GetProperty("agreement");
        var agreementId = agreement.GetProperty("id").GetString()!;
        Assert.Equal("trial", agreement.GetProperty("status").GetString());
        Assert.Equal(app.Clock.GetUtcNow().AddDays(14), agreement.GetProperty("trialEndsAt").GetDateTimeOffset());
        Assert.Equal("0.01", agreement.GetProperty("terms").GetProperty("dimensions")[0].GetProperty("price").GetProperty("unitPrice").GetString());
        Assert.Equal("standard", agreement.GetProperty("licence").GetProperty("kind").GetString());
        Assert.Equal("2026-11", agreement.GetProperty("licence").GetProperty("version").GetString());
        Assert.Equal(2, agreement.GetProperty("entitlements").GetArrayLength());
        var fulfilment = subscription.GetProperty("fulfilment");
        Assert.Equal("https://example.com/tradewind/signup", fulfilment.GetProperty("url").GetString());
        Assert.True(fulfilment.GetProperty("freeTrial").GetBoolean());

        var notice = app.Webhooks.Messages.Single(m => m.Type == WebhookMessageTypes.SubscribeSuccess && (string?)m.Payload["agreement-id"] == agreementId);
        Assert.Equal(app.SellerA.Organisation.Id, notice.Seller);
        Assert.Equal("subscribe-success", (string?)notice.Payload["action"]);
        Assert.Equal("true", (string?)notice.Payload["isFreeTrialTermPresent"]);
        Assert.Equal(productId, (string?)notice.Payload["product-code"]);
        Assert.Equal(agreement.GetProperty("customerIdentifier").GetString(), (string?)notice.Payload["customer-identifier"]);
        Assert.Equal(agreement.GetProperty("offerId").GetString(), (string?)notice.Payload["offer-identifier"]);

        var seller = app.ClientFor(app.SellerA);
        var token = fulfilment.GetProperty("registrationToken").GetString()!;
        var resolved = await (await seller.PostAsync("/api/v1/fulfilment/resolve", Body(new JsonObject { ["registrationToken"] = token }), _ct)).ReadJsonAsync();
        Assert.Equal(agreement.GetProperty("customerIdentifier").GetString(), resolved.GetProperty("customerIdentifier").GetString());
        Assert.Equal(productId, resolved.GetProperty("productCode").GetString());
        Assert.Equal("Gamma Retail KK", resolved.GetProperty("buyerName").GetString());
        Assert.Equal("trial", resolved.GetProperty("status").GetString());

        var again = await (await seller.PostAsync("/api/v1/fulfilment/resolve", Body(new JsonObject { ["registrationToken"] = token }), _ct)).ReadJsonAsync();
        Assert.Equal(resolved.GetProperty("customerIdentifier").GetString(), again.GetProperty("customerIdentifier").GetString());
        Assert.Equal(resolved.GetProperty("agreementId").GetString(), again.GetProperty("agreementId").GetString());
    }

    [Fact]
    public async Task A_token_expires_after_an_hour_and_another_sellers_or_a_made_up_token_is_unknown()
    {
        var (productId, planId) = await app.PublishedPlanAsync(app.SellerA, "Alpha Expiry", UsagePlan("Usage", PerUnit("0.01")));
        var token = (await app.SubscribeAsync(app.Buyer, productId, planId)).GetProperty("fulfilment").GetProperty("registrationToken").GetString()!;
        var body = Body(new JsonObject { ["registrationToken"] = token });

        await (await app.ClientFor(app.SellerB).PostAsync("/api/v1/fulfilment/resolve", body, _ct)).AssertProblemAsync(HttpStatusCode.NotFound, "registration-token-invalid");
        await (await app.ClientFor(app.SellerA).PostAsync("/api/v1/fulfilment/resolve", Body(new JsonObject { ["registrationToken"] = "made-up" }), _ct))
            .AssertProblemAsync(HttpStatusCode.NotFound, "registration-token-invalid");
        await (await app.ClientFor(app.Buyer).PostAsync("/api/v1/fulfilment/resolve", body, _ct)).AssertProblemAsync(HttpStatusCode.Forbidden);
        app.Clock.Advance(TimeSpan.FromMinutes(61));

        await (await app.ClientFor(app.SellerA).PostAsync("/api/v1/fulfilment/resolve", body, _ct))
            .AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "registration-token-expired");
    }

    [Fact]
    public async Task A_second_subscription_to_the_same_product_is_refused_and_nothing_more_is_created()
    {
        var (productId, planId) = await app.PublishedPlanAsync(app.SellerB, "Beta Twice", UsagePlan("Usage", PerUnit("0.01")));
        await app.SubscribeAsync(app.Buyer, productId, planId);
        var sent = app.Webhooks.Messages.Count;

        await (await app.ClientFor(app.Buyer).PostAsync("/api/v1/agreements", SubscribeBody(productId, planId), _ct))
            .AssertProblemAsync(HttpStatusCode.Conflict, "agreement-exists");

        var list = await (await app.ClientFor(app.Buyer).GetAsync($"/api/v1/agreements?productId={productId}", _ct)).ReadJsonAsync();
        Assert.Equal(1, list.GetProperty("totalCount").GetInt32());
        Assert.Equal(sent, app.Webhooks.Messages.Count);
    }

    [Fact]
    public async Task Subscribing_again_with_the_same_idempotency_key_returns_the_same_agreement()
    {
        var (productId, planId) = await app.PublishedPlanAsync(app.SellerA, "Alpha Idempotent", UsagePlan("Usage", PerUnit("0.01")));
        var client = app.ClientFor(app.OtherBuyer);

        async Task<string> PostAsync()
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/agreements") { Content = SubscribeBody(productId, planId) };
            request.Headers.Add("Idempotency-Key", "subscribe-alpha-idempotent");
            var response = await client.SendAsync(request, _ct);
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            return (await response.ReadJsonAsync()).GetProperty("agreement").GetProperty("id").GetString()!;
        }

        Assert.Equal(await PostAsync(), await PostAsync());
        var list = await (await client.GetAsync($"/api/v1/agreements?productId={productId}", _ct)).ReadJsonAsync();
        Assert.Equal(1, list.GetProperty("totalCount").GetInt32());
    }

    [Fact]
    public async Task Unpublished_plans_excluded_countries_stale_licences_and_missing_fields_are_refused()
    {
        var seller = app.ClientFor(app.SellerA);
        var draft = (await seller.CreateProductAsync("Alpha Unpublished", _ct)).GetProperty("id").GetString()!;
        var draftPlan = (await seller.AddPlanAsync(draft, UsagePlan("Usage", PerUnit("0.01")), _ct)).GetProperty("id").GetString()!;
        var (excluding, excludingPlan) = await app.PublishedPlanAsync(app.SellerA, "Alpha Not In Japan", UsagePlan("Usage", PerUnit("0.01")),
            l => l["availability"] = new JsonObject { ["excludedCountries"] = new JsonArray("JP") });
        var (open, openPlan) = await app.PublishedPlanAsync(app.SellerA, "Alpha Licence", UsagePlan("Usage", PerUnit("0.01")));
        var buyer = app.ClientFor(app.Buyer);

        await (await buyer.PostAsync("/api/v1/agreements", SubscribeBody(draft, draftPlan), _ct)).AssertProblemAsync(HttpStatusCode.NotFound, "plan-not-available");
        await (await buyer.PostAsync("/api/v1/agreements", SubscribeBody(open, draftPlan), _ct)).AssertProblemAsync(HttpStatusCode.NotFound, "plan-not-available");
        await (await buyer.PostAsync("/api/v1/agreements", SubscribeBody(excluding, excludingPlan), _ct)).AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "country-excluded");
        await (await buyer.PostAsync("/api/v1/agreements", SubscribeBody(open, openPlan, "2019-01"), _ct)).AssertProblemAsync(HttpStatusCode.Conflict, "licence-version-changed");
        var problem = await (await buyer.PostAsync("/api/v1/agreements", Body(new JsonObject { ["productId"] = open, ["planId"] = openPlan }), _ct))
            .AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("acceptedLicenceVersion", out _));
        await (await app.ClientFor(app.SellerB).PostAsync("/api/v1/agreements", SubscribeBody(open, openPlan), _ct)).AssertProblemAsync(HttpStatusCode.Forbidden);

        var mine = await (await buyer.GetAsync($"/api/v1/agreements?productId={open}", _ct)).ReadJsonAsync();
        Assert.Equal(0, mine.GetProperty("totalCount").GetInt32());
        Assert.Equal(HttpStatusCode.Created, (await app.ClientFor(app.OtherBuyer).PostAsync("/api/v1/agreements", SubscribeBody(excluding, excludingPlan), _ct)).StatusCode);
    }

    [Fact]
    public async Task Buyers_see_only_their_own_agreements_sellers_only_their_customers_and_the_operator_all()
    {
        var (productId, planId) = await app.PublishedPlanAsync(app.SellerA, "Alpha Scoped", UsagePlan("Usage", PerUnit("0.01")));
        var id = (await app.SubscribeAsync(app.Buyer, productId, planId)).GetProperty("agreement").GetProperty("id").GetString()!;

        Assert.Equal(HttpStatusCode.OK, (await app.ClientFor(app.Buyer).GetAsync($"/api/v1/agreements/{id}", _ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await app.ClientFor(app.SellerA).GetAsync($"/api/v1/agreements/{id}", _ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await app.ClientFor(app.Operator).GetAsync($"/api/v1/agreements/{id}", _ct)).StatusCode);
        await (await app.ClientFor(app.SellerB).GetAsync($"/api/v1/agreements/{id}", _ct)).AssertProblemAsync(HttpStatusCode.NotFound, "agreement-not-found");
        await (await app.ClientFor(app.OtherBuyer).GetAsync($"/api/v1/agreements/{id}", _ct)).AssertProblemAsync(HttpStatusCode.NotFound, "agreement-not-found");
        await (await app.ClientFor(app.OtherBuyer).PostAsync($"/api/v1/agreements/{id}/cancel", Body(new JsonObject { ["effective"] = "immediately" }), _ct))
            .AssertProblemAsync(HttpStatusCode.NotFound, "agreement-not-found");
        await (await app.ClientFor(app.SellerB).PostAsync($"/api/v1/agreements/{id}/suspend", Body(new JsonObject { ["reason"] = "Not mine" }), _ct))
            .AssertProblemAsync(HttpStatusCode.NotFound, "agreement-not-found");

        Assert.DoesNotContain(await ListIdsAsync(app.SellerB, "/api/v1/agreements?pageSize=200"), i => i == id);
        Assert.DoesNotContain(await ListIdsAsync(app.OtherBuyer, "/api/v1/agreements?pageSize=200"), i => i == id);
        Assert.Contains(await ListIdsAsync(app.SellerA, "/api/v1/agreements?pageSize=200"), i => i == id);
        Assert.Contains(await ListIdsAsync(app.Operator, "/api/v1/agreements?pageSize=200"), i => i == id);
        var sellerBEntitlements = await (await app.ClientFor(app.SellerB).GetAsync($"/api/v1/entitlements?productId={productId}", _ct)).ReadJsonAsync();
        Assert.Equal(0, sellerBEntitlements.GetProperty("totalCount").GetInt32());
        var sellerAEntitlements = await (await app.ClientFor(app.SellerA).GetAsync($"/api/v1/entitlements?productId={productId}&dimension=requests", _ct)).ReadJsonAsync();
        Assert.Equal(1, sellerAEntitlements.GetProperty("totalCount").GetInt32());
    }

    [Fact]
    public async Task A_trial_is_reminded_seven_and_one_days_before_and_converts_to_paid_on_its_end_date()
    {
        var (productId, planId) = await app.PublishedPlanAsync(app.SellerB, "Beta Converts", TrialPlan(14));
        var id = (await app.SubscribeAsync(app.Buyer, productId, planId)).GetProperty("agreement").GetProperty("id").GetString()!;
        var trialEnd = app.Clock.GetUtcNow().AddDays(14);

        app.Clock.Advance(TimeSpan.FromDays(7));
        await app.SweepAsync();
        await app.SweepAsync();
        app.Clock.Advance(TimeSpan.FromDays(6).Add(TimeSpan.FromHours(1)));
        await app.SweepAsync();
        Assert.Equal("trial", await StatusAsync(id));
        app.Clock.Advance(TimeSpan.FromDays(1));
        await app.SweepAsync();

        var agreement = await (await app.ClientFor(app.Buyer).GetAsync($"/api/v1/agreements/{id}", _ct)).ReadJsonAsync();
        Assert.Equal("active", agreement.GetProperty("status").GetString());
        Assert.Equal(trialEnd, agreement.GetProperty("periodStart").GetDateTimeOffset());
        Assert.Equal(
            [WebhookMessageTypes.SubscribeSuccess, WebhookMessageTypes.FreeTrialStarted, WebhookMessageTypes.FreeTrialEndingSoon, WebhookMessageTypes.FreeTrialEndingSoon,
                WebhookMessageTypes.FreeTrialConverted, WebhookMessageTypes.EntitlementUpdated],
            app.Webhooks.TypesFor(id));
        Assert.Equal([7, 1], app.Webhooks.Messages.Where(m => m.Type == WebhookMessageTypes.FreeTrialEndingSoon && (string?)m.Payload["agreement-id"] == id)
            .Select(m => (int)m.Payload["days-left"]!));
    }

    [Fact]
    public async Task A_cancellation_at_period_end_is_pending_until_the_trial_ends_and_then_unsubscribes()
    {
        var (productId, planId) = await app.PublishedPlanAsync(app.SellerA, "Alpha Cancels", TrialPlan(10));
        var id = (await app.SubscribeAsync(app.OtherBuyer, productId, planId)).GetProperty("agreement").GetProperty("id").GetString()!;
        var buyer = app.ClientFor(app.OtherBuyer);

        var pending = await (await buyer.PostAsync($"/api/v1/agreements/{id}/cancel", Body(new JsonObject { ["effective"] = "endOfPeriod" }), _ct)).ReadJsonAsync();
        Assert.Equal("cancel_pending", pending.GetProperty("status").GetString());
        Assert.Equal(pending.GetProperty("trialEndsAt").GetDateTimeOffset(), pending.GetProperty("cancelAt").GetDateTimeOffset());
        app.Clock.Advance(TimeSpan.FromDays(10));
        await app.SweepAsync();

        Assert.Equal("cancelled", await StatusAsync(id));
        Assert.Equal([WebhookMessageTypes.SubscribeSuccess, WebhookMessageTypes.FreeTrialStarted, WebhookMessageTypes.UnsubscribePending, WebhookMessageTypes.UnsubscribeSuccess],
            app.Webhooks.TypesFor(id));
        await (await buyer.PostAsync($"/api/v1/agreements/{id}/cancel", Body(new JsonObject { ["effective"] = "immediately" }), _ct))
            .AssertProblemAsync(HttpStatusCode.Conflict, "agreement-ended");

        var again = await app.SubscribeAsync(app.OtherBuyer, productId, planId);
        Assert.Equal("active", again.GetProperty("agreement").GetProperty("status").GetString());
        Assert.Equal(pending.GetProperty("customerIdentifier").GetString(), again.GetProperty("agreement").GetProperty("customerIdentifier").GetString());
    }

    [Fact]
    public async Task A_seller_suspends_and_reinstates_for_cause_with_an_audit_line_and_a_buyer_cannot()
    {
        var (productId, planId) = await app.PublishedPlanAsync(app.SellerB, "Beta Suspends", UsagePlan("Usage", PerUnit("0.01")));
        var id = (await app.SubscribeAsync(app.Buyer, productId, planId)).GetProperty("agreement").GetProperty("id").GetString()!;
        var seller = app.ClientFor(app.SellerB);
        // The audit trail is read back in time order: a second between the steps keeps that order unambiguous.
        app.Clock.Advance(TimeSpan.FromSeconds(1));

        await (await app.ClientFor(app.Buyer).PostAsync($"/api/v1/agreements/{id}/suspend", Body(new JsonObject { ["reason"] = "Self" }), _ct)).AssertProblemAsync(HttpStatusCode.Forbidden);
        var problem = await (await seller.PostAsync($"/api/v1/agreements/{id}/suspend", Body(new JsonObject()), _ct)).AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("reason", out _));
        var suspended = await (await seller.PostAsync($"/api/v1/agreements/{id}/suspend", Body(new JsonObject { ["reason"] = "Chargeback on invoice 17" }), _ct)).ReadJsonAsync();
        Assert.Equal(("suspended", "Chargeback on invoice 17"), (suspended.GetProperty("status").GetString(), suspended.GetProperty("suspensionReason").GetString()));
        app.Clock.Advance(TimeSpan.FromSeconds(1));
        var reinstated = await (await seller.PostAsync($"/api/v1/agreements/{id}/reinstate", Body(new JsonObject { ["reason"] = "Paid" }), _ct)).ReadJsonAsync();

        Assert.Equal("active", reinstated.GetProperty("status").GetString());
        var audit = await app.WithScopeAsync(sp => sp.GetRequiredService<TradewindDbContext>().AuditEntries
            .Where(a => a.Subject == $"agreement:{id}").OrderBy(a => a.At).Select(a => a.Action + " " + a.Details).ToListAsync(_ct));
        Assert.Equal(["agreement.created", "agreement.suspended Chargeback on invoice 17", "agreement.reinstated Paid"], audit.Select(a => a.StartsWith("agreement.created", StringComparison.Ordinal) ? "agreement.created" : a));
    }

    [Fact]
    public async Task A_buyer_opens_a_ticket_the_seller_answers_and_solves_it_and_no_one_else_sees_it()
    {
        var (productId, planId) = await app.PublishedPlanAsync(app.SellerA, "Alpha Support", UsagePlan("Usage", PerUnit("0.01")));
        var agreementId = (await app.SubscribeAsync(app.Buyer, productId, planId)).GetProperty("agreement").GetProperty("id").GetString()!;
        var open = Body(new JsonObject { ["agreementId"] = agreementId, ["category"] = "problem", ["severity"] = "high", ["subject"] = "Login fails", ["text"] = "SSO returns 500." });

        await (await app.ClientFor(app.OtherBuyer).PostAsync("/api/v1/tickets", open, _ct)).AssertProblemAsync(HttpStatusCode.NotFound, "agreement-not-found");
        var ticket = await (await app.ClientFor(app.Buyer).PostAsync("/api/v1/tickets", open, _ct)).ReadJsonAsync();
        var id = ticket.GetProperty("id").GetString()!;
        Assert.Equal("open", ticket.GetProperty("status").GetString());
        await (await app.ClientFor(app.SellerB).GetAsync($"/api/v1/tickets/{id}", _ct)).AssertProblemAsync(HttpStatusCode.NotFound, "ticket-not-found");
        await (await app.ClientFor(app.SellerB).PostAsync($"/api/v1/tickets/{id}/messages", Body(new JsonObject { ["text"] = "Hi" }), _ct))
            .AssertProblemAsync(HttpStatusCode.NotFound, "ticket-not-found");

        var answered = await (await app.ClientFor(app.SellerA).PostAsync($"/api/v1/tickets/{id}/messages", Body(new JsonObject { ["text"] = "Fixed in 2.4.1.", ["status"] = "solved" }), _ct)).ReadJsonAsync();

        Assert.Equal("solved", answered.GetProperty("status").GetString());
        var seen = await (await app.ClientFor(app.Buyer).GetAsync($"/api/v1/tickets/{id}", _ct)).ReadJsonAsync();
        Assert.Equal(["SSO returns 500.", "Fixed in 2.4.1."], seen.GetProperty("messages").EnumerateArray().Select(m => m.GetProperty("text").GetString()));
        var reopened = await (await app.ClientFor(app.Buyer).PostAsync($"/api/v1/tickets/{id}/messages", Body(new JsonObject { ["text"] = "Still failing." }), _ct)).ReadJsonAsync();
        Assert.Equal("open", reopened.GetProperty("status").GetString());
        var inbox = await (await app.ClientFor(app.SellerA).GetAsync("/api/v1/tickets?status=open", _ct)).ReadJsonAsync();
        Assert.Contains(inbox.GetProperty("items").EnumerateArray(), t => t.GetProperty("id").GetString() == id);
    }

    private async Task<string?> StatusAsync(string id) =>
        (await (await app.ClientFor(app.Operator).GetAsync($"/api/v1/agreements/{id}", _ct)).ReadJsonAsync()).GetProperty("status").GetString();

    private async Task<List<string?>> ListIdsAsync(Tenant tenant, string url) =>
        (await (await app.ClientFor(tenant).GetAsync(url, _ct)).ReadJsonAsync()).GetProperty("items").EnumerateArray().Select(a => a.GetProperty("id").GetString()).ToList();
}
