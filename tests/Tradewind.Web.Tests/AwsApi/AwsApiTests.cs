using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Tradewind.Web.Tests.Infrastructure;

namespace Tradewind.Web.Tests.AwsApi;

/// <summary><c>POST /</c>: Signature Version 4 verification, dispatch on <c>X-Amz-Target</c> and AWS's error shapes.</summary>
public sealed class AwsApiTests(AwsApiApp app) : IClassFixture<AwsApiApp>
{
    // A target in the Metering namespace that no module offers.
    private const string NoSuchOperation = "AWSMPMeteringService.NoSuchOperation";

    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_valid_signature_reaches_the_operation_with_epoch_second_timestamps()
    {
        var signer = await NewKeyAsync(app.SellerA);

        var response = await SendAsync(signer.Request(EchoOperation.Name, """{"Text":"hello","Timestamp":1795722584.032}""", Now));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/x-amz-json-1.1", response.Content.Headers.ContentType?.MediaType);
        Assert.True(response.Headers.Contains("x-amzn-RequestId"));
        var body = await response.ReadJsonAsync();
        Assert.Equal("hello", body.GetProperty("Text").GetString());
        Assert.Equal("Alpha Software GmbH", body.GetProperty("Seller").GetString());
        Assert.Equal(JsonValueKind.Number, body.GetProperty("Timestamp").ValueKind);
        Assert.Equal(1795722584.032m, body.GetProperty("Timestamp").GetDecimal());
    }

    [Fact]
    public async Task A_valid_signature_for_an_operation_that_does_not_exist_is_an_unknown_operation()
    {
        var signer = await NewKeyAsync(app.SellerA);

        var response = await SendAsync(signer.Request(NoSuchOperation, "{}", Now));

        await AssertAwsErrorAsync(response, HttpStatusCode.BadRequest, "UnknownOperationException");
    }

    [Fact]
    public async Task A_request_without_authorization_is_missing_its_token()
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/") { Content = new StringContent("{}") };
        request.Content.Headers.ContentType = new("application/x-amz-json-1.1");
        request.Headers.Add("X-Amz-Target", NoSuchOperation);

