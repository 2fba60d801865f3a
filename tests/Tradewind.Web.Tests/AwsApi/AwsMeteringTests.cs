using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Tradewind.Contracts;
using Tradewind.Contracts.Accounts;
using Tradewind.Contracts.Metering;
using Tradewind.Web.Tests.Infrastructure;

namespace Tradewind.Web.Tests.AwsApi;

/// <summary>
/// The AWS-compatible Metering service through the real HTTP pipeline with signed requests: BatchMeterUsage,
/// MeterUsage (customer-bound keys), ResolveCustomer and RegisterUsage, with every status and modeled error.
/// </summary>
public sealed class AwsMeteringTests(TradewindApp app) : IClassFixture<TradewindApp>
{
    private const string Batch = "AWSMPMeteringService.BatchMeterUsage";
    private const string Meter = "AWSMPMeteringService.MeterUsage";
    private const string Resolve = "AWSMPMeteringService.ResolveCustomer";
    private const string Register = "AWSMPMeteringService.RegisterUsage";

    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    private static DateTimeOffset Now => TimeProvider.System.GetUtcNow();

    // Records count from the agreement's start, so a test stamps its records with the time just after subscribing
    // (in milliseconds, as the SDKs send it), and reuses that one instant so repeated calls meet the same hour.
    private static string Stamp(DateTimeOffset at) => (at.ToUnixTimeMilliseconds() / 1000m).ToString(CultureInfo.InvariantCulture);

    [Fact]
    public async Task Batch_meter_usage_answers_success_duplicate_record_and_customer_not_subscribed()
    {
        var customer = await app.SubscribedCustomerAsync(app.SellerA, app.Buyer, "Alpha Batch Statuses");
        var othersCustomer = await app.SubscribedCustomerAsync(app.SellerB, app.Buyer, "Beta Batch Statuses");
        var key = await app.AwsKeyAsync(app.SellerA);
        var at = Stamp(Now);

        var first = await OkAsync(key, Batch, BatchBody(customer.ProductId, Record(customer.CustomerIdentifier, 5, at)));
        var second = await OkAsync(key, Batch, BatchBody(
            null,
            Record(customer.CustomerIdentifier, 5, at),
            Record(customer.CustomerIdentifier, 9, at),
            Record("cust-nobody", 1, at),
            Record(othersCustomer.CustomerIdentifier, 1, at)));

        var firstResult = first.GetProperty("Results")[0];
        Assert.Equal("Success", firstResult.GetProperty("Status").GetString());
        var recordId = firstResult.GetProperty("MeteringRecordId").GetString();
        Assert.False(string.IsNullOrEmpty(recordId));
        Assert.Equal(customer.CustomerIdentifier, firstResult.GetProperty("UsageRecord").GetProperty("CustomerIdentifier").GetString());
        Assert.Equal(decimal.Parse(at, CultureInfo.InvariantCulture), firstResult.GetProperty("UsageRecord").GetProperty("Timestamp").GetDecimal());
        Assert.Empty(first.GetProperty("UnprocessedRecords").EnumerateArray());
        var results = second.GetProperty("Results").EnumerateArray().ToList();
        Assert.Equal(["Success", "DuplicateRecord", "CustomerNotSubscribed", "CustomerNotSubscribed"], results.Select(r => r.GetProperty("Status").GetString()));
        Assert.Equal(recordId, results[0].GetProperty("MeteringRecordId").GetString());
        var stored = Assert.Single(await RecordsAsync(app.SellerA, customer.CustomerIdentifier));
        Assert.Equal(5, stored.Quantity);
    }

    [Fact]
    public async Task One_timestamp_out_of_the_window_refuses_the_whole_batch()
    {
        var customer = await app.SubscribedCustomerAsync(app.SellerA, app.Buyer, "Alpha Batch Window");
        var key = await app.AwsKeyAsync(app.SellerA);

        var response = await SendAsync(key, Batch, BatchBody(
            customer.ProductId, Record(customer.CustomerIdentifier, 1, Stamp(Now)), Record(customer.CustomerIdentifier, 1, Stamp(Now.AddHours(-25)))));

        await AssertAwsErrorAsync(response, HttpStatusCode.BadRequest, "TimestampOutOfBoundsException");
        Assert.Empty(await RecordsAsync(app.SellerA, customer.CustomerIdentifier));
    }

