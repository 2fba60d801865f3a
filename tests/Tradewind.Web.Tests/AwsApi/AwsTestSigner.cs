using System.Security.Cryptography;
using Tradewind.Web.AwsApi;

namespace Tradewind.Web.Tests.AwsApi;

/// <summary>
/// Builds SigV4-signed AWS-compatible requests for the in-memory host, with knobs to break one thing at a time.
/// (End-to-end compatibility with an independent signer is proven by the AWS SDK tests.)
/// </summary>
internal sealed record AwsTestSigner(string AccessKeyId, string SecretAccessKey)
{
    public string Service { get; init; } = AwsRequestAuthenticator.ServiceName;

    public string Region { get; init; } = "us-east-1";

    public HttpRequestMessage Request(string target, string body, DateTimeOffset signedAt, string contentType = "application/x-amz-json-1.1", Action<HttpRequestMessage>? afterSigning = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/") { Content = new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(body)) };
        request.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        var amzDate = SigV4.FormatAmzDate(signedAt);
        var payloadHash = Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(body)));
        request.Headers.TryAddWithoutValidation("X-Amz-Target", target);
        request.Headers.TryAddWithoutValidation("X-Amz-Date", amzDate);
        request.Headers.TryAddWithoutValidation("X-Amz-Content-Sha256", payloadHash);

        // The in-memory test server's Host header.
        (string, string)[] signed =
        [
            ("content-type", contentType),
            ("host", "localhost"),
            ("x-amz-content-sha256", payloadHash),
            ("x-amz-date", amzDate),
            ("x-amz-target", target),
        ];
        var date = amzDate[..8];
        var scope = $"{date}/{Region}/{Service}/aws4_request";
        var canonical = SigV4.CanonicalRequest("POST", "/", "", signed, payloadHash);
        var signature = SigV4.Signature(SigV4.SigningKey(SecretAccessKey, date, Region, Service), SigV4.StringToSign(amzDate, scope, canonical));
        request.Headers.TryAddWithoutValidation(
            "Authorization",
            $"AWS4-HMAC-SHA256 Credential={AccessKeyId}/{scope}, SignedHeaders={string.Join(';', signed.Select(h => h.Item1))}, Signature={signature}");
        afterSigning?.Invoke(request);
        return request;
    }
}