        await AssertAwsErrorAsync(await SendAsync(request), HttpStatusCode.Forbidden, "MissingAuthenticationTokenException");
    }

    [Fact]
    public async Task A_malformed_authorization_header_is_an_incomplete_signature()
    {
        var signer = await NewKeyAsync(app.SellerA);
        var request = signer.Request(NoSuchOperation, "{}", Now, afterSigning: r =>
        {
            r.Headers.Remove("Authorization");
            r.Headers.TryAddWithoutValidation("Authorization", $"AWS4-HMAC-SHA256 Credential={signer.AccessKeyId}/20261127/us-east-1/aws-marketplace/aws4_request");
        });

        await AssertAwsErrorAsync(await SendAsync(request), HttpStatusCode.Forbidden, "IncompleteSignatureException");
    }

    [Fact]
    public async Task A_wrong_secret_is_an_invalid_signature()
    {
        var signer = await NewKeyAsync(app.SellerA);

        var response = await SendAsync((signer with { SecretAccessKey = new string('x', 40) }).Request(NoSuchOperation, "{}", Now));

        var error = await AssertAwsErrorAsync(response, HttpStatusCode.Forbidden, "InvalidSignatureException");
        Assert.Contains("signature we calculated does not match", error.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_body_changed_after_signing_is_an_invalid_signature()
    {
        var signer = await NewKeyAsync(app.SellerA);
        var request = signer.Request(EchoOperation.Name, """{"Text":"a","Timestamp":1}""", Now, afterSigning: r =>
        {
            var tampered = new StringContent("""{"Text":"b","Timestamp":1}""");
            tampered.Headers.ContentType = new("application/x-amz-json-1.1");
            r.Content = tampered;
        });

        await AssertAwsErrorAsync(await SendAsync(request), HttpStatusCode.Forbidden, "InvalidSignatureException");
    }

    [Fact]
    public async Task A_signature_for_another_service_is_refused()
    {
        var signer = await NewKeyAsync(app.SellerA) with { Service = "execute-api" };

        var error = await AssertAwsErrorAsync(await SendAsync(signer.Request(NoSuchOperation, "{}", Now)), HttpStatusCode.Forbidden, "InvalidSignatureException");
        Assert.Contains("aws-marketplace", error.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Any_region_is_accepted()
    {
        var signer = await NewKeyAsync(app.SellerA) with { Region = "ap-northeast-1" };

        await AssertAwsErrorAsync(await SendAsync(signer.Request(NoSuchOperation, "{}", Now)), HttpStatusCode.BadRequest, "UnknownOperationException");
    }

    [Theory]
    [InlineData(-16, "Signature expired")]
    [InlineData(16, "Signature not yet current")]
    public async Task A_clock_more_than_15_minutes_off_is_an_invalid_signature(int minutes, string message)
    {
        var signer = await NewKeyAsync(app.SellerA);

        var response = await SendAsync(signer.Request(NoSuchOperation, "{}", Now.AddMinutes(minutes)));

        var error = await AssertAwsErrorAsync(response, HttpStatusCode.Forbidden, "InvalidSignatureException");
        Assert.StartsWith(message, error.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_clock_14_minutes_off_is_still_accepted()
    {
        var signer = await NewKeyAsync(app.SellerA);

        await AssertAwsErrorAsync(await SendAsync(signer.Request(NoSuchOperation, "{}", Now.AddMinutes(-14))), HttpStatusCode.BadRequest, "UnknownOperationException");
    }

    [Fact]
    public async Task An_unknown_access_key_is_an_unrecognized_client()
    {
        var signer = new AwsTestSigner("TWAKAAAAAAAAAAAAAAAA", new string('s', 40));

        await AssertAwsErrorAsync(await SendAsync(signer.Request(NoSuchOperation, "{}", Now)), HttpStatusCode.Forbidden, "UnrecognizedClientException");
    }

    [Fact]
    public async Task A_revoked_key_is_an_unrecognized_client()
    {
        var (signer, id) = await NewKeyWithIdAsync(app.SellerB);
        Assert.Equal(HttpStatusCode.BadRequest, (await SendAsync(signer.Request(NoSuchOperation, "{}", Now))).StatusCode);

        await app.ClientFor(app.SellerB).DeleteAsync($"/api/v1/aws-access-keys/{id}", _ct);

        await AssertAwsErrorAsync(await SendAsync(signer.Request(NoSuchOperation, "{}", Now)), HttpStatusCode.Forbidden, "UnrecognizedClientException");
    }

    [Fact]
    public async Task A_session_token_is_refused_because_tradewind_issues_none()
    {
        var signer = await NewKeyAsync(app.SellerA);
        var request = signer.Request(NoSuchOperation, "{}", Now, afterSigning: r => r.Headers.TryAddWithoutValidation("X-Amz-Security-Token", "FwoGZXIvYXdzEexample"));

        await AssertAwsErrorAsync(await SendAsync(request), HttpStatusCode.Forbidden, "UnrecognizedClientException");
    }

    [Fact]
    public async Task Malformed_json_is_a_serialization_error()
    {
        var signer = await NewKeyAsync(app.SellerA);

        await AssertAwsErrorAsync(await SendAsync(signer.Request(EchoOperation.Name, "{not json", Now)), HttpStatusCode.BadRequest, "SerializationException");
    }

    [Fact]
    public async Task An_iso_timestamp_is_a_serialization_error()
    {
        var signer = await NewKeyAsync(app.SellerA);

        await AssertAwsErrorAsync(
            await SendAsync(signer.Request(EchoOperation.Name, """{"Text":"a","Timestamp":"2026-11-27T00:00:00Z"}""", Now)), HttpStatusCode.BadRequest, "SerializationException");
    }

    [Fact]
    public async Task The_wrong_content_type_for_the_operation_is_a_serialization_error()
    {
        var signer = await NewKeyAsync(app.SellerA);

        await AssertAwsErrorAsync(
            await SendAsync(signer.Request(EchoOperation.Name, """{"Text":"a","Timestamp":1}""", Now, contentType: "application/json")), HttpStatusCode.BadRequest, "SerializationException");
    }

    [Fact]
    public async Task An_operations_validation_failure_is_a_validation_exception()
    {
        var signer = await NewKeyAsync(app.SellerA);

        var error = await AssertAwsErrorAsync(await SendAsync(signer.Request(EchoOperation.Name, """{"Timestamp":1}""", Now)), HttpStatusCode.BadRequest, "ValidationException");
        Assert.StartsWith("1 validation error detected:", error.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unexpected_failure_is_an_internal_error_that_reveals_nothing()
    {
        var signer = await NewKeyAsync(app.SellerA);

        var response = await SendAsync(signer.Request(EchoOperation.Name, """{"Text":"crash","Timestamp":1}""", Now));

        var error = await AssertAwsErrorAsync(response, HttpStatusCode.InternalServerError, "InternalServiceErrorException");
        Assert.DoesNotContain("secret internal detail", error.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Json_1_0_errors_name_their_namespace_as_aws_json_1_0_services_do()
    {
        var signer = await NewKeyAsync(app.SellerA);

        var response = await SendAsync(signer.Request("AWSMPCommerceService_v20200301.DescribeAgreement", """{"agreementId":"agmt-1"}""", Now, contentType: "application/x-amz-json-1.0"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/x-amz-json-1.0", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("com.amazon.coral.service#UnknownOperationException", (await response.ReadJsonAsync()).GetProperty("__type").GetString());
    }

    [Fact]
    public async Task Using_a_key_records_when_it_was_last_used()
    {
        var (signer, id) = await NewKeyWithIdAsync(app.SellerB);

        await SendAsync(signer.Request(NoSuchOperation, "{}", Now));

        var page = await (await app.ClientFor(app.SellerB).GetAsync("/api/v1/aws-access-keys?pageSize=100", _ct)).ReadJsonAsync();
        var key = page.GetProperty("items").EnumerateArray().Single(k => k.GetProperty("id").GetGuid() == id);
        Assert.Equal(JsonValueKind.String, key.GetProperty("lastUsedAt").ValueKind);
    }

    [Fact]
    public async Task The_storefront_home_page_still_answers_get()
    {
        var response = await app.CreateClient().GetAsync("/", _ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
    }

    private static DateTimeOffset Now => TimeProvider.System.GetUtcNow();

    private Task<HttpResponseMessage> SendAsync(HttpRequestMessage request) => app.CreateClient().SendAsync(request, _ct);

    private static async Task<JsonElement> AssertAwsErrorAsync(HttpResponseMessage response, HttpStatusCode status, string type)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.True(response.Headers.Contains("x-amzn-RequestId"));
        var body = await response.ReadJsonAsync();
        Assert.Equal(type, body.GetProperty("__type").GetString());
        Assert.False(string.IsNullOrWhiteSpace(body.GetProperty("message").GetString()));
        return body;
    }

    private async Task<AwsTestSigner> NewKeyAsync(Tenant seller) => (await NewKeyWithIdAsync(seller)).Signer;

    private async Task<(AwsTestSigner Signer, Guid Id)> NewKeyWithIdAsync(Tenant seller)
    {
        var response = await app.ClientFor(seller).PostAsJsonAsync("/api/v1/aws-access-keys", new { name = "test signer" }, _ct);
        var key = await response.ReadJsonAsync();
        return (new AwsTestSigner(key.GetProperty("accessKeyId").GetString()!, key.GetProperty("secretAccessKey").GetString()!), key.GetProperty("id").GetGuid());
    }
}