    [Fact]
    public async Task Unknown_dimensions_bad_allocations_and_too_many_tags_refuse_the_batch_with_their_exceptions()
    {
        var customer = await app.SubscribedCustomerAsync(app.SellerA, app.Buyer, "Alpha Batch Errors");
        var key = await app.AwsKeyAsync(app.SellerA);
        var c = customer.CustomerIdentifier;
        var at = Stamp(Now);
        var sixTags = string.Join(',', Enumerable.Range(1, 6).Select(i => $$"""{"Key":"k{{i}}","Value":"v"}"""));

        await AssertAwsErrorAsync(
            await SendAsync(key, Batch, BatchBody(customer.ProductId, $$"""{"Timestamp":{{at}},"CustomerIdentifier":"{{c}}","Dimension":"no_such_dimension","Quantity":1}""")),
            HttpStatusCode.BadRequest, "InvalidUsageDimensionException");
        await AssertAwsErrorAsync(
            await SendAsync(key, Batch, BatchBody(customer.ProductId, $$"""{"Timestamp":{{at}},"CustomerIdentifier":"{{c}}","Dimension":"requests","Quantity":5,"UsageAllocations":[{"AllocatedUsageQuantity":2}]}""")),
            HttpStatusCode.BadRequest, "InvalidUsageAllocationsException");
        await AssertAwsErrorAsync(
            await SendAsync(key, Batch, BatchBody(customer.ProductId, $$"""{"Timestamp":{{at}},"CustomerIdentifier":"{{c}}","Dimension":"requests","Quantity":5,"UsageAllocations":[{"AllocatedUsageQuantity":5,"Tags":[{{sixTags}}]}]}""")),
            HttpStatusCode.BadRequest, "InvalidTagException");
        Assert.Empty(await RecordsAsync(app.SellerA, c));
    }

    [Fact]
    public async Task Batch_meter_usage_refuses_26_records_another_sellers_product_and_aws_account_ids()
    {
        var customer = await app.SubscribedCustomerAsync(app.SellerA, app.Buyer, "Alpha Batch Refusals");
        var othersCustomer = await app.SubscribedCustomerAsync(app.SellerB, app.Buyer, "Beta Batch Refusals");
        var key = await app.AwsKeyAsync(app.SellerA);
        var at = Stamp(Now);

        var tooMany = await AssertAwsErrorAsync(
            await SendAsync(key, Batch, BatchBody(customer.ProductId, Enumerable.Range(0, 26).Select(_ => Record(customer.CustomerIdentifier, 1, at)).ToArray())),
            HttpStatusCode.BadRequest, "ValidationException");
        Assert.Contains("Member must have length less than or equal to 25", tooMany.GetProperty("message").GetString(), StringComparison.Ordinal);
        await AssertAwsErrorAsync(
            await SendAsync(key, Batch, BatchBody(othersCustomer.ProductId, Record(othersCustomer.CustomerIdentifier, 1, at))), HttpStatusCode.BadRequest, "InvalidProductCodeException");
        await AssertAwsErrorAsync(
            await SendAsync(key, Batch, BatchBody(customer.ProductId, $$"""{"Timestamp":{{at}},"CustomerAWSAccountId":"123456789012","Dimension":"requests","Quantity":1}""")),
            HttpStatusCode.BadRequest, "InvalidCustomerIdentifierException");
        Assert.Empty(await RecordsAsync(app.SellerA, customer.CustomerIdentifier));
    }

