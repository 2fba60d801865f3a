using Tradewind.Web.AwsApi;

namespace Tradewind.Web.Tests.AwsApi;

/// <summary>
/// Checks against AWS's published Signature Version 4 test suite (aws-sig-v4-test-suite: credentials
/// AKIDEXAMPLE / wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY, 2015-08-30T12:36:00Z, us-east-1, service "service").
/// </summary>
public sealed class SigV4Tests
{
    private const string Secret = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
    private const string AmzDate = "20150830T123600Z";
    private const string Scope = "20150830/us-east-1/service/aws4_request";
    private const string EmptyHash = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    private static readonly (string Name, string Value)[] VanillaHeaders = [("host", "example.amazonaws.com"), ("x-amz-date", AmzDate)];

    [Fact]
    public void The_derived_signing_key_is_the_published_one() =>
        Assert.Equal(
            "938127b5336810ddb6a5d6af445fcac9e371f9ed418ed386b022aed82901be75",
            Convert.ToHexStringLower(SigV4.SigningKey(Secret, "20150830", "us-east-1", "service")));

    [Fact]
    public void Get_vanilla_has_the_published_canonical_request_and_signature()
    {
        var canonical = SigV4.CanonicalRequest("GET", "/", "", VanillaHeaders, EmptyHash);

        Assert.Equal($"GET\n/\n\nhost:example.amazonaws.com\nx-amz-date:{AmzDate}\n\nhost;x-amz-date\n{EmptyHash}", canonical);
        Assert.Equal(
            $"AWS4-HMAC-SHA256\n{AmzDate}\n{Scope}\nbb579772317eb040ac9ed261061d46c1f17a8133879d6129b6e1c25292927e63",
            SigV4.StringToSign(AmzDate, Scope, canonical));
        Assert.Equal("5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31", Sign("GET", "/", ""));
    }

    [Fact]
    public void Get_vanilla_query_order_key_case_sorts_the_query() =>
        Assert.Equal("b97d918cfa904a5beff61c982a1b6f458b799221646efd99d3219ec94cdf2500", Sign("GET", "/", "?Param2=value2&Param1=value1"));

    [Fact]
    public void Post_vanilla_signs_the_empty_body() =>
        Assert.Equal("5da7c1a2acd57cee7505fc6676e4e544621c30862966e37dddb68e92efbe5d6b", Sign("POST", "/", ""));

    [Fact]
    public void Get_utf8_encodes_the_path_as_utf8_bytes() =>
        Assert.Equal("8318018e0b0f223aa2bbf98705b62bb787dc9c0e678f255a891fd03141be5d85", Sign("GET", "/\u1234", ""));

    [Fact]
    public void Header_values_are_trimmed_and_inner_spaces_collapsed() =>
        Assert.Equal("value1,a b c", SigV4.CanonicalHeaderValue(["  value1  ", "a   b  c "]));

    [Fact]
    public void Query_values_are_reencoded_with_rfc3986_rules() =>
        Assert.Equal("a=%20x&b=%2A~", SigV4.CanonicalQuery("b=*~&a=%20x"));

    [Fact]
    public void A_well_formed_authorization_header_is_read_into_its_parts()
    {
        var header = "AWS4-HMAC-SHA256 Credential=TWAKABCDEFGHIJKLMNOP/20261127/eu-west-1/aws-marketplace/aws4_request, "
            + "SignedHeaders=content-type;host;x-amz-date;x-amz-target, Signature=" + new string('a', 64);

        Assert.True(SigV4.TryParseAuthorization(header, out var parsed, out _));
        Assert.Equal("TWAKABCDEFGHIJKLMNOP", parsed.AccessKeyId);
        Assert.Equal("20261127", parsed.Date);
        Assert.Equal("eu-west-1", parsed.Region);
        Assert.Equal("aws-marketplace", parsed.Service);
        Assert.Equal(["content-type", "host", "x-amz-date", "x-amz-target"], parsed.SignedHeaders);
    }

    [Theory]
    [InlineData("AWS4-HMAC-SHA1 Credential=a/b/c/d/aws4_request, SignedHeaders=host, Signature=00", "Unsupported AWS 'algorithm'")]
    [InlineData("AWS4-HMAC-SHA256 SignedHeaders=host, Signature=0000000000000000000000000000000000000000000000000000000000000000", "requires 'Credential'")]
    [InlineData("AWS4-HMAC-SHA256 Credential=a/b/c/d/aws4_request, SignedHeaders=host", "requires 'Signature'")]
    [InlineData("AWS4-HMAC-SHA256 Credential=a/b/c, SignedHeaders=host, Signature=0000000000000000000000000000000000000000000000000000000000000000", "Credential should be scoped")]
    [InlineData("AWS4-HMAC-SHA256 Credential=a/b/c/d/aws4_request, SignedHeaders=host, Signature=xyz", "64 hexadecimal")]
    [InlineData("AWS4-HMAC-SHA256 Credential=a/b/c/d/aws4_request, SignedHeaders=Host, Signature=0000000000000000000000000000000000000000000000000000000000000000", "lower-case")]
    public void A_malformed_authorization_header_is_refused_with_a_reason(string header, string reason)
    {
        Assert.False(SigV4.TryParseAuthorization(header, out _, out var error));
        Assert.Contains(reason, error, StringComparison.Ordinal);
    }

    private static string Sign(string method, string path, string query)
    {
        var canonical = SigV4.CanonicalRequest(method, path, query, VanillaHeaders, EmptyHash);
        return SigV4.Signature(SigV4.SigningKey(Secret, "20150830", "us-east-1", "service"), SigV4.StringToSign(AmzDate, Scope, canonical));
    }
}
