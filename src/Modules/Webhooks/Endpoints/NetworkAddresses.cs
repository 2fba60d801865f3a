using System.Net;
using System.Net.Sockets;

namespace Tradewind.Webhooks.Endpoints;

/// <summary>
/// Which addresses a webhook may reach. Only public unicast addresses by default: loopback, private (RFC 1918, fc00::/7),
/// link-local (including the cloud metadata address 169.254.169.254), carrier-grade NAT (RFC 6598), "this network",
/// multicast and reserved ranges are refused, so a seller cannot point Tradewind at the operator's own network.
/// </summary>
internal static class NetworkAddresses
{
    public static bool IsLoopback(IPAddress address) => IPAddress.IsLoopback(Normalize(address));

    public static bool IsLoopbackHost(string host) =>
        string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase)
        || host.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase)
        || (IPAddress.TryParse(host.Trim('[', ']'), out var address) && IsLoopback(address));

    /// <summary>True for addresses outside the public internet (loopback included).</summary>
    public static bool IsNonPublic(IPAddress address)
    {
        address = Normalize(address);
        if (IPAddress.IsLoopback(address) || address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any) || address.Equals(IPAddress.Broadcast))
        {
            return true;
        }

        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            var b = address.GetAddressBytes();
            return b[0] switch
            {
                0 or 10 or 127 => true,
                100 => b[1] is >= 64 and <= 127,   // 100.64.0.0/10, carrier-grade NAT
                169 => b[1] == 254,                 // link-local, cloud metadata services
                172 => b[1] is >= 16 and <= 31,
                192 => (b[1] == 168) || (b[1] == 0 && b[2] is 0 or 2) || (b[1] == 88 && b[2] == 99),
                198 => b[1] is 18 or 19 || (b[1] == 51 && b[2] == 100),
                203 => b[1] == 0 && b[2] == 113,
                >= 224 => true,                     // multicast and reserved
                _ => false,
            };
        }

        if (address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || address.IsIPv6Multicast || address.IsIPv6UniqueLocal)
        {
            return true;
        }

        var bytes = address.GetAddressBytes();
        // 2001:db8::/32 documentation, 64:ff9b::/96 NAT64 can reach IPv4 private space.
        return (bytes[0] == 0x20 && bytes[1] == 0x01 && bytes[2] == 0x0d && bytes[3] == 0xb8)
            || (bytes[0] == 0x00 && bytes[1] == 0x64 && bytes[2] == 0xff && bytes[3] == 0x9b);
    }

    /// <summary>Whether a connection to <paramref name="address"/> is allowed under <paramref name="options"/>.</summary>
    public static bool MayConnect(IPAddress address, WebhookOptions options) =>
        options.AllowPrivateNetworks
        || !IsNonPublic(address)
        || (options.AllowLoopbackHttp && IsLoopback(address));

    private static IPAddress Normalize(IPAddress address) => address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
}
