using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;

namespace Tradewind.Analytics.Traffic.Capture;

/// <summary>
/// The cookieless visitor-day hash (spec: plg-and-localization §2.2): the first 8 bytes, as 16 lower-case hex
/// characters, of HMAC-SHA256 keyed with the day's random salt over the site host, the coarsened IP and the user agent.
/// Once the salt is deleted (after 48 hours) nobody can recompute a hash from an IP and user agent.
/// </summary>
internal static class VisitorHash
{
    public static string Compute(ReadOnlySpan<byte> salt, string siteHost, string coarseIp, string? userAgent)
    {
        var input = Encoding.UTF8.GetBytes($"{siteHost}\n{coarseIp}\n{userAgent}");
        Span<byte> mac = stackalloc byte[32];
        HMACSHA256.HashData(salt, input, mac);
        return Convert.ToHexStringLower(mac[..8]);
    }

    /// <summary>
    /// The IP with its host part zeroed: IPv4 to its /24, IPv6 to its /48 (an IPv4-mapped IPv6 address counts as
    /// IPv4), so even the hash input does not single out one address.
    /// </summary>
    public static string Coarsen(IPAddress ip)
    {
        ArgumentNullException.ThrowIfNull(ip);
        if (ip.IsIPv4MappedToIPv6)
        {
            ip = ip.MapToIPv4();
        }

        var bytes = ip.GetAddressBytes();
        if (ip.AddressFamily == AddressFamily.InterNetwork)
        {
            bytes[3] = 0;
        }
        else
        {
            bytes.AsSpan(6).Clear();
        }

        return new IPAddress(bytes).ToString();
    }
}