    [Fact]
    public async Task Meter_usage_with_a_bound_key_answers_one_record_id_per_hour_and_refuses_another_quantity()
    {
        var customer = await app.SubscribedCustomerAsync(app.SellerA, app.Buyer, "Alpha Meter Usage");
        var key = await app.AwsKeyAsync(app.SellerA, customer.CustomerIdentifier);
        var at = Stamp(Now);

        var first = await OkAsync(key, Meter, MeterBody(customer.ProductId, 4, at, clientToken: "token-a"));
        var again = await OkAsync(key, Meter, MeterBody(customer.ProductId, 4, at, clientToken: "token-b"));
        var replay = await OkAsync(key, Meter, MeterBody(customer.ProductId, 4, at, clientToken: "token-a"));
        var changed = await SendAsync(key, Meter, MeterBody(customer.ProductId, 6, at, clientToken: "token-c"));

        var id = first.GetProperty("MeteringRecordId").GetString();
        Assert.False(string.IsNullOrEmpty(id));
        Assert.Equal(id, again.GetProperty("MeteringRecordId").GetString());
        Assert.Equal(id, replay.GetProperty("MeteringRecordId").GetString());
        await AssertAwsErrorAsync(changed, HttpStatusCode.BadRequest, "DuplicateRequestException");
        var stored = Assert.Single(await RecordsAsync(app.SellerA, customer.CustomerIdentifier));
        Assert.Equal((4L, UsageSource.MeterUsage), (stored.Quantity, stored.Source));
    }

    [Fact]
    public async Task A_client_token_reused_with_other_parameters_is_a_409_idempotency_conflict()
    {
        var customer = await app.SubscribedCustomerAsync(app.SellerA, app.Buyer, "Alpha Client Token");
        var key = await app.AwsKeyAsync(app.SellerA, customer.CustomerIdentifier);

        var at = Stamp(Now);
        await OkAsync(key, Meter, MeterBody(customer.ProductId, 1, at, clientToken: "token-x"));
        var conflict = await SendAsync(key, Meter, MeterBody(customer.ProductId, 2, at, clientToken: "token-x"));

        await AssertAwsErrorAsync(conflict, HttpStatusCode.Conflict, "IdempotencyConflictException");
    }

    [Fact]
    public async Task Meter_usage_refuses_an_unbound_key_an_old_timestamp_and_answers_a_dry_run_with_dry_run_operation()
    {
        var customer = await app.SubscribedCustomerAsync(app.SellerA, app.Buyer, "Alpha Meter Refusals");
        var unbound = await app.AwsKeyAsync(app.SellerA);
        var bound = await app.AwsKeyAsync(app.SellerA, customer.CustomerIdentifier);

        var at = Stamp(Now);
        var notEntitled = await AssertAwsErrorAsync(
            await SendAsync(unbound, Meter, MeterBody(customer.ProductId, 1, at)), HttpStatusCode.BadRequest, "CustomerNotEntitledException");
        Assert.Contains("bound to that customer", notEntitled.GetProperty("message").GetString(), StringComparison.Ordinal);
        await AssertAwsErrorAsync(
            await SendAsync(bound, Meter, MeterBody(customer.ProductId, 1, Stamp(Now.AddHours(-7)))), HttpStatusCode.BadRequest, "TimestampOutOfBoundsException");
        await AssertAwsErrorAsync(
            await SendAsync(bound, Meter, MeterBody(customer.ProductId, 1, at, dryRun: true)), HttpStatusCode.PreconditionFailed, "DryRunOperation");
        await AssertAwsErrorAsync(
            await SendAsync(bound, Meter, MeterBody(customer.ProductId, 1, at, dimension: "nope", dryRun: true)), HttpStatusCode.BadRequest, "InvalidUsageDimensionException");
        Assert.Empty(await RecordsAsync(app.SellerA, customer.CustomerIdentifier));
    }

