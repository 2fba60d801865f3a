using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Tradewind.Web.Tests.Infrastructure;
using static Tradewind.Web.Tests.Infrastructure.AgreementsApp;
using static Tradewind.Web.Tests.Infrastructure.CatalogRequests;

namespace Tradewind.Web.Tests.AwsApi;

/// <summary>
/// The AWS-compatible Entitlement (<c>GetEntitlements</c>) and Agreement (<c>SearchAgreements</c>,
/// <c>DescribeAgreement</c>, <c>GetAgreementTerms</c>) operations with signed requests: values, filters, pagination,
/// scoping to the caller's products and AWS's error shapes.
/// </summary>
public sealed class AwsAgreementApiTests(AgreementsApp app) : IClassFixture<AgreementsApp>
{
    private const string GetEntitlements = "AWSMPEntitlementService.GetEntitlements";
    private const string SearchAgreements = "AWSMPCommerceService_v20200301.SearchAgreements";
    private const string DescribeAgreement = "AWSMPCommerceService_v20200301.DescribeAgreement";
    private const string GetAgreementTerms = "AWSMPCommerceService_v20200301.GetAgreementTerms";
    private const string Json10 = "application/x-amz-json-1.0";

    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task GetEntitlements_returns_each_customers_dimensions_in_force_with_values_and_expiration()
    {
        var signer = await SignerAsync(app.SellerA);
        var (productId, planId) = await app.PublishedPlanAsync(app.SellerA, "Alpha Entitled", ContractPlan("Annual", 12, "1200.00", 1, overage: true));
        var agreement = (await app.SubscribeAsync(app.Buyer, productId, planId)).GetProperty("agreement");
        var customer = agreement.GetProperty("customerIdentifier").GetString();

        var body = await OkAsync(await SendAsync(signer, GetEntitlements, new { ProductCode = productId }));

        var entitlement = Assert.Single(body.GetProperty("Entitlements").EnumerateArray());
        Assert.Equal(productId, entitlement.GetProperty("ProductCode").GetString());
        Assert.Equal("requests", entitlement.GetProperty("Dimension").GetString());
        Assert.Equal(customer, entitlement.GetProperty("CustomerIdentifier").GetString());
        Assert.Equal(1_000_000, entitlement.GetProperty("Value").GetProperty("IntegerValue").GetInt64());
        Assert.False(entitlement.GetProperty("Value").TryGetProperty("BooleanValue", out _));
        Assert.Equal(JsonValueKind.Number, entitlement.GetProperty("ExpirationDate").ValueKind);
        Assert.Equal(app.Clock.GetUtcNow().AddMonths(12).ToUnixTimeSeconds(), entitlement.GetProperty("ExpirationDate").GetInt64());
        Assert.False(body.TryGetProperty("NextToken", out _));
    }

    [Fact]
    public async Task GetEntitlements_shows_usage_dimensions_as_unlimited_and_trial_quotas_as_counts_until_the_trial_ends()
    {
        var signer = await SignerAsync(app.SellerA);
        var plan = TrialPlan(14);
        plan["dimensions"]!.AsArray().Add(Dimension("storage_gb", PerUnit("0.10")));
        var (productId, planId) = await app.PublishedPlanAsync(app.SellerA, "Alpha Trial Quotas", plan);
        await app.SubscribeAsync(app.Buyer, productId, planId);

        var body = await OkAsync(await SendAsync(signer, GetEntitlements, new { ProductCode = productId }));

        var byDimension = body.GetProperty("Entitlements").EnumerateArray().ToDictionary(e => e.GetProperty("Dimension").GetString()!);
        Assert.Equal(10_000, byDimension["requests"].GetProperty("Value").GetProperty("IntegerValue").GetInt64());
        Assert.True(byDimension["storage_gb"].GetProperty("Value").GetProperty("BooleanValue").GetBoolean());
        var trialEnd = app.Clock.GetUtcNow().AddDays(14).ToUnixTimeSeconds();
        Assert.All(byDimension.Values, e => Assert.Equal(trialEnd, e.GetProperty("ExpirationDate").GetInt64()));
    }

