using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Tradewind.Web.AwsApi;

/// <summary>
/// The parsed <c>Authorization</c> header of an AWS Signature Version 4 request:
/// <c>AWS4-HMAC-SHA256 Credential=AKID/yyyymmdd/region/service/aws4_request, SignedHeaders=a;b, Signature=hex</c>.
/// </summary>
internal sealed record SigV4Authorization(
    string AccessKeyId,
    string Date,
    string Region,
    string Service,
    string Terminator,
    IReadOnlyList<string> SignedHeaders,
    string Signature)
{
    public string Scope => $"{Date}/{Region}/{Service}/{Terminator}";
}

/// <summary>
/// AWS Signature Version 4 (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_sigv-create-signed-request.html):
/// the canonical request, the string to sign, the derived signing key and the signature, as pure functions so they
/// can be checked against AWS's published test vectors. Paths are encoded once per segment (the form the SDKs sign
/// for <c>POST /</c>); S3's rules are not needed.
/// </summary>
internal static class SigV4
{
    public const string Algorithm = "AWS4-HMAC-SHA256";
    public const string Terminator = "aws4_request";
    public const string AmzDateFormat = "yyyyMMdd'T'HHmmss'Z'";

    /// <summary>
    /// Reads the header; false with a reason (worded like AWS's <c>IncompleteSignatureException</c> messages) when
    /// the algorithm is not SigV4 or a component is missing or malformed.
    /// </summary>
    public static bool TryParseAuthorization(string header, out SigV4Authorization authorization, out string error)
    {
        authorization = null!;
        if (!header.StartsWith(Algorithm + " ", StringComparison.Ordinal))
        {
            var algorithm = header.Split(' ', 2)[0];
            error = $"Unsupported AWS 'algorithm': '{algorithm}'.";
            return false;
        }

        string? credential = null, signedHeaders = null, signature = null;
        foreach (var part in header[(Algorithm.Length + 1)..].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = part.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                continue;
            }

            var value = part[(equals + 1)..].Trim();
            switch (part[..equals].Trim())
            {
                case "Credential": credential = value; break;
                case "SignedHeaders": signedHeaders = value; break;
                case "Signature": signature = value; break;
            }
        }

        var missing = new List<string>();
        if (string.IsNullOrEmpty(credential))
        {
            missing.Add("Authorization header requires 'Credential' parameter.");
        }

        if (string.IsNullOrEmpty(signature))
        {
            missing.Add("Authorization header requires 'Signature' parameter.");
        }

        if (string.IsNullOrEmpty(signedHeaders))
        {
            missing.Add("Authorization header requires 'SignedHeaders' parameter.");
        }

        if (missing.Count > 0)
        {
            error = string.Join(' ', missing) + $" Authorization={header.Split(' ', 2)[0]}";
            return false;
        }

        var scope = credential!.Split('/');
        if (scope.Length != 5 || scope.Any(string.IsNullOrEmpty))
        {
            error = $"Credential should be scoped to a valid region, service and terminator: '{credential}'. The form is <access key id>/<yyyymmdd>/<region>/<service>/aws4_request.";
            return false;
        }

        if (signature!.Length != 64 || !signature.All(char.IsAsciiHexDigit))
        {
            error = "Signature must be 64 hexadecimal characters.";
            return false;
        }

        var headers = signedHeaders!.Split(';');
        if (headers.Any(h => h.Length == 0 || !string.Equals(h, h.ToLowerInvariant(), StringComparison.Ordinal)))
        {
            error = "SignedHeaders must be lower-case header names separated by ';'.";
            return false;
        }

