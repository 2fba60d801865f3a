using System.Text;
using Tradewind.Contracts.Webhooks;

namespace Tradewind.Webhooks.Tests.Signing;

public sealed class WebhookSignatureTests
{
    private const string Body = """{"id":"1"}""";
    private const long Timestamp = 1_700_000_000;

    // Computed independently: python3 -c "import hmac,hashlib; print(hmac.new(b'whsec_test', b'1700000000.{\"id\":\"1\"}', hashlib.sha256).hexdigest())"
    private const string KnownSignature = "11bf4466ea17c3df3fd743af0b435368e16b7a05eb8eced85e8c4670767bdec5";
    private const string KnownOldSignature = "5657f21db071c80b6ff8af05b3676468d4c81b0d846b2385229eb74705ac6a30";

    private static readonly DateTimeOffset SentAt = DateTimeOffset.FromUnixTimeSeconds(Timestamp);

    [Fact]
    public void The_signature_is_the_hex_hmac_sha256_of_timestamp_dot_body()
    {
        Assert.Equal(KnownSignature, WebhookSignature.Compute("whsec_test", Timestamp, Encoding.UTF8.GetBytes(Body)));
    }

    [Fact]
    public void The_header_names_the_timestamp_and_one_v1_per_secret_in_order()
    {
        var header = WebhookSignature.CreateHeader(["whsec_test", "whsec_old"], Timestamp, Encoding.UTF8.GetBytes(Body));

        Assert.Equal($"t=1700000000,v1={KnownSignature},v1={KnownOldSignature}", header);
    }

    [Fact]
    public void A_correct_signature_within_the_window_verifies()
    {
        Assert.True(WebhookSignature.Verify("whsec_test", $"t={Timestamp},v1={KnownSignature}", Body, SentAt.AddMinutes(4), WebhookSignature.DefaultTolerance));
        Assert.True(WebhookSignature.Verify("whsec_test", $"t={Timestamp},v1={KnownSignature}", Body, SentAt.AddMinutes(-5), WebhookSignature.DefaultTolerance));
    }

    [Theory]
    [InlineData(301)]
    [InlineData(-301)]
    [InlineData(86_400)]
    public void A_timestamp_outside_the_replay_window_is_refused(int secondsLater)
    {
        Assert.False(WebhookSignature.Verify("whsec_test", $"t={Timestamp},v1={KnownSignature}", Body, SentAt.AddSeconds(secondsLater), WebhookSignature.DefaultTolerance));
    }

    [Fact]
    public void A_changed_body_timestamp_or_secret_is_refused()
    {
        var now = SentAt;
        var tolerance = WebhookSignature.DefaultTolerance;
        Assert.False(WebhookSignature.Verify("whsec_test", $"t={Timestamp},v1={KnownSignature}", """{"id":"2"}""", now, tolerance));
        Assert.False(WebhookSignature.Verify("whsec_test", $"t={Timestamp + 1},v1={KnownSignature}", Body, now, tolerance));
        Assert.False(WebhookSignature.Verify("whsec_other", $"t={Timestamp},v1={KnownSignature}", Body, now, tolerance));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("v1=11bf4466ea17c3df3fd743af0b435368e16b7a05eb8eced85e8c4670767bdec5")]
    [InlineData("t=1700000000")]
    [InlineData("t=1700000000,v1=not-hex-not-hex-not-hex-not-hex-not-hex-not-hex-not-hex-not-hexx")]
    [InlineData("t=-1700000000,v1=11bf4466ea17c3df3fd743af0b435368e16b7a05eb8eced85e8c4670767bdec5")]
    [InlineData("t=1700000000,v0=11bf4466ea17c3df3fd743af0b435368e16b7a05eb8eced85e8c4670767bdec5")]
    public void A_malformed_header_is_refused(string? header)
    {
        Assert.False(WebhookSignature.Verify("whsec_test", header, Body, SentAt, WebhookSignature.DefaultTolerance));
    }

    [Fact]
    public void During_rotation_either_secret_verifies_the_same_header()
    {
        var header = WebhookSignature.CreateHeader(["whsec_test", "whsec_old"], Timestamp, Encoding.UTF8.GetBytes(Body));

        Assert.True(WebhookSignature.Verify("whsec_test", header, Body, SentAt, WebhookSignature.DefaultTolerance));
        Assert.True(WebhookSignature.Verify("whsec_old", header, Body, SentAt, WebhookSignature.DefaultTolerance));
        Assert.False(WebhookSignature.Verify("whsec_other", header, Body, SentAt, WebhookSignature.DefaultTolerance));
    }

    [Fact]
    public void Unknown_schemes_in_the_header_are_ignored()
    {
        var header = $"t={Timestamp}, v2=abc, v1={KnownSignature}";

        Assert.True(WebhookSignature.Verify("whsec_test", header, Body, SentAt, WebhookSignature.DefaultTolerance));
    }
}