    [Fact]
    public async Task Resolve_customer_answers_the_customer_once_and_refuses_other_sellers_and_made_up_tokens()
    {
        var customer = await app.SubscribedCustomerAsync(app.SellerA, app.Buyer, "Alpha Resolve");
        var other = await app.SubscribedCustomerAsync(app.SellerB, app.Buyer, "Beta Resolve");
        var key = await app.AwsKeyAsync(app.SellerA);

        var resolved = await OkAsync(key, Resolve, $$"""{"RegistrationToken":"{{customer.RegistrationToken}}"}""");

        Assert.Equal(customer.CustomerIdentifier, resolved.GetProperty("CustomerIdentifier").GetString());
        Assert.Equal(customer.ProductId, resolved.GetProperty("ProductCode").GetString());
        Assert.False(resolved.TryGetProperty("CustomerAWSAccountId", out _));
        Assert.False(resolved.TryGetProperty("LicenseArn", out _));
        foreach (var token in new[] { customer.RegistrationToken, other.RegistrationToken, "made-up-token" })
        {
            await AssertAwsErrorAsync(await SendAsync(key, Resolve, $$"""{"RegistrationToken":"{{token}}"}"""), HttpStatusCode.BadRequest, "InvalidTokenException");
        }
    }

    [Fact]
    public async Task Register_usage_signs_a_jwt_that_verifies_with_the_published_public_key()
    {
        var customer = await app.SubscribedCustomerAsync(app.SellerA, app.Buyer, "Alpha Containers");
        var key = await app.AwsKeyAsync(app.SellerA, customer.CustomerIdentifier);

        var registered = await OkAsync(key, Register, $$"""{"ProductCode":"{{customer.ProductId}}","PublicKeyVersion":1,"Nonce":"n-123"}""");
        var pemResponse = await app.CreateClient().GetAsync("/.well-known/tradewind/metering-public-key.pem", _ct);

        Assert.Equal(HttpStatusCode.OK, pemResponse.StatusCode);
        var pem = await pemResponse.Content.ReadAsStringAsync(_ct);
        Assert.StartsWith("-----BEGIN PUBLIC KEY-----", pem, StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Number, registered.GetProperty("PublicKeyRotationTimestamp").ValueKind);
        using var publicKey = System.Security.Cryptography.ECDsa.Create();
        publicKey.ImportFromPem(pem);
        var validation = await new JsonWebTokenHandler().ValidateTokenAsync(registered.GetProperty("Signature").GetString(), new TokenValidationParameters
        {
            IssuerSigningKey = new ECDsaSecurityKey(publicKey),
            ValidateIssuer = false,
            ValidateAudience = false,
            ValidateLifetime = false,
            RequireExpirationTime = false,
            ValidAlgorithms = [SecurityAlgorithms.EcdsaSha256],
        });
        Assert.True(validation.IsValid, validation.Exception?.Message);
        var jwt = (JsonWebToken)validation.SecurityToken;
        Assert.Equal(customer.ProductId, jwt.GetClaim("productCode").Value);
        Assert.Equal(customer.CustomerIdentifier, jwt.GetClaim("customerIdentifier").Value);
        Assert.Equal("n-123", jwt.GetClaim("nonce").Value);
        Assert.Equal("1", jwt.GetClaim("publicKeyVersion").Value);
        Assert.InRange(long.Parse(jwt.GetClaim("iat").Value, CultureInfo.InvariantCulture), Now.AddMinutes(-5).ToUnixTimeSeconds(), Now.AddMinutes(5).ToUnixTimeSeconds());
    }

    [Fact]
    public async Task Register_usage_refuses_unbound_keys_unknown_key_versions_and_customers_whose_agreement_ended()
    {
        var customer = await app.SubscribedCustomerAsync(app.SellerA, app.Buyer, "Alpha Containers Refusals");
        var unbound = await app.AwsKeyAsync(app.SellerA);
        var bound = await app.AwsKeyAsync(app.SellerA, customer.CustomerIdentifier);
        var body = $$"""{"ProductCode":"{{customer.ProductId}}","PublicKeyVersion":1}""";

        await AssertAwsErrorAsync(await SendAsync(unbound, Register, body), HttpStatusCode.BadRequest, "CustomerNotEntitledException");
        await AssertAwsErrorAsync(
            await SendAsync(bound, Register, $$"""{"ProductCode":"{{customer.ProductId}}","PublicKeyVersion":2}"""), HttpStatusCode.BadRequest, "InvalidPublicKeyVersionException");
        var cancelled = await app.ClientFor(app.Buyer).PostAsync(
            $"/api/v1/agreements/{customer.AgreementId}/cancel", HttpAssertions.Json("""{"effective":"immediately"}"""), _ct);
        Assert.Equal(HttpStatusCode.OK, cancelled.StatusCode);
        await AssertAwsErrorAsync(await SendAsync(bound, Register, body), HttpStatusCode.BadRequest, "CustomerNotEntitledException");
    }

