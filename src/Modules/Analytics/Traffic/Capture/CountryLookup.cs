using System.Net;
using MaxMind.GeoIP2;
using Microsoft.Extensions.Options;

namespace Tradewind.Analytics.Traffic.Capture;

/// <summary>
/// The visitor's country (ISO 3166-1 alpha-2): from a trusted proxy's header when one is configured, else from a
/// MaxMind GeoIP2/GeoLite2 database when one is configured, else unknown. The IP is looked up in memory and not kept.
/// </summary>
internal sealed class CountryLookup : IDisposable
{
    private readonly DatabaseReader? _reader;
    private readonly bool _city;

    public CountryLookup(IOptions<GeoIpOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        HeaderName = string.IsNullOrWhiteSpace(options.Value.CountryHeader) ? null : options.Value.CountryHeader.Trim();
        if (!string.IsNullOrWhiteSpace(options.Value.DatabasePath))
        {
            _reader = new DatabaseReader(options.Value.DatabasePath, MaxMind.Db.FileAccessMode.MemoryMapped);
            _city = _reader.Metadata.DatabaseType.Contains("City", StringComparison.OrdinalIgnoreCase);
        }
    }

    public string? HeaderName { get; }

    public string? Find(IPAddress? ip, string? headerValue)
    {
        if (HeaderName is not null && FromHeader(headerValue) is { } fromHeader)
        {
            return fromHeader;
        }

        if (_reader is null || ip is null)
        {
            return null;
        }

        var code = _city
            ? _reader.TryCity(ip, out var city) ? city?.Country.IsoCode : null
            : _reader.TryCountry(ip, out var country) ? country?.Country.IsoCode : null;
        return code is { Length: 2 } ? code.ToUpperInvariant() : null;
    }

    /// <summary>Two letters; Cloudflare's <c>XX</c> (unknown) and <c>T1</c> (Tor) mean no country.</summary>
    public static string? FromHeader(string? value)
    {
        var code = value?.Trim();
        return code is { Length: 2 } && char.IsAsciiLetter(code[0]) && char.IsAsciiLetter(code[1])
            && !string.Equals(code, "XX", StringComparison.OrdinalIgnoreCase)
            ? code.ToUpperInvariant()
            : null;
    }

    public void Dispose() => _reader?.Dispose();
}
