using System.Globalization;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Tradewind.Web.Tests.Infrastructure;

namespace Tradewind.Web.Tests.AwsApi;

/// <summary>The host on a real Kestrel port, for clients outside the process (the AWS SDK for JavaScript).</summary>
public sealed class KestrelTradewindApp : TradewindApp
{
    // Port 0 on an explicit loopback endpoint: a free port chosen by the OS (UseKestrel(0) would mean 5000).
    public KestrelTradewindApp() => UseKestrel(options => options.Listen(System.Net.IPAddress.Loopback, 0));

    public Uri BaseAddress
    {
        get
        {
            StartServer();
            var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses
                ?? throw new InvalidOperationException("Kestrel reported no addresses.");
            return new Uri(addresses.First());
        }
    }
}

/// <summary>
/// The real AWS SDK for JavaScript v3 Marketplace clients (pinned in tests/aws-sdk, installed with <c>npm ci</c>)
/// against the real server: the Metering operations answer what AWS answers and their modeled errors surface as the
/// SDK's own exception classes; Entitlement and Agreement operations not offered yet come back as
/// <c>UnknownOperationException</c>, which still proves the SDK's signatures verify.
/// </summary>
public sealed class AwsSdkCompatibilityTests(KestrelTradewindApp app) : IClassFixture<KestrelTradewindApp>
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task Batch_meter_usage_through_the_sdk_answers_success_duplicate_record_and_customer_not_subscribed()
    {
        var customer = await app.SubscribedCustomerAsync(app.SellerA, app.Buyer, "Alpha SDK Batch");
        var key = await NewKeyAsync();
        var at = Iso(TimeProvider.System.GetUtcNow());

        var first = await CallAsync(key, "metering", "BatchMeterUsage", new
        {
            ProductCode = customer.ProductId,
            UsageRecords = new[] { new { Timestamp = at, CustomerIdentifier = customer.CustomerIdentifier, Dimension = "requests", Quantity = 3 } },
        }, dateFields: ["UsageRecords[].Timestamp"]);
        var second = await CallAsync(key, "metering", "BatchMeterUsage", new
        {
            ProductCode = customer.ProductId,
            UsageRecords = new[]
            {
                new { Timestamp = at, CustomerIdentifier = customer.CustomerIdentifier, Dimension = "requests", Quantity = 3 },
                new { Timestamp = at, CustomerIdentifier = customer.CustomerIdentifier, Dimension = "requests", Quantity = 8 },
                new { Timestamp = at, CustomerIdentifier = "cust-unknown", Dimension = "requests", Quantity = 1 },
            },
        }, dateFields: ["UsageRecords[].Timestamp"]);

        var firstResult = Ok(first).GetProperty("Results")[0];
        Assert.Equal("Success", firstResult.GetProperty("Status").GetString());
        var recordId = firstResult.GetProperty("MeteringRecordId").GetString();
        Assert.False(string.IsNullOrEmpty(recordId));
        Assert.Equal(DateTimeOffset.Parse(at, CultureInfo.InvariantCulture), firstResult.GetProperty("UsageRecord").GetProperty("Timestamp").GetProperty("$date").GetDateTimeOffset());
        var results = Ok(second).GetProperty("Results").EnumerateArray().ToList();
        Assert.Equal(["Success", "DuplicateRecord", "CustomerNotSubscribed"], results.Select(r => r.GetProperty("Status").GetString()));
        Assert.Equal(recordId, results[0].GetProperty("MeteringRecordId").GetString());
    }

    [Fact]
    public async Task An_out_of_window_timestamp_surfaces_as_the_modeled_timestamp_out_of_bounds_exception()
    {
        var customer = await app.SubscribedCustomerAsync(app.SellerA, app.Buyer, "Alpha SDK Window");
        var key = await NewKeyAsync();

        var result = await CallAsync(key, "metering", "BatchMeterUsage", new
        {
            ProductCode = customer.ProductId,
            UsageRecords = new[] { new { Timestamp = Iso(TimeProvider.System.GetUtcNow().AddDays(-2)), CustomerIdentifier = customer.CustomerIdentifier, Dimension = "requests", Quantity = 1 } },
        }, dateFields: ["UsageRecords[].Timestamp"]);

        AssertError(result, "TimestampOutOfBoundsException", 400);
        Assert.True(result.GetProperty("modeled").GetBoolean());
    }

    [Fact]
    public async Task Meter_usage_through_the_sdk_with_a_bound_key_answers_one_record_id_per_hour()
    {
        var customer = await app.SubscribedCustomerAsync(app.SellerA, app.Buyer, "Alpha SDK Meter");
        var key = await NewKeyAsync(customer.CustomerIdentifier);
        var at = Iso(TimeProvider.System.GetUtcNow());
        object Input(int quantity, string? token = null) => token is null
            ? new { ProductCode = customer.ProductId, Timestamp = at, UsageDimension = "requests", UsageQuantity = quantity }
            : new { ProductCode = customer.ProductId, Timestamp = at, UsageDimension = "requests", UsageQuantity = quantity, ClientToken = token };

        // The SDK fills a fresh ClientToken into each call that has none: identical calls still meet one record.
        var first = await CallAsync(key, "metering", "MeterUsage", Input(2), dateFields: ["Timestamp"]);
        var again = await CallAsync(key, "metering", "MeterUsage", Input(2), dateFields: ["Timestamp"]);
        var duplicate = await CallAsync(key, "metering", "MeterUsage", Input(5), dateFields: ["Timestamp"]);

        var recordId = Ok(first).GetProperty("MeteringRecordId").GetString();
        Assert.False(string.IsNullOrEmpty(recordId));
        Assert.Equal(recordId, Ok(again).GetProperty("MeteringRecordId").GetString());
        AssertError(duplicate, "DuplicateRequestException", 400);
        Assert.True(duplicate.GetProperty("modeled").GetBoolean());
    }

    [Fact]
    public async Task A_reused_client_token_surfaces_as_the_modeled_idempotency_conflict_exception_409()
    {
        var customer = await app.SubscribedCustomerAsync(app.SellerA, app.Buyer, "Alpha SDK Token");
        var key = await NewKeyAsync(customer.CustomerIdentifier);
        var at = Iso(TimeProvider.System.GetUtcNow());

        Ok(await CallAsync(key, "metering", "MeterUsage", new { ProductCode = customer.ProductId, Timestamp = at, UsageDimension = "requests", UsageQuantity = 1, ClientToken = "sdk-token-1" }, dateFields: ["Timestamp"]));
        var conflict = await CallAsync(key, "metering", "MeterUsage", new { ProductCode = customer.ProductId, Timestamp = at, UsageDimension = "requests", UsageQuantity = 9, ClientToken = "sdk-token-1" }, dateFields: ["Timestamp"]);

        AssertError(conflict, "IdempotencyConflictException", 409);
        Assert.True(conflict.GetProperty("modeled").GetBoolean());
    }

    [Fact]
    public async Task Resolve_customer_through_the_sdk_answers_the_customer_and_an_unknown_token_is_invalid()
    {
        var customer = await app.SubscribedCustomerAsync(app.SellerA, app.Buyer, "Alpha SDK Resolve");
        var key = await NewKeyAsync();

        var resolved = Ok(await CallAsync(key, "metering", "ResolveCustomer", new { RegistrationToken = customer.RegistrationToken }));
        var unknown = await CallAsync(key, "metering", "ResolveCustomer", new { RegistrationToken = "not-a-token" });

        Assert.Equal(customer.CustomerIdentifier, resolved.GetProperty("CustomerIdentifier").GetString());
        Assert.Equal(customer.ProductId, resolved.GetProperty("ProductCode").GetString());
        AssertError(unknown, "InvalidTokenException", 400);
        Assert.True(unknown.GetProperty("modeled").GetBoolean());
    }

    [Fact]
    public async Task Register_usage_through_the_sdk_returns_a_jwt_that_verifies_with_the_published_public_key()
    {
        var customer = await app.SubscribedCustomerAsync(app.SellerA, app.Buyer, "Alpha SDK Containers");
        var key = await NewKeyAsync(customer.CustomerIdentifier);

        var registered = Ok(await CallAsync(key, "metering", "RegisterUsage", new { ProductCode = customer.ProductId, PublicKeyVersion = 1, Nonce = "sdk-nonce" }));
        var pem = await app.CreateClient().GetStringAsync(new Uri(app.BaseAddress, "/.well-known/tradewind/metering-public-key.pem"), _ct);

        using var publicKey = ECDsa.Create();
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
        Assert.Equal(customer.CustomerIdentifier, jwt.GetClaim("customerIdentifier").Value);
        Assert.Equal(customer.ProductId, jwt.GetClaim("productCode").Value);
        Assert.Equal("sdk-nonce", jwt.GetClaim("nonce").Value);
        Assert.True(registered.TryGetProperty("PublicKeyRotationTimestamp", out _));
    }

    [Fact]
    public async Task The_entitlement_client_signs_requests_tradewind_verifies()
    {
        var key = await NewKeyAsync();

        var result = await CallAsync(key, "entitlement", "GetEntitlements", new { ProductCode = "prod-alpha-logs" });

        // Signature verified, operation reached: "prod-alpha-logs" is not one of the seller's product ids.
        AssertError(result, "InvalidParameterException", 400);
    }

    [Fact]
    public async Task The_agreement_client_signs_json_1_0_requests_tradewind_verifies()
    {
        var key = await NewKeyAsync();

        var result = await CallAsync(key, "agreement", "DescribeAgreement", new { agreementId = "agmt-0000000000000000000000000" });

        // Signature verified, operation reached: no such agreement.
        AssertError(result, "ResourceNotFoundException", 404);
    }

    [Fact]
    public async Task A_wrong_secret_surfaces_as_invalid_signature_in_the_sdk()
    {
        var key = await NewKeyAsync() with { Secret = new string('w', 40) };

        var result = await CallAsync(key, "metering", "ResolveCustomer", new { RegistrationToken = "token" }, maxAttempts: 1);

        AssertError(result, "InvalidSignatureException", 403);
    }

    [Fact]
    public async Task A_revoked_key_surfaces_as_unrecognized_client_in_the_sdk()
    {
        var key = await NewKeyAsync();
        await app.ClientFor(app.SellerA).DeleteAsync($"/api/v1/aws-access-keys/{key.Id}", _ct);

        var result = await CallAsync(key, "entitlement", "GetEntitlements", new { ProductCode = "prod-alpha-logs" }, maxAttempts: 1);

        AssertError(result, "UnrecognizedClientException", 403);
    }

    [Fact]
    public async Task Session_credentials_surface_as_unrecognized_client_in_the_sdk()
    {
        var key = await NewKeyAsync();

        var result = await CallAsync(key, "metering", "ResolveCustomer", new { RegistrationToken = "token" }, sessionToken: "FwoGZXIvYXdzEexample", maxAttempts: 1);

        AssertError(result, "UnrecognizedClientException", 403);
    }

    [Fact]
    public async Task A_skewed_client_clock_is_refused_without_retries()
    {
        var key = await NewKeyAsync();

        var result = await CallAsync(key, "metering", "ResolveCustomer", new { RegistrationToken = "token" }, clockOffsetMs: -30 * 60 * 1000, maxAttempts: 1);

        AssertError(result, "InvalidSignatureException", 403);
    }

    [Fact]
    public async Task The_sdk_corrects_a_skewed_clock_from_the_servers_date_header_and_retries()
    {
        var key = await NewKeyAsync();

        var result = await CallAsync(key, "metering", "ResolveCustomer", new { RegistrationToken = "token" }, clockOffsetMs: -30 * 60 * 1000, maxAttempts: 3);

        // Past the signature check: the made-up token is refused by the operation itself.
        AssertError(result, "InvalidTokenException", 400);
    }

    private static JsonElement Ok(JsonElement result)
    {
        Assert.True(result.GetProperty("ok").GetBoolean(), result.GetRawText());
        return result.GetProperty("output");
    }

    // JavaScript dates carry milliseconds.
    private static string Iso(DateTimeOffset at) => DateTimeOffset.FromUnixTimeMilliseconds(at.ToUnixTimeMilliseconds()).ToString("O", CultureInfo.InvariantCulture);

    private static void AssertError(JsonElement result, string name, int status)
    {
        Assert.False(result.GetProperty("ok").GetBoolean(), result.GetRawText());
        Assert.Equal(name, result.GetProperty("name").GetString());
        Assert.Equal(status, result.GetProperty("httpStatusCode").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(result.GetProperty("message").GetString()));
    }

    private sealed record Key(Guid Id, string AccessKeyId, string Secret);

    private async Task<Key> NewKeyAsync(string? customerIdentifier = null)
    {
        var response = await app.ClientFor(app.SellerA).PostAsJsonAsync(new Uri(app.BaseAddress, "/api/v1/aws-access-keys"), new { name = "sdk test", customerIdentifier }, _ct);
        var key = await response.ReadJsonAsync();
        return new Key(key.GetProperty("id").GetGuid(), key.GetProperty("accessKeyId").GetString()!, key.GetProperty("secretAccessKey").GetString()!);
    }

    private Task<JsonElement> CallAsync(
        Key key, string client, string operation, object input, string[]? dateFields = null, string? sessionToken = null, int? clockOffsetMs = null, int? maxAttempts = null) =>
        AwsSdkHarness.CallAsync(app.BaseAddress, key.AccessKeyId, key.Secret, client, operation, input, _ct, dateFields, sessionToken, clockOffsetMs, maxAttempts);
}