    private static string Record(string customer, int quantity, string at, string dimension = "requests") =>
        $$"""{"Timestamp":{{at}},"CustomerIdentifier":"{{customer}}","Dimension":"{{dimension}}","Quantity":{{quantity}}}""";

    private static string BatchBody(string? productCode, params string[] records) =>
        productCode is null
            ? $$"""{"UsageRecords":[{{string.Join(',', records)}}]}"""
            : $$"""{"ProductCode":"{{productCode}}","UsageRecords":[{{string.Join(',', records)}}]}""";

    private static string MeterBody(string productCode, int quantity, string at, string dimension = "requests", string? clientToken = null, bool dryRun = false) =>
        $$"""{"ProductCode":"{{productCode}}","Timestamp":{{at}},"UsageDimension":"{{dimension}}","UsageQuantity":{{quantity}},"DryRun":{{(dryRun ? "true" : "false")}}{{(clientToken is null ? "" : $",\"ClientToken\":\"{clientToken}\"")}}}""";

    private Task<HttpResponseMessage> SendAsync(CreatedAwsKey key, string target, string body) =>
        app.CreateClient().SendAsync(new AwsTestSigner(key.AccessKeyId, key.SecretAccessKey).Request(target, body, Now), _ct);

    private async Task<JsonElement> OkAsync(CreatedAwsKey key, string target, string body)
    {
        var response = await SendAsync(key, target, body);
        var text = await response.Content.ReadAsStringAsync(_ct);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{target}: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private async Task<JsonElement> AssertAwsErrorAsync(HttpResponseMessage response, HttpStatusCode status, string type)
    {
        var text = await response.Content.ReadAsStringAsync(_ct);
        Assert.True(response.StatusCode == status, $"expected {(int)status} {type}, got {(int)response.StatusCode}: {text}");
        var body = JsonDocument.Parse(text).RootElement.Clone();
        Assert.Equal(type, body.GetProperty("__type").GetString());
        Assert.Equal(type, response.Headers.GetValues("x-amzn-ErrorType").Single());
        Assert.False(string.IsNullOrWhiteSpace(body.GetProperty("message").GetString()));
        return body;
    }

    private Task<IReadOnlyList<UsageRecordDto>> RecordsAsync(Tenant seller, string customerIdentifier) =>
        app.WithScopeAsync<IReadOnlyList<UsageRecordDto>>(async services =>
        {
            var page = await services.GetRequiredService<IUsageQueries>().ListRecordsAsync(
                new UsageRecordFilter(CustomerIdentifier: customerIdentifier), new UsageCaller(seller.Organisation.Id, Roles.Seller, "test"), new PageRequest(1, 100), _ct);
            return page.Items;
        });
}

/// <summary>ResolveCustomer after the token's lifetime, with the test clock moved past it.</summary>
public sealed class AwsResolveCustomerExpiryTests(AgreementsApp app) : IClassFixture<AgreementsApp>
{
    [Fact]
    public async Task A_token_resolved_after_its_lifetime_is_an_expired_token()
    {
        var customer = await app.SubscribedCustomerAsync(app.SellerA, app.Buyer, "Alpha Resolve Late");
        var key = await app.AwsKeyAsync(app.SellerA);
        app.Clock.Advance(TimeSpan.FromHours(2));

        var request = new AwsTestSigner(key.AccessKeyId, key.SecretAccessKey)
            .Request("AWSMPMeteringService.ResolveCustomer", $$"""{"RegistrationToken":"{{customer.RegistrationToken}}"}""", app.Clock.GetUtcNow());
        var response = await app.CreateClient().SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("ExpiredTokenException", (await response.ReadJsonAsync()).GetProperty("__type").GetString());
    }
}
