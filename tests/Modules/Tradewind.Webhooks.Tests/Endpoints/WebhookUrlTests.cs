using System.Net;
using Tradewind.Webhooks.Endpoints;

namespace Tradewind.Webhooks.Tests.Endpoints;

public sealed class WebhookUrlTests
{
    private static readonly WebhookOptions Production = new();
    private static readonly WebhookOptions Development = new() { AllowLoopbackHttp = true };
    private static readonly WebhookOptions PrivateNetwork = new() { AllowPrivateNetworks = true };

    [Theory]
    [InlineData("https://example.com/hooks")]
    [InlineData("https://hooks.example.com:8443/tradewind?tenant=1")]
    [InlineData("https://93.184.215.14/hooks")]
    public void Public_https_urls_are_accepted(string url)
    {
        var (checkedUrl, error) = WebhookUrl.Check(url, Production);

        Assert.Null(error);
        Assert.NotNull(checkedUrl);
    }

    [Theory]
    [InlineData("http://example.com/hooks", "https://")]
    [InlineData("ftp://example.com/hooks", "https://")]
    [InlineData("ws://example.com/hooks", "https://")]
    [InlineData("https://user:secret@example.com/hooks", "user name or password")]
    [InlineData("https://example.com/hooks#frag", "fragment")]
    [InlineData("/hooks", "absolute")]
    [InlineData("", "Give the")]
    [InlineData("https://localhost/hooks", "public internet host")]
    [InlineData("https://127.0.0.1/hooks", "public internet host")]
    [InlineData("https://10.1.2.3/hooks", "private")]
    [InlineData("https://192.168.0.10/hooks", "private")]
    [InlineData("https://169.254.169.254/latest/meta-data", "private")]
    [InlineData("https://[fd00::1]/hooks", "private")]
    [InlineData("http://localhost:5000/hooks", "localhost during development")]
    public void Unsafe_urls_are_refused_in_production_with_a_reason(string url, string reason)
    {
        var (checkedUrl, error) = WebhookUrl.Check(url, Production);

        Assert.Null(checkedUrl);
        Assert.Contains(reason, error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://localhost:5000/hooks")]
    [InlineData("http://127.0.0.1:5000/hooks")]
    [InlineData("http://[::1]:5000/hooks")]
    [InlineData("https://localhost:5001/hooks")]
    public void Loopback_http_is_accepted_when_development_allows_it(string url)
    {
        Assert.Null(WebhookUrl.Check(url, Development).Error);
    }

    [Theory]
    [InlineData("http://example.com/hooks")]
    [InlineData("http://10.0.0.5/hooks")]
    [InlineData("https://10.0.0.5/hooks")]
    public void Development_still_refuses_plain_http_and_private_hosts_beyond_loopback(string url)
    {
        Assert.NotNull(WebhookUrl.Check(url, Development).Error);
    }

    [Fact]
    public void Private_networks_can_be_allowed_by_the_operator_but_only_over_https()
    {
        Assert.Null(WebhookUrl.Check("https://10.0.0.5/hooks", PrivateNetwork).Error);
        Assert.NotNull(WebhookUrl.Check("http://10.0.0.5/hooks", PrivateNetwork).Error);
    }

    [Fact]
    public void Urls_longer_than_two_thousand_characters_are_refused()
    {
        Assert.Contains("longer", WebhookUrl.Check("https://example.com/" + new string('a', 2000), Production).Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("127.0.0.1", true)]
    [InlineData("10.255.0.1", true)]
    [InlineData("172.16.0.1", true)]
    [InlineData("172.32.0.1", false)]
    [InlineData("100.64.0.1", true)]
    [InlineData("169.254.169.254", true)]
    [InlineData("0.0.0.0", true)]
    [InlineData("224.0.0.1", true)]
    [InlineData("8.8.8.8", false)]
    [InlineData("::1", true)]
    [InlineData("fe80::1", true)]
    [InlineData("fc00::1", true)]
    [InlineData("::ffff:10.0.0.1", true)]
    [InlineData("2606:4700:4700::1111", false)]
    public void Addresses_outside_the_public_internet_are_recognised(string address, bool nonPublic)
    {
        Assert.Equal(nonPublic, NetworkAddresses.IsNonPublic(IPAddress.Parse(address)));
    }

    [Fact]
    public void Loopback_connections_are_allowed_only_in_development()
    {
        Assert.False(NetworkAddresses.MayConnect(IPAddress.Loopback, Production));
        Assert.True(NetworkAddresses.MayConnect(IPAddress.Loopback, Development));
        Assert.False(NetworkAddresses.MayConnect(IPAddress.Parse("10.0.0.1"), Development));
        Assert.True(NetworkAddresses.MayConnect(IPAddress.Parse("10.0.0.1"), PrivateNetwork));
    }
}