    [Fact]
    public async Task GetEntitlements_filters_by_customer_and_dimension_and_leaves_out_suspended_and_cancelled_agreements()
    {
        var signer = await SignerAsync(app.SellerA);
        var plan = UsagePlan("Two dimensions", PerUnit("0.01"));
        plan["dimensions"]!.AsArray().Add(Dimension("storage_gb", PerUnit("0.10")));
        var (productId, planId) = await app.PublishedPlanAsync(app.SellerA, "Alpha Filters", plan);
        var first = (await app.SubscribeAsync(app.Buyer, productId, planId)).GetProperty("agreement");
        var second = (await app.SubscribeAsync(app.OtherBuyer, productId, planId)).GetProperty("agreement");
        var firstCustomer = first.GetProperty("customerIdentifier").GetString()!;
        var secondCustomer = second.GetProperty("customerIdentifier").GetString()!;

        var all = await EntitlementKeysAsync(signer, new { ProductCode = productId });
        var oneCustomer = await EntitlementKeysAsync(signer, new { ProductCode = productId, Filter = new Dictionary<string, string[]> { ["CUSTOMER_IDENTIFIER"] = [firstCustomer] } });
        var both = await EntitlementKeysAsync(signer, new
        {
            ProductCode = productId,
            Filter = new Dictionary<string, string[]> { ["CUSTOMER_IDENTIFIER"] = [firstCustomer, secondCustomer], ["DIMENSION"] = ["storage_gb"] },
        });
        var byAccountId = await EntitlementKeysAsync(signer, new { ProductCode = productId, Filter = new Dictionary<string, string[]> { ["CUSTOMER_AWS_ACCOUNT_ID"] = ["123456789012"] } });

        Assert.Equal(4, all.Count);
        Assert.Equal([$"{firstCustomer}/requests", $"{firstCustomer}/storage_gb"], oneCustomer);
        Assert.Equal(new[] { $"{firstCustomer}/storage_gb", $"{secondCustomer}/storage_gb" }.Order(StringComparer.Ordinal), both.Order(StringComparer.Ordinal));
        Assert.Empty(byAccountId);

        Assert.Equal(HttpStatusCode.OK, (await app.ClientFor(app.SellerA).PostAsJsonAsync($"/api/v1/agreements/{first.GetProperty("id").GetString()}/suspend", new { reason = "unpaid invoice" }, _ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await app.ClientFor(app.OtherBuyer).PostAsJsonAsync($"/api/v1/agreements/{second.GetProperty("id").GetString()}/cancel", new { effective = "immediately" }, _ct)).StatusCode);

        Assert.Empty(await EntitlementKeysAsync(signer, new { ProductCode = productId }));
    }

    [Fact]
    public async Task GetEntitlements_pages_with_a_next_token_without_duplicates_or_omissions()
    {
        var signer = await SignerAsync(app.SellerA);
        var plan = UsagePlan("Three dimensions", PerUnit("0.01"));
        plan["dimensions"]!.AsArray().Add(Dimension("storage_gb", PerUnit("0.10")));
        plan["dimensions"]!.AsArray().Add(Dimension("seats", PerUnit("5")));
        var (productId, planId) = await app.PublishedPlanAsync(app.SellerA, "Alpha Pages", plan);
        await app.SubscribeAsync(app.Buyer, productId, planId);
        await app.SubscribeAsync(app.OtherBuyer, productId, planId);
        var everything = await EntitlementKeysAsync(signer, new { ProductCode = productId });

        var paged = new List<string>();
        string? token = null;
        var pages = 0;
        do
        {
            var body = await OkAsync(await SendAsync(signer, GetEntitlements, new { ProductCode = productId, MaxResults = 4, NextToken = token }));
            paged.AddRange(body.GetProperty("Entitlements").EnumerateArray().Select(Key));
            token = body.TryGetProperty("NextToken", out var next) ? next.GetString() : null;
            pages++;
        }
        while (token is not null && pages < 10);

        Assert.Equal(6, everything.Count);
        Assert.Equal(2, pages);
        Assert.Equal(everything, paged);
    }

    [Fact]
    public async Task GetEntitlements_refuses_another_sellers_product_bad_parameters_and_a_tampered_token()
    {
        var signer = await SignerAsync(app.SellerB);
        var (productId, planId) = await app.PublishedPlanAsync(app.SellerA, "Alpha Private", UsagePlan("Usage", PerUnit("0.01")));
        await app.SubscribeAsync(app.Buyer, productId, planId);
        var ownSigner = await SignerAsync(app.SellerA);
        var plan = UsagePlan("Two", PerUnit("0.01"));
        plan["dimensions"]!.AsArray().Add(Dimension("storage_gb", PerUnit("0.10")));
        var (twoDimensions, twoPlan) = await app.PublishedPlanAsync(app.SellerA, "Alpha Token", plan);
        await app.SubscribeAsync(app.Buyer, twoDimensions, twoPlan);
        var token = (await OkAsync(await SendAsync(ownSigner, GetEntitlements, new { ProductCode = twoDimensions, MaxResults = 1 }))).GetProperty("NextToken").GetString()!;
        var tampered = token[..^4] + (token[^4] == 'A' ? "B" : "A") + token[^3..];

        await AssertErrorAsync(await SendAsync(signer, GetEntitlements, new { ProductCode = productId }), HttpStatusCode.BadRequest, "InvalidParameterException");
        await AssertErrorAsync(await SendAsync(signer, GetEntitlements, new { ProductCode = "not-a-product" }), HttpStatusCode.BadRequest, "InvalidParameterException");
        await AssertErrorAsync(await SendAsync(ownSigner, GetEntitlements, new { }), HttpStatusCode.BadRequest, "InvalidParameterException");
        await AssertErrorAsync(await SendAsync(ownSigner, GetEntitlements, new { ProductCode = productId, MaxResults = 26 }), HttpStatusCode.BadRequest, "InvalidParameterException");
        await AssertErrorAsync(await SendAsync(ownSigner, GetEntitlements, new { ProductCode = productId, Filter = new Dictionary<string, string[]> { ["REGION"] = ["eu"] } }), HttpStatusCode.BadRequest, "InvalidParameterException");
        await AssertErrorAsync(
            await SendAsync(ownSigner, GetEntitlements, new { ProductCode = productId, Filter = new Dictionary<string, string[]> { ["CUSTOMER_IDENTIFIER"] = ["TWX"], ["CUSTOMER_AWS_ACCOUNT_ID"] = ["1"] } }),
            HttpStatusCode.BadRequest, "InvalidParameterException");
        await AssertErrorAsync(await SendAsync(ownSigner, GetEntitlements, new { ProductCode = twoDimensions, NextToken = tampered }), HttpStatusCode.BadRequest, "InvalidParameterException");
        await AssertErrorAsync(await SendAsync(ownSigner, GetEntitlements, new { ProductCode = productId, NextToken = token }), HttpStatusCode.BadRequest, "InvalidParameterException");
        await AssertErrorAsync(await SendAsync(signer, GetEntitlements, new { ProductCode = twoDimensions, NextToken = token }), HttpStatusCode.BadRequest, "InvalidParameterException");
    }

    [Fact]
    public async Task SearchAgreements_finds_the_sellers_agreements_with_aws_statuses_and_summaries()
    {
        var signer = await SignerAsync(app.SellerB);
        var (productId, planId) = await app.PublishedPlanAsync(app.SellerB, "Beta Search", UsagePlan("Usage", PerUnit("0.01")));
        var active = (await app.SubscribeAsync(app.Buyer, productId, planId)).GetProperty("agreement");
        var cancelled = (await app.SubscribeAsync(app.OtherBuyer, productId, planId)).GetProperty("agreement");
        Assert.Equal(HttpStatusCode.OK, (await app.ClientFor(app.OtherBuyer).PostAsJsonAsync($"/api/v1/agreements/{cancelled.GetProperty("id").GetString()}/cancel", new { effective = "immediately" }, _ct)).StatusCode);

        var all = await SearchAsync(signer, Filters(("ResourceIdentifier", [productId])));
        var onlyActive = await SearchAsync(signer, Filters(("ResourceIdentifier", [productId]), ("Status", ["ACTIVE"])));
        var byAcceptor = await SearchAsync(signer, Filters(("AcceptorAccountId", [cancelled.GetProperty("customerIdentifier").GetString()!])));
        var byOffer = await SearchAsync(signer, Filters(("OfferId", [active.GetProperty("offerId").GetString()!])));
        var asAcceptor = await SearchAsync(signer, [new { name = "PartyType", values = new[] { "Acceptor" } }, new { name = "AgreementType", values = new[] { "PurchaseAgreement" } }]);
        var amiProducts = await SearchAsync(signer, Filters(("ResourceType", ["AmiProduct"])));

        Assert.Equal(2, all.Count);
        var summary = all.Single(s => s.GetProperty("agreementId").GetString() == active.GetProperty("id").GetString());
        Assert.Equal("ACTIVE", summary.GetProperty("status").GetString());
        Assert.Equal("PurchaseAgreement", summary.GetProperty("agreementType").GetString());
        Assert.Equal(active.GetProperty("customerIdentifier").GetString(), summary.GetProperty("acceptor").GetProperty("accountId").GetString());
        Assert.Equal(app.SellerB.Organisation.Id.ToString(), summary.GetProperty("proposer").GetProperty("accountId").GetString());
        Assert.Equal(productId, summary.GetProperty("proposalSummary").GetProperty("resources")[0].GetProperty("id").GetString());
        Assert.Equal("SaaSProduct", summary.GetProperty("proposalSummary").GetProperty("resources")[0].GetProperty("type").GetString());
        Assert.Equal(active.GetProperty("offerId").GetString(), summary.GetProperty("proposalSummary").GetProperty("offerId").GetString());
        Assert.Equal(app.Clock.GetUtcNow().ToUnixTimeSeconds(), summary.GetProperty("startTime").GetInt64());
        Assert.Equal(app.Clock.GetUtcNow().ToUnixTimeSeconds(), summary.GetProperty("acceptanceTime").GetInt64());
        Assert.False(summary.TryGetProperty("endTime", out _));
        var ended = all.Single(s => s.GetProperty("agreementId").GetString() == cancelled.GetProperty("id").GetString());
        Assert.Equal("CANCELLED", ended.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Number, ended.GetProperty("endTime").ValueKind);
        Assert.Equal([active.GetProperty("id").GetString()], onlyActive.Select(s => s.GetProperty("agreementId").GetString()));
        Assert.Equal([cancelled.GetProperty("id").GetString()], byAcceptor.Select(s => s.GetProperty("agreementId").GetString()));
        Assert.Contains(byOffer, s => s.GetProperty("agreementId").GetString() == active.GetProperty("id").GetString());
        Assert.Empty(asAcceptor);
        Assert.Empty(amiProducts);
    }

    [Fact]
    public async Task SearchAgreements_never_shows_another_sellers_agreements()
    {
        var (productId, planId) = await app.PublishedPlanAsync(app.SellerA, "Alpha Hidden", UsagePlan("Usage", PerUnit("0.01")));
        var agreement = (await app.SubscribeAsync(app.Buyer, productId, planId)).GetProperty("agreement");
        var other = await SignerAsync(app.SellerB);

        Assert.Empty(await SearchAsync(other, Filters(("ResourceIdentifier", [productId]))));
        Assert.DoesNotContain(await SearchAsync(other, Filters()), s => s.GetProperty("agreementId").GetString() == agreement.GetProperty("id").GetString());
        await AssertErrorAsync(await SendAsync(other, DescribeAgreement, new { agreementId = agreement.GetProperty("id").GetString() }, Json10), HttpStatusCode.NotFound, "ResourceNotFoundException");
        await AssertErrorAsync(await SendAsync(other, GetAgreementTerms, new { agreementId = agreement.GetProperty("id").GetString() }, Json10), HttpStatusCode.NotFound, "ResourceNotFoundException");
    }

    [Fact]
    public async Task SearchAgreements_pages_in_start_time_order_without_duplicates_or_omissions()
    {
        var signer = await SignerAsync(app.SellerB);
        var products = new List<string>();
        var expected = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            var (productId, planId) = await app.PublishedPlanAsync(app.SellerB, $"Beta Page {i}", UsagePlan("Usage", PerUnit("0.01")));
            products.Add(productId);
            foreach (var buyer in new[] { app.Buyer, app.OtherBuyer })
            {
                app.Clock.Advance(TimeSpan.FromMinutes(1));
                expected.Add((await app.SubscribeAsync(buyer, productId, planId)).GetProperty("agreement").GetProperty("id").GetString()!);
            }
        }

        var seen = new List<string>();
        string? token = null;
        var pages = 0;
        do
        {
            var body = await OkAsync(await SendAsync(signer, SearchAgreements, new
            {
                catalog = "AWSMarketplace",
                filters = Filters(("ResourceIdentifier", products.ToArray())),
                sort = new { sortBy = "StartTime", sortOrder = "DESCENDING" },
                maxResults = 4,
                nextToken = token,
            }, Json10));
            seen.AddRange(body.GetProperty("agreementViewSummaries").EnumerateArray().Select(s => s.GetProperty("agreementId").GetString()!));
            token = body.TryGetProperty("nextToken", out var next) ? next.GetString() : null;
            pages++;
        }
        while (token is not null && pages < 10);

        Assert.Equal(2, pages);
        Assert.Equal(Enumerable.Reverse(expected), seen);
    }

