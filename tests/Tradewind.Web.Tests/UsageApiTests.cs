using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Tradewind.Web.Tests.Infrastructure;
using static Tradewind.Web.Tests.Infrastructure.CatalogRequests;
using static Tradewind.Web.Tests.Infrastructure.UsageApp;

namespace Tradewind.Web.Tests;

public sealed class UsageApiTests(UsageApp app) : IClassFixture<UsageApp>
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    private DateTimeOffset Now => app.Clock.GetUtcNow();

    [Fact]
    public async Task A_record_is_stored_an_identical_resend_returns_its_id_and_a_changed_quantity_is_a_duplicate()
    {
        var customer = (await app.SubscribeAsync(app.SellerA, app.Buyer, "Metered Replay")).CustomerIdentifier;
        var at = Now.AddMinutes(-30);

        var first = await app.PostUsageAsync(app.SellerA, Record(customer, 12, at));
        var replay = await app.PostUsageAsync(app.SellerA, Record(customer, 12, at.AddMinutes(5)));
        var changed = await app.PostUsageAsync(app.SellerA, Record(customer, 13, at));

        var stored = Result(first, 0);
        Assert.Equal(1, first.GetProperty("accepted").GetInt32());
        Assert.Equal("accepted", stored.GetProperty("status").GetString());
        Assert.False(stored.GetProperty("replayed").GetBoolean());
        var id = stored.GetProperty("recordId").GetString();
        Assert.Equal("accepted", Result(replay, 0).GetProperty("status").GetString());
        Assert.True(Result(replay, 0).GetProperty("replayed").GetBoolean());
        Assert.Equal(id, Result(replay, 0).GetProperty("recordId").GetString());
        Assert.Equal(1, changed.GetProperty("duplicates").GetInt32());
        Assert.Equal("duplicate", Result(changed, 0).GetProperty("status").GetString());
        Assert.Equal("natural_key", Result(changed, 0).GetProperty("code").GetString());
        Assert.Equal(id, Result(changed, 0).GetProperty("recordId").GetString());
        var records = await (await app.ClientFor(app.SellerA).GetAsync($"/api/v1/usage/records?customerIdentifier={customer}", _ct)).ReadJsonAsync();
        var only = Assert.Single(records.GetProperty("items").EnumerateArray());
        Assert.Equal(12, only.GetProperty("quantity").GetInt64());
        Assert.Equal(id, only.GetProperty("id").GetString());
    }

    [Fact]
    public async Task The_first_of_two_records_for_one_hour_in_a_batch_wins()
    {
        var customer = (await app.SubscribeAsync(app.SellerA, app.Buyer, "Metered Same Batch")).CustomerIdentifier;
        var at = Now.AddHours(-2);

        var result = await app.PostUsageAsync(app.SellerA, Record(customer, 5, at), Record(customer, 5, at), Record(customer, 6, at), Record(customer, 1, at, "gigabytes"));

        var id = Result(result, 0).GetProperty("recordId").GetString();
        Assert.Equal([("accepted", false), ("accepted", true), ("duplicate", false), ("accepted", false)],
            result.GetProperty("results").EnumerateArray().Select(r => (r.GetProperty("status").GetString(), r.GetProperty("replayed").GetBoolean())).ToArray());
        Assert.Equal(id, Result(result, 1).GetProperty("recordId").GetString());
        Assert.Equal(id, Result(result, 2).GetProperty("recordId").GetString());
        Assert.Equal(3, result.GetProperty("accepted").GetInt32());
        Assert.Equal(1, result.GetProperty("duplicates").GetInt32());
    }

    [Fact]
    public async Task An_idempotency_key_names_one_record_per_seller()
    {
        var customer = (await app.SubscribeAsync(app.SellerA, app.Buyer, "Metered Keys")).CustomerIdentifier;
        var at = Now.AddHours(-3);

        var first = await app.PostUsageAsync(app.SellerA, Record(customer, 7, at, idempotencyKey: "run-42"));
        var retried = await app.PostUsageAsync(app.SellerA, Record(customer, 7, at, idempotencyKey: "run-42"));
        var reused = await app.PostUsageAsync(app.SellerA, Record(customer, 7, at.AddHours(-1), idempotencyKey: "run-42"));

        var id = Result(first, 0).GetProperty("recordId").GetString();
        Assert.True(Result(retried, 0).GetProperty("replayed").GetBoolean());
        Assert.Equal(id, Result(retried, 0).GetProperty("recordId").GetString());
        Assert.Equal("duplicate", Result(reused, 0).GetProperty("status").GetString());
        Assert.Equal("idempotency_key", Result(reused, 0).GetProperty("code").GetString());
        Assert.Equal(id, Result(reused, 0).GetProperty("recordId").GetString());
    }

    [Fact]
    public async Task Records_outside_the_window_for_unknown_dimensions_or_with_bad_allocations_are_rejected_with_their_code()
    {
        var customer = (await app.SubscribeAsync(app.SellerA, app.Buyer, "Metered Rules")).CustomerIdentifier;
        var badAllocations = Record(customer, 10, Now.AddMinutes(-1), "gigabytes");
        badAllocations["allocations"] = new JsonArray(new JsonObject { ["quantity"] = 4, ["tags"] = new JsonArray(new JsonObject { ["key"] = "team", ["value"] = "a" }) });
        var badTag = Record(customer, 10, Now.AddMinutes(-2), "gigabytes");
        badTag["allocations"] = new JsonArray(new JsonObject { ["quantity"] = 10, ["tags"] = new JsonArray(new JsonObject { ["key"] = "team", ["value"] = "ä" }) });

        var result = await app.PostUsageAsync(
            app.SellerA,
            Record(customer, 1, Now.AddHours(-72)),
            Record(customer, 1, Now.AddMinutes(6)),
            Record(customer, 1, Now.AddMinutes(-1), "cpu_hours"),
            badAllocations,
            badTag,
            Record(customer, -1, Now.AddMinutes(-1)),
            new JsonObject { ["customerIdentifier"] = customer, ["agreementId"] = Guid.NewGuid(), ["dimension"] = "requests", ["quantity"] = 1, ["timestamp"] = Now.ToString("O") },
            Record(customer, 1, Now.AddHours(-71)));

        Assert.Equal(
            ["timestamp_out_of_window", "timestamp_out_of_window", "unknown_dimension", "invalid_allocations", "invalid_tag", "invalid_quantity", "invalid_record", null],
            result.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("code").GetString()).ToArray());
        Assert.Equal(7, result.GetProperty("rejected").GetInt32());
        Assert.Equal(1, result.GetProperty("accepted").GetInt32());
        Assert.Equal(JsonValueKind.Null, Result(result, 0).GetProperty("recordId").ValueKind);
    }

    [Fact]
    public async Task Another_sellers_customer_answers_like_an_unknown_one()
    {
        var customer = (await app.SubscribeAsync(app.SellerB, app.Buyer, "Beta Metered")).CustomerIdentifier;

        var result = await app.PostUsageAsync(app.SellerA, Record(customer, 1, Now.AddMinutes(-1)), Record("no-such-customer", 1, Now.AddMinutes(-1)));

        Assert.All(result.GetProperty("results").EnumerateArray(), r => Assert.Equal("unknown_customer", r.GetProperty("code").GetString()));
        Assert.Equal(
            Result(result, 0).GetProperty("message").GetString(), Result(result, 1).GetProperty("message").GetString());
    }

    [Fact]
    public async Task Records_need_an_agreement_in_force_at_their_timestamp_and_not_suspended()
    {
        var subscription = await app.SubscribeAsync(app.SellerA, app.Buyer, "Metered Lifecycle", TimeSpan.FromHours(1));
        var beforeSubscribing = Now.AddMinutes(-70);
        var seller = app.ClientFor(app.SellerA);

        var early = await app.PostUsageAsync(app.SellerA, Record(subscription.CustomerIdentifier, 1, beforeSubscribing));
        Assert.Equal("not_entitled", Result(early, 0).GetProperty("code").GetString());

        Assert.Equal(HttpStatusCode.OK, (await seller.PostAsync($"/api/v1/agreements/{subscription.AgreementId}/suspend", Body(new JsonObject { ["reason"] = "unpaid" }), _ct)).StatusCode);
        app.Clock.Advance(TimeSpan.FromMinutes(5));
        var suspended = await app.PostUsageAsync(app.SellerA, Record(subscription.CustomerIdentifier, 1, Now.AddMinutes(-1)));
        Assert.Equal("not_entitled", Result(suspended, 0).GetProperty("code").GetString());

        Assert.Equal(HttpStatusCode.OK, (await seller.PostAsync($"/api/v1/agreements/{subscription.AgreementId}/reinstate", Body(new JsonObject { ["reason"] = "paid" }), _ct)).StatusCode);
        var byAgreement = new JsonObject { ["agreementId"] = subscription.AgreementId, ["dimension"] = "requests", ["quantity"] = 3, ["timestamp"] = Now.AddMinutes(-1).ToString("O") };
        var reinstated = await app.PostUsageAsync(app.SellerA, byAgreement);
        Assert.Equal("accepted", Result(reinstated, 0).GetProperty("status").GetString());

        var cancelled = await app.ClientFor(app.Buyer).PostAsync($"/api/v1/agreements/{subscription.AgreementId}/cancel", Body(new JsonObject { ["effective"] = "immediately" }), _ct);
        Assert.Equal(HttpStatusCode.OK, cancelled.StatusCode);
        app.Clock.Advance(TimeSpan.FromHours(1));
        var afterCancel = await app.PostUsageAsync(app.SellerA, Record(subscription.CustomerIdentifier, 1, Now.AddMinutes(-1)));
        var lateButInForce = await app.PostUsageAsync(app.SellerA, Record(subscription.CustomerIdentifier, 2, Now.AddMinutes(-62), "gigabytes"));
        Assert.Equal("not_entitled", Result(afterCancel, 0).GetProperty("code").GetString());
        Assert.Equal("accepted", Result(lateButInForce, 0).GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_batch_must_hold_1_to_1000_records_and_be_readable()
    {
        var seller = app.ClientFor(app.SellerA);
        var tooMany = new JsonArray(Enumerable.Range(0, 1001).Select(i => (JsonNode)Record("c", 1, Now)).ToArray());

        await (await seller.PostAsync("/api/v1/usage", Body(new JsonObject { ["records"] = tooMany }), _ct)).AssertProblemAsync(HttpStatusCode.BadRequest);
        await (await seller.PostAsync("/api/v1/usage", Body(new JsonObject { ["records"] = new JsonArray() }), _ct)).AssertProblemAsync(HttpStatusCode.BadRequest);
        var malformed = await (await seller.PostAsync("/api/v1/usage", HttpAssertions.Json("""{"records":[{"quantity":"twelve"}]}"""), _ct)).AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("quantity", malformed.GetRawText(), StringComparison.Ordinal);
        await (await app.ClientFor(app.Buyer).PostAsync("/api/v1/usage", Body(new JsonObject { ["records"] = new JsonArray(Record("c", 1, Now)) }), _ct))
            .AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.CreateClient().GetAsync("/api/v1/usage", _ct)).StatusCode);
    }

    [Fact]
    public async Task Totals_add_up_per_day_and_month_and_a_buyer_sees_only_its_own_usage()
    {
        var mine = await app.SubscribeAsync(app.SellerA, app.Buyer, "Metered Totals");
        var theirs = await app.SubscribeAsync(app.SellerA, app.OtherBuyer, "Metered Totals Other");
        var start = new DateTimeOffset(Now.Year, Now.Month, Now.Day, 0, 0, 0, TimeSpan.Zero);
        app.Clock.Advance(TimeSpan.FromDays(1));
        var t1 = Now.AddHours(-30);
        var t2 = Now.AddHours(-20);
        var t3 = Now.AddHours(-2);
        await app.PostUsageAsync(
            app.SellerA,
            Record(mine.CustomerIdentifier, 10, t1), Record(mine.CustomerIdentifier, 20, t2), Record(mine.CustomerIdentifier, 30, t3), Record(theirs.CustomerIdentifier, 5, t3));
        var from = Uri.EscapeDataString(start.AddDays(-1).ToString("O"));
        var to = Uri.EscapeDataString(start.AddDays(3).ToString("O"));

        var byDay = await (await app.ClientFor(app.SellerA).GetAsync($"/api/v1/usage?granularity=day&from={from}&to={to}&productId={mine.ProductId}", _ct)).ReadJsonAsync();
        var byMonth = await (await app.ClientFor(app.SellerA).GetAsync($"/api/v1/usage?granularity=month&from={from}&to={to}&productId={mine.ProductId}", _ct)).ReadJsonAsync();
        var buyerView = await (await app.ClientFor(app.Buyer).GetAsync($"/api/v1/usage?granularity=total&from={from}&to={to}", _ct)).ReadJsonAsync();
        var otherBuyerView = await (await app.ClientFor(app.OtherBuyer).GetAsync($"/api/v1/usage?granularity=total&from={from}&to={to}&productId={mine.ProductId}", _ct)).ReadJsonAsync();
        var sellerBView = await (await app.ClientFor(app.SellerB).GetAsync($"/api/v1/usage?granularity=total&from={from}&to={to}&productId={mine.ProductId}", _ct)).ReadJsonAsync();

        var days = byDay.GetProperty("totals").EnumerateArray().Select(t => (Day: t.GetProperty("periodStart").GetDateTimeOffset(), Quantity: t.GetProperty("quantity").GetInt64())).ToList();
        var expected = new[] { t1, t2, t3 }.Select((t, i) => (Day: new DateTimeOffset(t.UtcDateTime.Date, TimeSpan.Zero), Quantity: (i + 1) * 10L))
            .GroupBy(x => x.Day).Select(g => (g.Key, g.Sum(x => x.Quantity))).ToList();
        Assert.Equal(expected, days);
        Assert.Equal("day", byDay.GetProperty("granularity").GetString());
        // The shared clock may stand near a month's end, so the three records can fall in one month or two.
        var months = byMonth.GetProperty("totals").EnumerateArray().ToList();
        var expectedMonths = new[] { t1, t2, t3 }.Select((t, i) => (Month: new DateTimeOffset(t.Year, t.Month, 1, 0, 0, 0, TimeSpan.Zero), Quantity: (i + 1) * 10L, Records: 1L))
            .GroupBy(x => x.Month).Select(g => (g.Key, g.Sum(x => x.Quantity), g.Sum(x => x.Records))).ToList();
        Assert.Equal(
            expectedMonths,
            months.Select(m => (m.GetProperty("periodStart").GetDateTimeOffset(), m.GetProperty("quantity").GetInt64(), m.GetProperty("records").GetInt64())).ToList());
        Assert.Equal(60, months.Sum(m => m.GetProperty("quantity").GetInt64()));
        Assert.All(months, m => Assert.Equal("Gamma Retail KK", m.GetProperty("buyerName").GetString()));
        Assert.All(months, m => Assert.Equal(mine.CustomerIdentifier, m.GetProperty("customerIdentifier").GetString()));
        Assert.All(buyerView.GetProperty("totals").EnumerateArray(), t => Assert.NotEqual(theirs.AgreementId, t.GetProperty("agreementId").GetString()));
        Assert.Contains(buyerView.GetProperty("totals").EnumerateArray(), t => t.GetProperty("agreementId").GetString() == mine.AgreementId && t.GetProperty("quantity").GetInt64() == 60);
        Assert.Empty(otherBuyerView.GetProperty("totals").EnumerateArray());
        Assert.Empty(sellerBView.GetProperty("totals").EnumerateArray());
    }

    [Fact]
    public async Task Totals_refuse_ranges_that_are_backwards_or_too_long()
    {
        var client = app.ClientFor(app.SellerA);
        await (await client.GetAsync("/api/v1/usage?from=2026-11-02T00:00:00Z&to=2026-11-01T00:00:00Z", _ct)).AssertProblemAsync(HttpStatusCode.BadRequest);
        await (await client.GetAsync("/api/v1/usage?from=2025-01-01T00:00:00Z&to=2026-11-01T00:00:00Z", _ct)).AssertProblemAsync(HttpStatusCode.BadRequest);
        await (await client.GetAsync("/api/v1/usage?granularity=hour&from=2026-09-01T00:00:00Z&to=2026-11-01T00:00:00Z", _ct)).AssertProblemAsync(HttpStatusCode.BadRequest);
        await (await client.GetAsync("/api/v1/usage?granularity=week", _ct)).AssertProblemAsync(HttpStatusCode.BadRequest);
        var defaults = await (await client.GetAsync("/api/v1/usage", _ct)).ReadJsonAsync();
        Assert.Equal(TimeSpan.FromDays(30), defaults.GetProperty("to").GetDateTimeOffset() - defaults.GetProperty("from").GetDateTimeOffset());
    }

    [Fact]
    public async Task The_submission_log_shows_the_sellers_latest_submissions_with_their_outcomes()
    {
        var customer = (await app.SubscribeAsync(app.SellerB, app.OtherBuyer, "Beta Log")).CustomerIdentifier;
        await app.PostUsageAsync(app.SellerB, Record(customer, 1, Now.AddMinutes(-3)), Record(customer, 1, Now.AddMinutes(-3), "nope"));

        var log = await (await app.ClientFor(app.SellerB).GetAsync("/api/v1/usage/submissions?limit=1", _ct)).ReadJsonAsync();

        var entry = Assert.Single(log.EnumerateArray());
        Assert.Equal(1, entry.GetProperty("accepted").GetInt32());
        Assert.Equal(1, entry.GetProperty("rejected").GetInt32());
        Assert.Equal("rest", entry.GetProperty("source").GetString());
        Assert.Equal(["accepted", "rejected"], entry.GetProperty("samples").EnumerateArray().Select(s => s.GetProperty("status").GetString()).ToArray());
        Assert.Equal("unknown_dimension", entry.GetProperty("samples")[1].GetProperty("code").GetString());
        await (await app.ClientFor(app.Buyer).GetAsync("/api/v1/usage/submissions", _ct)).AssertProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Parallel_submissions_with_overlapping_keys_store_each_key_once()
    {
        var customer = (await app.SubscribeAsync(app.SellerA, app.Buyer, "Metered Parallel")).CustomerIdentifier;
        var hours = Enumerable.Range(1, 40).Select(h => Now.AddHours(-h)).ToArray();

        var responses = await Task.WhenAll(Enumerable.Range(0, 16).Select(client => Task.Run(async () =>
        {
            // Every client sends every hour, in its own order, half of them with its own quantity.
            var records = hours.Select((t, i) => Record(customer, client % 2 == 0 ? 100 : 100 + client, t)).OrderBy(_ => Random.Shared.Next()).ToArray();
            return await app.PostUsageAsync(app.SellerA, records);
        })));

        var stored = await (await app.ClientFor(app.SellerA).GetAsync($"/api/v1/usage/records?customerIdentifier={customer}&pageSize=200", _ct)).ReadJsonAsync();
        var items = stored.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(40, items.Count);
        Assert.Equal(40, items.Select(i => i.GetProperty("hour").GetDateTimeOffset()).Distinct().Count());
        var storedIds = items.Select(i => i.GetProperty("id").GetString()).ToHashSet();
        var answered = responses.SelectMany(r => r.GetProperty("results").EnumerateArray()).ToList();
        Assert.All(answered, r => Assert.Contains(r.GetProperty("recordId").GetString(), storedIds));
        Assert.Equal(40, answered.Count(r => r.GetProperty("status").GetString() == "accepted" && !r.GetProperty("replayed").GetBoolean()));
    }

    private static JsonElement Result(JsonElement response, int index) => response.GetProperty("results")[index];
}
