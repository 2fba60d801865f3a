using System.Security.Cryptography;
using System.Text;
using Tradewind.Contracts.Accounts;
using Tradewind.Contracts.AwsApi;

namespace Tradewind.Web.AwsApi;

/// <summary>
/// Verifies the Signature Version 4 signature of an AWS-compatible request against the seller's AWS access key,
/// with AWS's error codes: no <c>Authorization</c> header is <c>MissingAuthenticationTokenException</c>, a malformed
/// one <c>IncompleteSignatureException</c>, an unknown, revoked or expired key (or any session token, which
/// Tradewind never issues) <c>UnrecognizedClientException</c>, and a wrong scope, a clock off by more than
/// <see cref="MaxClockSkew"/> or a signature that does not match <c>InvalidSignatureException</c>; all 403.
/// The signing name must be <see cref="ServiceName"/>; any region is accepted, since one Tradewind serves every
/// region the SDKs may be configured with.
/// </summary>
internal sealed class AwsRequestAuthenticator(IAccountsQueries accounts, TimeProvider clock)
{
    /// <summary>The SigV4 signing name of every AWS Marketplace client (Metering, Entitlement, Agreement).</summary>
    public const string ServiceName = "aws-marketplace";

    public static readonly TimeSpan MaxClockSkew = TimeSpan.FromMinutes(15);

    // Headers that must be signed: host (AWS requires it), the date (bounds replay) and the target (so a captured
    // signature cannot be replayed against another operation within the skew window).
    private static readonly string[] RequiredSignedHeaders = ["host", "x-amz-date", "x-amz-target"];

    public async Task<AwsCaller> AuthenticateAsync(HttpRequest request, byte[] body, string requestId, CancellationToken cancellationToken)
    {
        var authorizationHeader = request.Headers.Authorization;
        if (authorizationHeader.Count == 0 || string.IsNullOrWhiteSpace(authorizationHeader.ToString()))
        {
            throw new AwsServiceException("MissingAuthenticationTokenException", "Missing Authentication Token", StatusCodes.Status403Forbidden);
        }

        if (authorizationHeader.Count > 1)
        {
            throw Incomplete("Only one Authorization header is allowed.");
        }

        if (!SigV4.TryParseAuthorization(authorizationHeader.ToString(), out var authorization, out var malformed))
        {
            throw Incomplete(malformed);
        }

        if (request.Headers.ContainsKey("X-Amz-Security-Token"))
        {
            // Temporary (STS) credentials do not exist in Tradewind, so no session token can be valid.
            throw Unrecognized();
        }

        foreach (var required in RequiredSignedHeaders)
        {
            if (!authorization.SignedHeaders.Contains(required, StringComparer.Ordinal))
            {
                throw Incomplete($"'{required}' must be a 'SignedHeader' in the AWS Authorization.");
            }
        }

        var amzDate = request.Headers["X-Amz-Date"].ToString();
        if (!SigV4.TryParseAmzDate(amzDate, out var signedAt))
        {
            throw Incomplete("Authorization header requires existence of a valid 'X-Amz-Date' header (yyyyMMddTHHmmssZ).");
        }

        if (!string.Equals(authorization.Service, ServiceName, StringComparison.Ordinal))
        {
            throw Invalid($"Credential should be scoped to correct service: '{ServiceName}'. ");
        }

        if (!string.Equals(authorization.Terminator, SigV4.Terminator, StringComparison.Ordinal))
        {
            throw Invalid($"Credential should be scoped with a valid terminator: '{SigV4.Terminator}', not '{authorization.Terminator}'. ");
        }

        if (!string.Equals(authorization.Date, amzDate[..8], StringComparison.Ordinal))
        {
            throw Invalid($"Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '{authorization.Date}' != '{amzDate[..8]}', from '{amzDate}'.");
        }

        var now = clock.GetUtcNow();
        if (signedAt < now - MaxClockSkew)
        {
            throw Invalid($"Signature expired: {amzDate} is now earlier than {SigV4.FormatAmzDate(now - MaxClockSkew)} ({SigV4.FormatAmzDate(now)} - 15 min.)");
        }

        if (signedAt > now + MaxClockSkew)
        {
            throw Invalid($"Signature not yet current: {amzDate} is still later than {SigV4.FormatAmzDate(now + MaxClockSkew)} ({SigV4.FormatAmzDate(now)} + 15 min.)");
        }

        var bodyHash = SigV4.HexSha256(body);
        var payloadHash = bodyHash;
        if (request.Headers.TryGetValue("X-Amz-Content-Sha256", out var declaredHash))
        {
            // The declared hash is what was signed; it must also be the body's, or the body could be swapped.
            if (!string.Equals(declaredHash.ToString(), bodyHash, StringComparison.OrdinalIgnoreCase))
            {
                throw Invalid("The provided 'x-amz-content-sha256' header does not match what was computed.");
            }

            payloadHash = declaredHash.ToString();
        }

        var signedHeaders = new List<(string Name, string Value)>(authorization.SignedHeaders.Count);
        foreach (var name in authorization.SignedHeaders)
        {
            if (!request.Headers.TryGetValue(name, out var values))
            {
                throw Invalid(SignatureMismatch);
            }

            signedHeaders.Add((name, SigV4.CanonicalHeaderValue(values)));
        }

        var credential = await accounts.FindAwsSigningCredentialAsync(authorization.AccessKeyId, cancellationToken) ?? throw Unrecognized();

        var canonicalRequest = SigV4.CanonicalRequest(request.Method, request.Path.Value ?? "/", request.QueryString.Value ?? "", signedHeaders, payloadHash);
        var stringToSign = SigV4.StringToSign(amzDate, authorization.Scope, canonicalRequest);
        var expected = SigV4.Signature(SigV4.SigningKey(credential.SecretAccessKey, authorization.Date, authorization.Region, authorization.Service), stringToSign);
        if (!CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(authorization.Signature)))
        {
            throw Invalid(SignatureMismatch);
        }

        await accounts.RecordAwsAccessKeyUseAsync(credential.KeyId, cancellationToken);
        return new AwsCaller(credential.OrganisationId, credential.OrganisationName, credential.KeyId, credential.AccessKeyId, requestId, credential.BoundCustomerIdentifier);
    }

    private const string SignatureMismatch =
        "The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.";

    private static AwsServiceException Incomplete(string message) => new("IncompleteSignatureException", message, StatusCodes.Status403Forbidden);

    private static AwsServiceException Invalid(string message) => new("InvalidSignatureException", message, StatusCodes.Status403Forbidden);

    private static AwsServiceException Unrecognized() =>
        new("UnrecognizedClientException", "The security token included in the request is invalid.", StatusCodes.Status403Forbidden);
}