    [Fact]
    public async Task SearchAgreements_filters_on_end_time_and_sorts_open_ended_agreements_last()
    {
        var signer = await SignerAsync(app.SellerB);
        var (contractProduct, contractPlan) = await app.PublishedPlanAsync(app.SellerB, "Beta Contract End", ContractPlan("Annual", 12, "1200.00", 1, overage: false));
        var (usageProduct, usagePlan) = await app.PublishedPlanAsync(app.SellerB, "Beta Open End", UsagePlan("Usage", PerUnit("0.01")));
        var contract = (await app.SubscribeAsync(app.Buyer, contractProduct, contractPlan)).GetProperty("agreement").GetProperty("id").GetString();
        var open = (await app.SubscribeAsync(app.Buyer, usageProduct, usagePlan)).GetProperty("agreement").GetProperty("id").GetString();
        var products = ("ResourceIdentifier", new[] { contractProduct, usageProduct });
        var inSixMonths = app.Clock.GetUtcNow().AddMonths(6).ToString("O");
        var inTwoYears = app.Clock.GetUtcNow().AddYears(2).ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);

        var byEnd = await SearchAsync(signer, Filters(products));
        var endsAfterSixMonths = await SearchAsync(signer, Filters(products, ("AfterEndTime", [inSixMonths])));
        var endsBeforeTwoYears = await SearchAsync(signer, Filters(products, ("BeforeEndTime", [inTwoYears])));
        var endsAfterTwoYears = await SearchAsync(signer, Filters(products, ("AfterEndTime", [inTwoYears])));

