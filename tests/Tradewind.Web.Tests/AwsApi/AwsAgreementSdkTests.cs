using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Tradewind.Web.Tests.Infrastructure;
using static Tradewind.Web.Tests.Infrastructure.CatalogRequests;

namespace Tradewind.Web.Tests.AwsApi;

/// <summary>
/// The real <c>@aws-sdk/client-marketplace-entitlement-service</c> and <c>@aws-sdk/client-marketplace-agreement</c>
/// clients (tests/aws-sdk) against the real server: outputs parse, timestamps arrive as <c>Date</c>s, and a missing
/// agreement surfaces as the SDK's <c>ResourceNotFoundException</c> class.
/// </summary>
public sealed class AwsAgreementSdkTests(KestrelTradewindApp app) : IClassFixture<KestrelTradewindApp>
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task GetEntitlements_through_the_sdk_gives_values_and_an_expiration_date()
    {
        var key = await NewKeyAsync();
        var (productId, agreementId, customer) = await SubscribedAsync("SDK Entitled", ContractPlan("Annual", 12, "1200.00", 1, overage: false));

        var result = await CallAsync(key, "entitlement", "GetEntitlements", new { ProductCode = productId, Filter = new { CUSTOMER_IDENTIFIER = new[] { customer } } });

        var entitlement = Assert.Single(Output(result).GetProperty("Entitlements").EnumerateArray());
        Assert.Equal(productId, entitlement.GetProperty("ProductCode").GetString());
        Assert.Equal(customer, entitlement.GetProperty("CustomerIdentifier").GetString());
        Assert.Equal("requests", entitlement.GetProperty("Dimension").GetString());
        Assert.Equal(1_000_000, entitlement.GetProperty("Value").GetProperty("IntegerValue").GetInt64());
        var expires = DateOf(entitlement.GetProperty("ExpirationDate"));
        Assert.InRange(expires, TimeProvider.System.GetUtcNow().AddMonths(12).AddDays(-1), TimeProvider.System.GetUtcNow().AddMonths(12).AddDays(1));
        Assert.False(string.IsNullOrEmpty(agreementId));
    }

    [Fact]
    public async Task SearchAgreements_DescribeAgreement_and_GetAgreementTerms_parse_in_the_sdk()
    {
        var key = await NewKeyAsync();
        var (productId, agreementId, customer) = await SubscribedAsync("SDK Agreements", UsagePlan("Usage", PerUnit("0.0125")));

        var search = Output(await CallAsync(key, "agreement", "SearchAgreements", new
        {
            catalog = "AWSMarketplace",
            filters = new object[]
            {
                new { name = "PartyType", values = new[] { "Proposer" } },
                new { name = "AgreementType", values = new[] { "PurchaseAgreement" } },
                new { name = "ResourceIdentifier", values = new[] { productId } },
            },
            sort = new { sortBy = "StartTime", sortOrder = "DESCENDING" },
            maxResults = 10,
        }));
        var describe = Output(await CallAsync(key, "agreement", "DescribeAgreement", new { agreementId }));
        var terms = Output(await CallAsync(key, "agreement", "GetAgreementTerms", new { agreementId }));

        var summary = Assert.Single(search.GetProperty("agreementViewSummaries").EnumerateArray());
        Assert.Equal(agreementId, summary.GetProperty("agreementId").GetString());
        Assert.Equal("ACTIVE", summary.GetProperty("status").GetString());
        Assert.Equal(customer, summary.GetProperty("acceptor").GetProperty("accountId").GetString());
        Assert.InRange(DateOf(summary.GetProperty("startTime")), TimeProvider.System.GetUtcNow().AddMinutes(-10), TimeProvider.System.GetUtcNow().AddMinutes(1));
        DateOf(summary.GetProperty("acceptanceTime"));
        Assert.False(search.TryGetProperty("nextToken", out var next) && next.ValueKind != JsonValueKind.Null);

        Assert.Equal("PurchaseAgreement", describe.GetProperty("agreementType").GetString());
        Assert.Equal("0", describe.GetProperty("estimatedCharges").GetProperty("agreementValue").GetString());
        Assert.Equal("RENEW", describe.GetProperty("endTimeBehavior").GetProperty("type").GetString());
        Assert.Equal(productId, describe.GetProperty("proposalSummary").GetProperty("resources")[0].GetProperty("id").GetString());
        DateOf(describe.GetProperty("startTime"));

        var accepted = terms.GetProperty("acceptedTerms").EnumerateArray().ToList();
        var validity = accepted.Single(t => t.TryGetProperty("validityTerm", out _)).GetProperty("validityTerm");
        DateOf(validity.GetProperty("agreementStartDate"));
        var rate = accepted.Single(t => t.TryGetProperty("usageBasedPricingTerm", out _)).GetProperty("usageBasedPricingTerm").GetProperty("rateCards")[0].GetProperty("rateCard")[0];
        Assert.Equal("0.0125", rate.GetProperty("price").GetString());
        Assert.Contains(accepted, t => t.TryGetProperty("legalTerm", out _));
    }

    [Fact]
    public async Task An_unknown_agreement_surfaces_as_the_sdks_resource_not_found_exception_with_its_request_id()
    {
        var key = await NewKeyAsync();

        var result = await CallAsync(key, "agreement", "GetAgreementTerms", new { agreementId = Guid.NewGuid().ToString() });

        Assert.False(result.GetProperty("ok").GetBoolean(), result.GetRawText());
        Assert.Equal("ResourceNotFoundException", result.GetProperty("name").GetString());
        Assert.Equal("ResourceNotFoundException", result.GetProperty("className").GetString());
        Assert.Equal(404, result.GetProperty("httpStatusCode").GetInt32());
        Assert.Equal(result.GetProperty("requestId").GetString(), result.GetProperty("members").GetProperty("requestId").GetString());
        Assert.Equal("Agreement", result.GetProperty("members").GetProperty("resourceType").GetString());
    }

    [Fact]
    public async Task A_validation_exception_surfaces_in_the_sdk_with_its_reason_and_fields()
    {
        var key = await NewKeyAsync();

        var result = await CallAsync(key, "agreement", "SearchAgreements", new { catalog = "AWSMarketplace", filters = Array.Empty<object>() });

        Assert.Equal("ValidationException", result.GetProperty("className").GetString());
        Assert.Equal(400, result.GetProperty("httpStatusCode").GetInt32());
        Assert.Equal("MISSING_PARTY_TYPE", result.GetProperty("members").GetProperty("reason").GetString());
        Assert.Equal("filters", result.GetProperty("members").GetProperty("fields")[0].GetProperty("name").GetString());
    }

    private static JsonElement Output(JsonElement result)
    {
        Assert.True(result.GetProperty("ok").GetBoolean(), result.GetRawText());
        return result.GetProperty("output");
    }

    /// <summary>A timestamp the SDK parsed as a JavaScript <c>Date</c> (call.mjs writes those as <c>{"$date": …}</c>).</summary>
    private static DateTimeOffset DateOf(JsonElement value)
    {
        Assert.Equal(JsonValueKind.Object, value.ValueKind);
        return value.GetProperty("$date").GetDateTimeOffset();
    }

    private async Task<(string ProductId, string AgreementId, string CustomerIdentifier)> SubscribedAsync(string title, JsonObject plan)
    {
        var seller = app.ClientFor(app.SellerA);
        var created = await seller.PostAsync(Url("/api/v1/products"), Body(Listing(title)), _ct);
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync(_ct));
        var productId = (await created.ReadJsonAsync()).GetProperty("id").GetString()!;
        var planResponse = await seller.PostAsync(Url($"/api/v1/products/{productId}/plans"), Body(plan), _ct);
        Assert.True(planResponse.IsSuccessStatusCode, await planResponse.Content.ReadAsStringAsync(_ct));
        var planId = (await planResponse.ReadJsonAsync()).GetProperty("id").GetString()!;
        Assert.Equal(HttpStatusCode.OK, (await seller.PostAsync(Url($"/api/v1/products/{productId}/submit"), null, _ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await app.ClientFor(app.Operator).PostAsync(Url($"/api/v1/review/{productId}/approve"), null, _ct)).StatusCode);
        var subscribed = await app.ClientFor(app.Buyer).PostAsync(
            Url("/api/v1/agreements"), Body(new JsonObject { ["productId"] = productId, ["planId"] = planId, ["acceptedLicenceVersion"] = "2026-11" }), _ct);
        Assert.True(subscribed.StatusCode == HttpStatusCode.Created, await subscribed.Content.ReadAsStringAsync(_ct));
        var agreement = (await subscribed.ReadJsonAsync()).GetProperty("agreement");
        return (productId, agreement.GetProperty("id").GetString()!, agreement.GetProperty("customerIdentifier").GetString()!);
    }

    private Uri Url(string path) => new(app.BaseAddress, path);

    private sealed record Key(string AccessKeyId, string Secret);

    private async Task<Key> NewKeyAsync()
    {
        var response = await app.ClientFor(app.SellerA).PostAsJsonAsync(Url("/api/v1/aws-access-keys"), new { name = "sdk agreement test" }, _ct);
        var key = await response.ReadJsonAsync();
        return new Key(key.GetProperty("accessKeyId").GetString()!, key.GetProperty("secretAccessKey").GetString()!);
    }

    /// <summary>One operation through the SDK, without its retries.</summary>
    private Task<JsonElement> CallAsync(Key key, string client, string operation, object input) =>
        AwsSdkHarness.CallAsync(app.BaseAddress, key.AccessKeyId, key.Secret, client, operation, input, _ct, maxAttempts: 1);
}
