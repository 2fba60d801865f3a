using System.Net;
using Tradewind.Analytics.Traffic.Capture;

namespace Tradewind.Analytics.Tests.Traffic.Capture;

public sealed class VisitorHashTests
{
    [Theory]
    [InlineData("203.0.113.77", "203.0.113.0")]
    [InlineData("198.51.100.1", "198.51.100.0")]
    [InlineData("::ffff:203.0.113.77", "203.0.113.0")]
    [InlineData("2001:db8:85a3:8d3:1319:8a2e:370:7348", "2001:db8:85a3::")]
    [InlineData("2001:db8:abcd:12::1", "2001:db8:abcd::")]
    public void The_ip_is_coarsened_to_its_24_or_48_network(string ip, string coarse) =>
        Assert.Equal(coarse, VisitorHash.Coarsen(IPAddress.Parse(ip)));

    [Fact]
    public void The_hash_is_16_hex_characters_stable_for_a_day_and_different_with_another_salt()
    {
        var salt = Enumerable.Range(0, 16).Select(i => (byte)i).ToArray();
        var other = Enumerable.Range(1, 16).Select(i => (byte)i).ToArray();

        var hash = VisitorHash.Compute(salt, "market.example", "203.0.113.0", "Mozilla/5.0");

        Assert.Matches("^[0-9a-f]{16}$", hash);
        Assert.Equal(hash, VisitorHash.Compute(salt, "market.example", "203.0.113.0", "Mozilla/5.0"));
        Assert.NotEqual(hash, VisitorHash.Compute(other, "market.example", "203.0.113.0", "Mozilla/5.0"));
        Assert.NotEqual(hash, VisitorHash.Compute(salt, "market.example", "203.0.114.0", "Mozilla/5.0"));
        Assert.NotEqual(hash, VisitorHash.Compute(salt, "market.example", "203.0.113.0", "Mozilla/5.1"));
    }

    [Fact]
    public void Two_addresses_of_one_24_network_hash_alike()
    {
        var salt = new byte[16];
        string Of(string ip) => VisitorHash.Compute(salt, "market.example", VisitorHash.Coarsen(IPAddress.Parse(ip)), "UA");

        Assert.Equal(Of("203.0.113.5"), Of("203.0.113.250"));
    }
}