        Assert.Equal([contract, open], byEnd.Select(s => s.GetProperty("agreementId").GetString()));
        Assert.Equal(2, endsAfterSixMonths.Count);
        Assert.Equal([contract], endsBeforeTwoYears.Select(s => s.GetProperty("agreementId").GetString()));
        Assert.Equal([open], endsAfterTwoYears.Select(s => s.GetProperty("agreementId").GetString()));
    }

    [Fact]
    public async Task SearchAgreements_answers_validation_exceptions_with_reason_fields_and_request_id()
    {
        var signer = await SignerAsync(app.SellerA);

        var catalog = await AssertErrorAsync(await SendAsync(signer, SearchAgreements, new { catalog = "Other", filters = Filters() }, Json10), HttpStatusCode.BadRequest, "ValidationException");
        var party = await AssertErrorAsync(
            await SendAsync(signer, SearchAgreements, new { catalog = "AWSMarketplace", filters = new[] { new { name = "AgreementType", values = new[] { "PurchaseAgreement" } } } }, Json10),
            HttpStatusCode.BadRequest, "ValidationException");
        var sort = await AssertErrorAsync(
            await SendAsync(signer, SearchAgreements, new { catalog = "AWSMarketplace", filters = Filters(), sort = new { sortBy = "LastUpdateTime" } }, Json10), HttpStatusCode.BadRequest, "ValidationException");
        var max = await AssertErrorAsync(await SendAsync(signer, SearchAgreements, new { catalog = "AWSMarketplace", filters = Filters(), maxResults = 51 }, Json10), HttpStatusCode.BadRequest, "ValidationException");
        var token = await AssertErrorAsync(await SendAsync(signer, SearchAgreements, new { catalog = "AWSMarketplace", filters = Filters(), nextToken = "bm90IGEgdG9rZW4=" }, Json10), HttpStatusCode.BadRequest, "ValidationException");
        var status = await AssertErrorAsync(await SendAsync(signer, SearchAgreements, new { catalog = "AWSMarketplace", filters = Filters(("Status", ["RUNNING"])) }, Json10), HttpStatusCode.BadRequest, "ValidationException");
        var unsupported = await AssertErrorAsync(
            await SendAsync(signer, SearchAgreements, new { catalog = "AWSMarketplace", filters = Filters(("EndTimeBehaviorType", ["RENEW"])) }, Json10), HttpStatusCode.BadRequest, "ValidationException");

        Assert.Equal("INVALID_CATALOG", catalog.GetProperty("reason").GetString());
        Assert.Equal("catalog", catalog.GetProperty("fields")[0].GetProperty("name").GetString());
        Assert.Equal("MISSING_PARTY_TYPE", party.GetProperty("reason").GetString());
        Assert.Equal("INVALID_SORT_BY", sort.GetProperty("reason").GetString());
        Assert.Equal("INVALID_MAX_RESULTS", max.GetProperty("reason").GetString());
        Assert.Equal("INVALID_NEXT_TOKEN", token.GetProperty("reason").GetString());
        Assert.Equal("INVALID_STATUS", status.GetProperty("reason").GetString());
        Assert.Equal("UNSUPPORTED_FILTERS", unsupported.GetProperty("reason").GetString());
    }

    [Fact]
    public async Task DescribeAgreement_shows_a_contracts_value_and_end_and_an_unknown_agreement_is_not_found()
    {
        var signer = await SignerAsync(app.SellerA);
        var (productId, planId) = await app.PublishedPlanAsync(app.SellerA, "Alpha Describe", ContractPlan("Annual", 12, "1200.00", 1, overage: false));
        var agreement = (await app.SubscribeAsync(app.Buyer, productId, planId)).GetProperty("agreement");
        var id = agreement.GetProperty("id").GetString();

        var body = await OkAsync(await SendAsync(signer, DescribeAgreement, new { agreementId = id }, Json10));
        var missing = await AssertErrorAsync(await SendAsync(signer, DescribeAgreement, new { agreementId = Guid.NewGuid().ToString() }, Json10), HttpStatusCode.NotFound, "ResourceNotFoundException");
        var malformed = await AssertErrorAsync(await SendAsync(signer, DescribeAgreement, new { agreementId = "agmt-1" }, Json10), HttpStatusCode.NotFound, "ResourceNotFoundException");
        var absent = await AssertErrorAsync(await SendAsync(signer, DescribeAgreement, new { }, Json10), HttpStatusCode.BadRequest, "ValidationException");

        Assert.Equal(id, body.GetProperty("agreementId").GetString());
        Assert.Equal("ACTIVE", body.GetProperty("status").GetString());
        Assert.Equal("USD", body.GetProperty("estimatedCharges").GetProperty("currencyCode").GetString());
        Assert.Equal("1200.00", body.GetProperty("estimatedCharges").GetProperty("agreementValue").GetString());
        Assert.Equal(app.Clock.GetUtcNow().AddMonths(12).ToUnixTimeSeconds(), body.GetProperty("endTime").GetInt64());
        Assert.Equal("EXPIRE", body.GetProperty("endTimeBehavior").GetProperty("type").GetString());
        Assert.Equal("NO_RENEWAL_TERM", body.GetProperty("endTimeBehavior").GetProperty("reasonCode").GetString());
        Assert.Equal("Agreement", missing.GetProperty("resourceType").GetString());
        Assert.Equal("agmt-1", malformed.GetProperty("resourceId").GetString());
        Assert.Equal("MISSING_AGREEMENT_ID", absent.GetProperty("reason").GetString());
    }

    [Fact]
    public async Task GetAgreementTerms_lists_legal_validity_trial_contract_schedule_and_usage_terms_each_as_one_union_member()
    {
        var signer = await SignerAsync(app.SellerA);
        var plan = ContractPlan("Three years yearly", 36, "3000.00", 3, overage: true);
        plan["freeTrial"] = new JsonObject { ["days"] = 14, ["quotas"] = new JsonArray(new JsonObject { ["dimension"] = "requests", ["quantity"] = 5_000 }) };
        var (productId, planId) = await app.PublishedPlanAsync(app.SellerA, "Alpha Terms", plan);
        var id = (await app.SubscribeAsync(app.Buyer, productId, planId)).GetProperty("agreement").GetProperty("id").GetString();

        var body = await OkAsync(await SendAsync(signer, GetAgreementTerms, new { agreementId = id }, Json10));

        var terms = body.GetProperty("acceptedTerms").EnumerateArray().ToList();
        Assert.All(terms, t => Assert.Single(t.EnumerateObject()));
        var byKind = terms.ToDictionary(t => t.EnumerateObject().Single().Name, t => t.EnumerateObject().Single().Value);
        Assert.Equal(["legalTerm", "validityTerm", "freeTrialPricingTerm", "fixedUpfrontPricingTerm", "paymentScheduleTerm", "usageBasedPricingTerm"], byKind.Keys);
        var document = byKind["legalTerm"].GetProperty("documents")[0];
        Assert.Equal("StandardEula", document.GetProperty("type").GetString());
        Assert.Equal("2026-11", document.GetProperty("version").GetString());
        Assert.EndsWith("/legal/standard-contract/2026-11", document.GetProperty("url").GetString(), StringComparison.Ordinal);
        Assert.Equal("P36M14D", byKind["validityTerm"].GetProperty("agreementDuration").GetString());
        Assert.Equal("P14D", byKind["freeTrialPricingTerm"].GetProperty("duration").GetString());
        Assert.Equal(5_000, byKind["freeTrialPricingTerm"].GetProperty("grants")[0].GetProperty("maxQuantity").GetInt64());
        Assert.Equal("3000.00", byKind["fixedUpfrontPricingTerm"].GetProperty("price").GetString());
        Assert.Equal("P36M", byKind["fixedUpfrontPricingTerm"].GetProperty("duration").GetString());
        Assert.Equal(1_000_000, byKind["fixedUpfrontPricingTerm"].GetProperty("grants")[0].GetProperty("maxQuantity").GetInt64());
        var schedule = byKind["paymentScheduleTerm"].GetProperty("schedule").EnumerateArray().ToList();
        Assert.Equal(["1000.00", "1000.00", "1000.00"], schedule.Select(s => s.GetProperty("chargeAmount").GetString()));
        var paidFrom = app.Clock.GetUtcNow().AddDays(14);
        Assert.Equal([paidFrom, paidFrom.AddMonths(12), paidFrom.AddMonths(24)], schedule.Select(s => DateTimeOffset.FromUnixTimeSeconds(s.GetProperty("chargeDate").GetInt64())));
        var rate = byKind["usageBasedPricingTerm"].GetProperty("rateCards")[0].GetProperty("rateCard")[0];
        Assert.Equal("requests", rate.GetProperty("dimensionKey").GetString());
        Assert.Equal("0.001", rate.GetProperty("price").GetString());
        Assert.Equal("USD", byKind["usageBasedPricingTerm"].GetProperty("currencyCode").GetString());
    }

    [Fact]
    public async Task GetAgreementTerms_pages_and_gives_tiered_and_package_prices_one_price_per_unit()
    {
        var signer = await SignerAsync(app.SellerA);
        var plan = UsagePlan("Tiers", Tiered("graduated", (0, 1000, "0.01"), (1000, null, "0.008")));
        plan["dimensions"]!.AsArray().Add(Dimension("exports", new JsonObject { ["model"] = "package", ["packageSize"] = 1000, ["packagePrice"] = "5.00" }));
        var (productId, planId) = await app.PublishedPlanAsync(app.SellerA, "Alpha Tiers", plan);
        var id = (await app.SubscribeAsync(app.Buyer, productId, planId)).GetProperty("agreement").GetProperty("id").GetString();

        var first = await OkAsync(await SendAsync(signer, GetAgreementTerms, new { agreementId = id, maxResults = 2 }, Json10));
        var second = await OkAsync(await SendAsync(signer, GetAgreementTerms, new { agreementId = id, maxResults = 2, nextToken = first.GetProperty("nextToken").GetString() }, Json10));

        Assert.Equal(["legalTerm", "validityTerm"], first.GetProperty("acceptedTerms").EnumerateArray().Select(t => t.EnumerateObject().Single().Name));
        var usage = Assert.Single(second.GetProperty("acceptedTerms").EnumerateArray()).GetProperty("usageBasedPricingTerm");
        Assert.False(second.TryGetProperty("nextToken", out _));
        var prices = usage.GetProperty("rateCards")[0].GetProperty("rateCard").EnumerateArray().ToDictionary(r => r.GetProperty("dimensionKey").GetString()!, r => r.GetProperty("price").GetString());
        Assert.Equal("0.01", prices["requests"]);
        Assert.Equal("0.005", prices["exports"]);
    }

    private static object[] Filters(params (string Name, string[] Values)[] extra) =>
        [new { name = "PartyType", values = new[] { "Proposer" } }, new { name = "AgreementType", values = new[] { "PurchaseAgreement" } }, .. extra.Select(f => new { name = f.Name, values = f.Values })];

    private async Task<List<JsonElement>> SearchAsync(AwsTestSigner signer, object[] filters) =>
        (await OkAsync(await SendAsync(signer, SearchAgreements, new { catalog = "AWSMarketplace", filters }, Json10)))
            .GetProperty("agreementViewSummaries").EnumerateArray().ToList();

    private async Task<List<string>> EntitlementKeysAsync(AwsTestSigner signer, object input) =>
        (await OkAsync(await SendAsync(signer, GetEntitlements, input))).GetProperty("Entitlements").EnumerateArray().Select(Key).ToList();

    private static string Key(JsonElement entitlement) => $"{entitlement.GetProperty("CustomerIdentifier").GetString()}/{entitlement.GetProperty("Dimension").GetString()}";

    private Task<HttpResponseMessage> SendAsync(AwsTestSigner signer, string target, object input, string contentType = "application/x-amz-json-1.1") =>
        app.CreateClient().SendAsync(signer.Request(target, JsonSerializer.Serialize(input, IgnoreNulls), app.Clock.GetUtcNow(), contentType), _ct);

    private static readonly JsonSerializerOptions IgnoreNulls = new() { DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull };

    private static async Task<JsonElement> OkAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private static async Task<JsonElement> AssertErrorAsync(HttpResponseMessage response, HttpStatusCode status, string type)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"{(int)response.StatusCode}: {text}");
        var body = JsonDocument.Parse(text).RootElement.Clone();
        Assert.Equal(type, body.GetProperty("__type").GetString());
        Assert.False(string.IsNullOrWhiteSpace(body.GetProperty("message").GetString()));
        if (response.Content.Headers.ContentType?.MediaType == "application/x-amz-json-1.0")
        {
            Assert.Equal(response.Headers.GetValues("x-amzn-RequestId").Single(), body.GetProperty("requestId").GetString());
        }

        return body;
    }

    private async Task<AwsTestSigner> SignerAsync(Tenant seller)
    {
        var response = await app.ClientFor(seller).PostAsJsonAsync("/api/v1/aws-access-keys", new { name = "agreement tests" }, _ct);
        var key = await response.ReadJsonAsync();
        return new AwsTestSigner(key.GetProperty("accessKeyId").GetString()!, key.GetProperty("secretAccessKey").GetString()!);
    }
}