        authorization = new SigV4Authorization(scope[0], scope[1], scope[2], scope[3], scope[4], headers, signature.ToLowerInvariant());
        error = "";
        return true;
    }

    /// <summary>
    /// The canonical request: method, canonical URI, canonical query, one <c>name:value</c> line per signed header,
    /// a blank line's worth of separation, the signed header list and the payload hash.
    /// </summary>
    public static string CanonicalRequest(
        string method,
        string path,
        string rawQuery,
        IReadOnlyList<(string Name, string Value)> signedHeaders,
        string payloadHash)
    {
        var builder = new StringBuilder();
        builder.Append(method).Append('\n');
        builder.Append(CanonicalUri(path)).Append('\n');
        builder.Append(CanonicalQuery(rawQuery)).Append('\n');
        foreach (var (name, value) in signedHeaders)
        {
            builder.Append(name).Append(':').Append(value).Append('\n');
        }

        builder.Append('\n');
        builder.Append(string.Join(';', signedHeaders.Select(h => h.Name))).Append('\n');
        builder.Append(payloadHash);
        return builder.ToString();
    }

    /// <summary>Each segment of the (decoded) path URI-encoded; an empty path is <c>/</c>.</summary>
    public static string CanonicalUri(string path)
    {
        if (string.IsNullOrEmpty(path))
        {
            return "/";
        }

        return string.Join('/', path.Split('/').Select(UriEncode));
    }

    /// <summary>Parameters decoded, re-encoded with RFC 3986 rules and sorted by name, then value (ordinal).</summary>
    public static string CanonicalQuery(string rawQuery)
    {
        var query = rawQuery.StartsWith('?') ? rawQuery[1..] : rawQuery;
        if (query.Length == 0)
        {
            return "";
        }

        return string.Join('&', query.Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair =>
            {
                var equals = pair.IndexOf('=', StringComparison.Ordinal);
                var name = equals < 0 ? pair : pair[..equals];
                var value = equals < 0 ? "" : pair[(equals + 1)..];
                return (Name: UriEncode(Uri.UnescapeDataString(name)), Value: UriEncode(Uri.UnescapeDataString(value)));
            })
            .OrderBy(p => p.Name, StringComparer.Ordinal)
            .ThenBy(p => p.Value, StringComparer.Ordinal)
            .Select(p => $"{p.Name}={p.Value}"));
    }

    /// <summary>A header's values trimmed, inner runs of spaces collapsed to one, and joined with commas.</summary>
    public static string CanonicalHeaderValue(IEnumerable<string?> values) =>
        string.Join(',', values.Select(v => string.Join(' ', (v ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))));

    public static string StringToSign(string amzDate, string scope, string canonicalRequest) =>
        $"{Algorithm}\n{amzDate}\n{scope}\n{HexSha256(Encoding.UTF8.GetBytes(canonicalRequest))}";

    /// <summary>HMAC chain <c>"AWS4"+secret</c> → date → region → service → <c>aws4_request</c>.</summary>
    public static byte[] SigningKey(string secretAccessKey, string date, string region, string service)
    {
        var key = HMACSHA256.HashData(Encoding.UTF8.GetBytes("AWS4" + secretAccessKey), Encoding.UTF8.GetBytes(date));
        key = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(region));
        key = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(service));
        return HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(Terminator));
    }

    public static string Signature(byte[] signingKey, string stringToSign) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(signingKey, Encoding.UTF8.GetBytes(stringToSign)));

    public static string HexSha256(ReadOnlySpan<byte> data) => Convert.ToHexStringLower(SHA256.HashData(data));

    public static bool TryParseAmzDate(string? value, out DateTimeOffset instant) =>
        DateTimeOffset.TryParseExact(value, AmzDateFormat, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out instant);

    public static string FormatAmzDate(DateTimeOffset instant) => instant.UtcDateTime.ToString(AmzDateFormat, CultureInfo.InvariantCulture);

    /// <summary>RFC 3986 percent-encoding of UTF-8 bytes: unreserved characters stay, hex digits are upper case.</summary>
    public static string UriEncode(string value)
    {
        var builder = new StringBuilder(value.Length);
        foreach (var b in Encoding.UTF8.GetBytes(value))
        {
            var c = (char)b;
            if (char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '~')
            {
                builder.Append(c);
            }
            else
            {
                builder.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
            }
        }

        return builder.ToString();
    }
}
