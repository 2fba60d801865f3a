using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Tradewind.Contracts.Webhooks;
using Tradewind.Web.Tests.Infrastructure;
using static Tradewind.Web.Tests.Infrastructure.CatalogRequests;
using static Tradewind.Web.Tests.Infrastructure.PrivateOffersApp;

namespace Tradewind.Web.Tests;

public sealed class PrivateOffersApiTests(PrivateOffersApp app) : IClassFixture<PrivateOffersApp>
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    private static JsonObject Payg() => UsagePlan("Pay as you go", PerUnit("0.01"));

    [Fact]
    public async Task A_seller_turns_a_PAYG_subscription_into_a_EUR_contract_the_buyer_opens_and_accepts_and_the_old_agreement_is_replaced()
    {
        var (productId, planId) = await app.PublishedPlanAsync(app.SellerA, "Alpha Offer Flow", Payg());
        var payg = await app.SubscribeAsync(app.GermanBuyer, productId, planId);
        var paygId = payg.GetProperty("id").GetString()!;
        var body = await app.ContractOfferAsync(productId, planId, null);
        body.Remove("buyerId");
        body["fromAgreementId"] = paygId;
        body["replaceAgreement"] = true;
        var seller = app.ClientFor(app.SellerA);
        var buyer = app.ClientFor(app.GermanBuyer);

        var draft = await app.CreateOfferAsync(body);
        var id = draft.GetProperty("id").GetString()!;
        Assert.Equal("draft", draft.GetProperty("status").GetString());
        Assert.Equal(app.GermanBuyer.Organisation.Id.Value.ToString(), draft.GetProperty("buyerId").GetString());
        Assert.Equal("1200.00", draft.GetProperty("contractValue").GetProperty("amount").GetString());
        Assert.Equal(4, draft.GetProperty("schedule").GetArrayLength());
        Assert.Equal(0, (await (await buyer.GetAsync($"/api/v1/private-offers?productId={productId}", _ct)).ReadJsonAsync()).GetProperty("totalCount").GetInt32());
        await (await buyer.GetAsync($"/api/v1/private-offers/{id}", _ct)).AssertProblemAsync(HttpStatusCode.NotFound);

        Assert.Equal(HttpStatusCode.OK, (await seller.PostAsync($"/api/v1/private-offers/{id}/publish", null, _ct)).StatusCode);
        var listed = await (await buyer.GetAsync("/api/v1/private-offers?status=published", _ct)).ReadJsonAsync();
        var item = listed.GetProperty("items").EnumerateArray().Single(o => o.GetProperty("id").GetString() == id);
        Assert.Equal("EUR", item.GetProperty("currency").GetString());
        Assert.Equal("published", item.GetProperty("status").GetString());

        var opened = await (await buyer.PostAsync($"/api/v1/private-offers/{id}/open", null, _ct)).ReadJsonAsync();
        Assert.Equal("viewed", opened.GetProperty("status").GetString());
        var accepted = await buyer.PostAsync($"/api/v1/private-offers/{id}/accept", Json(new JsonObject { ["language"] = "de" }), _ct);
        Assert.True(accepted.StatusCode == HttpStatusCode.OK, await accepted.Content.ReadAsStringAsync(_ct));
        var agreement = await accepted.ReadJsonAsync();

        Assert.Equal("active", agreement.GetProperty("status").GetString());
        Assert.Equal("EUR", agreement.GetProperty("currency").GetString());
        Assert.Equal(id, agreement.GetProperty("privateOfferId").GetString());
        Assert.Equal($"offer-{Guid.Parse(id):N}", agreement.GetProperty("offerId").GetString());
        Assert.Equal(payg.GetProperty("customerIdentifier").GetString(), agreement.GetProperty("customerIdentifier").GetString());
        var contract = agreement.GetProperty("terms").GetProperty("contract");
        Assert.Equal("1200.00", contract.GetProperty("price").GetString());
        Assert.Equal(4, contract.GetProperty("installments").GetInt32());
        Assert.Equal(["300.00", "300.00", "300.00", "300.00"], contract.GetProperty("schedule").EnumerateArray().Select(p => p.GetProperty("amount").GetString()!));
        Assert.Equal(Date(app.Today.AddMonths(9)), contract.GetProperty("schedule")[3].GetProperty("dueOn").GetString());
        Assert.Equal(app.Clock.GetUtcNow().AddMonths(12), agreement.GetProperty("contractEndsAt").GetDateTimeOffset());

        var old = await (await buyer.GetAsync($"/api/v1/agreements/{paygId}", _ct)).ReadJsonAsync();
        Assert.Equal("replaced", old.GetProperty("status").GetString());
        Assert.Equal(app.Clock.GetUtcNow(), old.GetProperty("endedAt").GetDateTimeOffset());
        var newId = agreement.GetProperty("id").GetString()!;
        Assert.Contains(WebhookMessageTypes.EntitlementUpdated, app.Webhooks.TypesFor(newId));
        Assert.DoesNotContain(WebhookMessageTypes.SubscribeSuccess, app.Webhooks.TypesFor(newId));

        var final = await (await seller.GetAsync($"/api/v1/private-offers/{id}", _ct)).ReadJsonAsync();
        Assert.Equal("accepted", final.GetProperty("status").GetString());
        Assert.Equal(newId, final.GetProperty("agreementId").GetString());
        Assert.Equal(["created", "published", "viewed", "accepted"], final.GetProperty("history").EnumerateArray().Select(s => s.GetProperty("action").GetString()!));
        var audit = await app.ReadAsync("platform_audit_trail");
        var actions = audit.Where(r => r["subject"] == $"private-offer:{id}").Select(r => r["action"]).ToList();
        Assert.Equal(["private-offer.accepted", "private-offer.created", "private-offer.published", "private-offer.viewed"], actions.Order(StringComparer.Ordinal));
        Assert.Contains(audit, r => r["subject"] == $"agreement:{paygId}" && r["action"] == "agreement.replaced");
        var events = (await app.ReadAsync("platform_outbox_messages")).Select(r => r["type"]).ToList();
        Assert.Contains(events, t => t.Contains("AgreementReplaced", StringComparison.Ordinal));
        Assert.Contains(events, t => t.Contains("PrivateOfferAccepted", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Offers_are_listed_per_role_sellers_their_own_buyers_those_sent_to_them_never_drafts_the_operator_all()
    {
        var (productId, planId) = await app.PublishedPlanAsync(app.SellerA, "Alpha Offer Scope", Payg());
        var sent = await app.PublishedOfferAsync(await app.ContractOfferAsync(productId, planId, app.GermanBuyer));
        app.Clock.Advance(TimeSpan.FromSeconds(1));
        var draft = (await app.CreateOfferAsync(await app.ContractOfferAsync(productId, planId, app.GermanBuyer))).GetProperty("id").GetString()!;
        app.Clock.Advance(TimeSpan.FromSeconds(1));
        var toJapan = await app.PublishedOfferAsync(await app.ContractOfferAsync(productId, planId, app.Buyer));

        async Task<IReadOnlyList<string>> IdsAsync(Tenant tenant) =>
            (await (await app.ClientFor(tenant).GetAsync($"/api/v1/private-offers?productId={productId}", _ct)).ReadJsonAsync())
            .GetProperty("items").EnumerateArray().Select(o => o.GetProperty("id").GetString()!).ToList();

        Assert.Equal([toJapan, draft, sent], await IdsAsync(app.SellerA));
        Assert.Empty(await IdsAsync(app.SellerB));
        Assert.Equal([sent], await IdsAsync(app.GermanBuyer));
        Assert.Equal([toJapan], await IdsAsync(app.Buyer));
        Assert.Equal([toJapan, draft, sent], await IdsAsync(app.Operator));
        await (await app.ClientFor(app.SellerB).GetAsync($"/api/v1/private-offers/{sent}", _ct)).AssertProblemAsync(HttpStatusCode.NotFound, "offer-not-found");
        await (await app.ClientFor(app.Buyer).PostAsync($"/api/v1/private-offers/{sent}/accept", Json(new JsonObject()), _ct)).AssertProblemAsync(HttpStatusCode.NotFound);
        var eur = await (await app.ClientFor(app.SellerA).GetAsync($"/api/v1/private-offers?productId={productId}&currency=eur&status=draft", _ct)).ReadJsonAsync();
        Assert.Equal(1, eur.GetProperty("totalCount").GetInt32());
    }

    [Fact]
    public async Task An_offer_to_an_email_domain_is_seen_and_accepted_by_a_buyer_whose_people_sign_in_with_it()
    {
        var (productId, planId) = await app.PublishedPlanAsync(app.SellerA, "Alpha Offer Domain", Payg());
        var body = await app.ContractOfferAsync(productId, planId, null);
        body.Remove("buyerId");
        body["buyerEmailDomain"] = "Delta-Handel.de";
        var id = await app.PublishedOfferAsync(body);

        Assert.Empty((await (await app.ClientFor(app.Buyer).GetAsync($"/api/v1/private-offers?productId={productId}", _ct)).ReadJsonAsync()).GetProperty("items").EnumerateArray());
        var agreement = await (await app.ClientFor(app.GermanBuyer).PostAsync($"/api/v1/private-offers/{id}/accept", Json(new JsonObject()), _ct)).ReadJsonAsync();

        Assert.Equal(app.GermanBuyer.Organisation.Id.Value.ToString(), agreement.GetProperty("buyerId").GetString());
        Assert.Contains(WebhookMessageTypes.SubscribeSuccess, app.Webhooks.TypesFor(agreement.GetProperty("id").GetString()!));
    }

    [Fact]
    public async Task The_buyer_declines_with_a_reason_and_a_declined_offer_cannot_be_accepted()
    {
        var (productId, planId) = await app.PublishedPlanAsync(app.SellerA, "Alpha Offer Decline", Payg());
        var id = await app.PublishedOfferAsync(await app.ContractOfferAsync(productId, planId, app.GermanBuyer));
        var buyer = app.ClientFor(app.GermanBuyer);

        var noReason = await (await buyer.PostAsync($"/api/v1/private-offers/{id}/decline", Json(new JsonObject()), _ct)).AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(noReason.GetProperty("errors").TryGetProperty("reason", out _));
        var declined = await (await buyer.PostAsync($"/api/v1/private-offers/{id}/decline", Json(new JsonObject { ["reason"] = "Budget moved to next year." }), _ct)).ReadJsonAsync();

        Assert.Equal("declined", declined.GetProperty("status").GetString());
        Assert.Equal("Budget moved to next year.", declined.GetProperty("declineReason").GetString());
        await (await buyer.PostAsync($"/api/v1/private-offers/{id}/accept", Json(new JsonObject()), _ct)).AssertProblemAsync(HttpStatusCode.Conflict, "offer-not-open");
    }

    [Fact]
    public async Task The_seller_withdraws_an_offer_and_the_buyer_can_no_longer_accept_it()
    {
        var (productId, planId) = await app.PublishedPlanAsync(app.SellerA, "Alpha Offer Withdraw", Payg());
        var id = await app.PublishedOfferAsync(await app.ContractOfferAsync(productId, planId, app.GermanBuyer));

        var withdrawn = await (await app.ClientFor(app.SellerA).PostAsync($"/api/v1/private-offers/{id}/withdraw", Json(new JsonObject { ["reason"] = "Wrong price" }), _ct)).ReadJsonAsync();

        Assert.Equal("withdrawn", withdrawn.GetProperty("status").GetString());
        await (await app.ClientFor(app.GermanBuyer).PostAsync($"/api/v1/private-offers/{id}/accept", Json(new JsonObject()), _ct)).AssertProblemAsync(HttpStatusCode.Conflict, "offer-not-open");
        await (await app.ClientFor(app.SellerA).PutAsync($"/api/v1/private-offers/{id}", Json(await app.ContractOfferAsync(productId, planId, app.GermanBuyer)), _ct))
            .AssertProblemAsync(HttpStatusCode.Conflict, "offer-not-draft");
    }

    [Fact]
    public async Task An_offer_past_its_expiry_day_is_refused_on_accept_even_before_the_sweep_and_then_the_sweep_expires_the_others()
    {
        var (productId, planId) = await app.PublishedPlanAsync(app.SellerA, "Alpha Offer Expiry", Payg());
        var body = await app.ContractOfferAsync(productId, planId, app.GermanBuyer);
        body["expiresOn"] = Date(app.Today);
        body["installments"] = null;
        var id = await app.PublishedOfferAsync(body);
        var other = await app.PublishedOfferAsync(body);
        app.Clock.Advance(TimeSpan.FromDays(1));

        await (await app.ClientFor(app.GermanBuyer).PostAsync($"/api/v1/private-offers/{id}/accept", Json(new JsonObject()), _ct))
            .AssertProblemAsync(HttpStatusCode.Conflict, "offer-expired");
        var expired = await (await app.ClientFor(app.SellerA).GetAsync($"/api/v1/private-offers/{id}", _ct)).ReadJsonAsync();
        Assert.Equal("expired", expired.GetProperty("status").GetString());
        Assert.True(await app.ExpireDueAsync() >= 1);
        var swept = await (await app.ClientFor(app.SellerA).GetAsync($"/api/v1/private-offers/{other}", _ct)).ReadJsonAsync();
        Assert.Equal("expired", swept.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Accepting_twice_is_refused_and_only_one_agreement_exists()
    {
        var (productId, planId) = await app.PublishedPlanAsync(app.SellerA, "Alpha Offer Twice", Payg());
        var id = await app.PublishedOfferAsync(await app.ContractOfferAsync(productId, planId, app.GermanBuyer));
        var buyer = app.ClientFor(app.GermanBuyer);

        Assert.Equal(HttpStatusCode.OK, (await buyer.PostAsync($"/api/v1/private-offers/{id}/accept", Json(new JsonObject()), _ct)).StatusCode);
        await (await buyer.PostAsync($"/api/v1/private-offers/{id}/accept", Json(new JsonObject()), _ct)).AssertProblemAsync(HttpStatusCode.Conflict, "offer-not-open");

        var agreements = await (await buyer.GetAsync($"/api/v1/agreements?productId={productId}", _ct)).ReadJsonAsync();
        Assert.Equal(1, agreements.GetProperty("totalCount").GetInt32());
    }

    [Fact]
    public async Task Accepting_while_an_agreement_is_in_force_is_refused_unless_the_buyer_asks_to_replace_it()
    {
        var (productId, planId) = await app.PublishedPlanAsync(app.SellerA, "Alpha Offer Exists", Payg());
        var payg = (await app.SubscribeAsync(app.GermanBuyer, productId, planId)).GetProperty("id").GetString()!;
        var id = await app.PublishedOfferAsync(await app.ContractOfferAsync(productId, planId, app.GermanBuyer));
        var buyer = app.ClientFor(app.GermanBuyer);

        await (await buyer.PostAsync($"/api/v1/private-offers/{id}/accept", Json(new JsonObject()), _ct)).AssertProblemAsync(HttpStatusCode.Conflict, "agreement-exists");
        var accepted = await buyer.PostAsync($"/api/v1/private-offers/{id}/accept", Json(new JsonObject { ["replaceAgreement"] = true }), _ct);

        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.Equal("replaced", (await (await buyer.GetAsync($"/api/v1/agreements/{payg}", _ct)).ReadJsonAsync()).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Installments_that_do_not_sum_a_currency_without_a_payout_account_an_excluded_country_and_a_past_expiry_are_refused()
    {
        var (productId, planId) = await app.PublishedPlanAsync(app.SellerA, "Alpha Offer Bad", Payg());
        var (excluding, excludingPlan) = await app.PublishedPlanAsync(app.SellerA, "Alpha Offer Not In Germany", Payg(),
            l => l["availability"] = new JsonObject { ["excludedCountries"] = new JsonArray("DE") });
        var seller = app.ClientFor(app.SellerA);

        var wrongSum = await app.ContractOfferAsync(productId, planId, app.GermanBuyer);
        ((JsonArray)wrongSum["installments"]!)[3] = Installment(app.Today.AddMonths(9), "299.99");
        var sum = await (await seller.PostAsync("/api/v1/private-offers", Json(wrongSum), _ct)).AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("1199.99", sum.GetProperty("errors").GetProperty("installments")[0].GetString(), StringComparison.Ordinal);

        var gbp = await app.ContractOfferAsync(productId, planId, app.GermanBuyer);
        gbp["currency"] = "GBP";
        gbp["installments"] = null;
        await (await seller.PostAsync("/api/v1/private-offers", Json(gbp), _ct)).AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "currency-not-payable");

        var chf = await app.ContractOfferAsync(productId, planId, app.GermanBuyer);
        chf["currency"] = "CHF";
        var notAllowed = await (await seller.PostAsync("/api/v1/private-offers", Json(chf), _ct)).AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(notAllowed.GetProperty("errors").TryGetProperty("currency", out _));

        await (await seller.PostAsync("/api/v1/private-offers", Json(await app.ContractOfferAsync(excluding, excludingPlan, app.GermanBuyer)), _ct))
            .AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "country-excluded");

        var past = await app.ContractOfferAsync(productId, planId, app.GermanBuyer);
        past["expiresOn"] = Date(app.Today.AddDays(-1));
        var expiry = await (await seller.PostAsync("/api/v1/private-offers", Json(past), _ct)).AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(expiry.GetProperty("errors").TryGetProperty("expiresOn", out _));

        var usage = await app.ContractOfferAsync(productId, planId, app.GermanBuyer);
        usage["contractPrice"] = null;
        usage["installments"] = null;
        usage["entitlements"] = null;
        usage["prices"] = new JsonArray(new JsonObject { ["dimension"] = "requests", ["unitPrice"] = "0.009" });
        var usageInEur = await (await seller.PostAsync("/api/v1/private-offers", Json(usage), _ct)).AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(usageInEur.GetProperty("errors").TryGetProperty("currency", out _));

        await (await app.ClientFor(app.SellerB).PostAsync("/api/v1/private-offers", Json(await app.ContractOfferAsync(productId, planId, app.GermanBuyer)), _ct))
            .AssertProblemAsync(HttpStatusCode.BadRequest);
        await (await app.ClientFor(app.GermanBuyer).PostAsync("/api/v1/private-offers", Json(await app.ContractOfferAsync(productId, planId, app.GermanBuyer)), _ct))
            .AssertProblemAsync(HttpStatusCode.Forbidden);
        var mine = await (await seller.GetAsync($"/api/v1/private-offers?productId={productId}", _ct)).ReadJsonAsync();
        Assert.Equal(0, mine.GetProperty("totalCount").GetInt32());
    }

    [Fact]
    public async Task A_draft_is_updated_and_a_template_is_saved_listed_read_and_deleted()
    {
        var (productId, planId) = await app.PublishedPlanAsync(app.SellerA, "Alpha Offer Template", Payg());
        var body = await app.ContractOfferAsync(productId, planId, app.GermanBuyer);
        var id = (await app.CreateOfferAsync(body)).GetProperty("id").GetString()!;
        body["name"] = "Delta 2027";
        body["contractPrice"] = "1000.00";
        body["installments"] = null;
        var seller = app.ClientFor(app.SellerA);

        var updated = await (await seller.PutAsync($"/api/v1/private-offers/{id}", Json(body), _ct)).ReadJsonAsync();
        Assert.Equal("Delta 2027", updated.GetProperty("name").GetString());
        Assert.Equal("1000.00", updated.GetProperty("contractValue").GetProperty("amount").GetString());
        Assert.Equal(1, updated.GetProperty("schedule").GetArrayLength());

        var saved = await seller.PostAsync("/api/v1/private-offer-templates", Json(new JsonObject { ["name"] = "Annual EUR", ["draft"] = body.DeepClone() }), _ct);
        Assert.Equal(HttpStatusCode.Created, saved.StatusCode);
        var template = await saved.ReadJsonAsync();
        var templateId = template.GetProperty("id").GetString()!;
        Assert.Equal(JsonValueKind.Null, template.GetProperty("draft").GetProperty("buyerId").ValueKind);
        Assert.Equal("1000.00", template.GetProperty("draft").GetProperty("contractPrice").GetString());
        var list = await (await seller.GetAsync("/api/v1/private-offer-templates", _ct)).ReadJsonAsync();
        Assert.Contains(list.GetProperty("items").EnumerateArray(), t => t.GetProperty("id").GetString() == templateId);
        await (await app.ClientFor(app.SellerB).GetAsync($"/api/v1/private-offer-templates/{templateId}", _ct)).AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.Forbidden, (await app.ClientFor(app.GermanBuyer).GetAsync("/api/v1/private-offer-templates", _ct)).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await seller.DeleteAsync($"/api/v1/private-offer-templates/{templateId}", _ct)).StatusCode);
        await (await seller.GetAsync($"/api/v1/private-offer-templates/{templateId}", _ct)).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_report_counts_offers_published_in_the_window_by_outcome_with_time_to_accept_and_value_per_currency()
    {
        // The window starts after every offer the other tests published.
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        var from = app.Clock.GetUtcNow();
        var (alphaProduct, alphaPlan) = await app.PublishedPlanAsync(app.SellerA, "Alpha Offer Report", Payg());
        var accepted = await app.PublishedOfferAsync(await app.ContractOfferAsync(alphaProduct, alphaPlan, app.GermanBuyer));
        var declined = await app.PublishedOfferAsync(await app.ContractOfferAsync(alphaProduct, alphaPlan, app.Buyer));
        await app.PublishedOfferAsync(await app.ContractOfferAsync(alphaProduct, alphaPlan, app.Buyer));
        app.Clock.Advance(TimeSpan.FromHours(6));
        Assert.Equal(HttpStatusCode.OK, (await app.ClientFor(app.GermanBuyer).PostAsync($"/api/v1/private-offers/{accepted}/open", null, _ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await app.ClientFor(app.GermanBuyer).PostAsync($"/api/v1/private-offers/{accepted}/accept", Json(new JsonObject()), _ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await app.ClientFor(app.Buyer).PostAsync($"/api/v1/private-offers/{declined}/decline", Json(new JsonObject { ["reason"] = "No" }), _ct)).StatusCode);
        var to = app.Clock.GetUtcNow().AddMinutes(1);
        var query = $"/api/v1/private-offers/report?from={Uri.EscapeDataString(from.ToString("O"))}&to={Uri.EscapeDataString(to.ToString("O"))}";

        var report = await (await app.ClientFor(app.SellerA).GetAsync(query, _ct)).ReadJsonAsync();

        Assert.Equal(3, report.GetProperty("sent").GetInt32());
        Assert.Equal(1, report.GetProperty("viewed").GetInt32());
        Assert.Equal(1, report.GetProperty("accepted").GetInt32());
        Assert.Equal(1, report.GetProperty("declined").GetInt32());
        Assert.Equal(6.0, report.GetProperty("medianHoursToAccept").GetDouble());
        var value = report.GetProperty("contractValue").EnumerateArray().Single();
        Assert.Equal(("1200.00", "EUR"), (value.GetProperty("amount").GetString(), value.GetProperty("currency").GetString()));
        var beta = await (await app.ClientFor(app.SellerB).GetAsync(query, _ct)).ReadJsonAsync();
        Assert.Equal(0, beta.GetProperty("sent").GetInt32());
        Assert.Equal(HttpStatusCode.Forbidden, (await app.ClientFor(app.Buyer).GetAsync(query, _ct)).StatusCode);
    }

    [Fact]
    public async Task Creating_an_offer_again_with_the_same_idempotency_key_returns_the_same_offer()
    {
        var (productId, planId) = await app.PublishedPlanAsync(app.SellerA, "Alpha Offer Idempotent", Payg());
        var body = (await app.ContractOfferAsync(productId, planId, app.GermanBuyer)).ToJsonString();
        var seller = app.ClientFor(app.SellerA);

        async Task<string> PostAsync()
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/private-offers") { Content = HttpAssertions.Json(body) };
            request.Headers.Add("Idempotency-Key", "offer-alpha-idempotent");
            var response = await seller.SendAsync(request, _ct);
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            return (await response.ReadJsonAsync()).GetProperty("id").GetString()!;
        }

        Assert.Equal(await PostAsync(), await PostAsync());
        var list = await (await seller.GetAsync($"/api/v1/private-offers?productId={productId}", _ct)).ReadJsonAsync();
        Assert.Equal(1, list.GetProperty("totalCount").GetInt32());
    }
}
