namespace Tradewind.Analytics.Traffic.Capture;

/// <summary>Settings under <c>Analytics:Capture</c>.</summary>
internal sealed class CaptureOptions
{
    public const string Section = "Analytics:Capture";

    /// <summary>Off: listing pages record nothing and their CTA links carry no token (the benchmark baseline).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Views and clicks waiting for the writer; beyond it a view is dropped and counted, never waited for.</summary>
    public int QueueCapacity { get; set; } = 100_000;

    /// <summary>The most rows one write transaction takes.</summary>
    public int BatchSize { get; set; } = 5_000;

    /// <summary>The writer stores what is queued at least this often.</summary>
    public TimeSpan FlushInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Base64 key (at least 32 bytes) that signs attribution tokens. Every node of a deployment needs the same one.
    /// Empty: a random key per process, so tokens issued before a restart stop confirming and attributing.
    /// </summary>
    public string? TokenSecret { get; set; }

    /// <summary>How long an attribution token confirms a view and links a subscription to it.</summary>
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromHours(24);

    /// <summary>Views of one visitor hash within <see cref="RateLimitWindow"/> beyond which further views count as bots.</summary>
    public int RateLimitViews { get; set; } = 60;

    public TimeSpan RateLimitWindow { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How often salts older than 48 hours are deleted.</summary>
    public TimeSpan SaltCleanupInterval { get; set; } = TimeSpan.FromMinutes(10);
}

/// <summary>Settings under <c>Analytics:GeoIp</c>: where the country of a view comes from. Both are off by default.</summary>
internal sealed class GeoIpOptions
{
    public const string Section = "Analytics:GeoIp";

    /// <summary>A MaxMind GeoIP2/GeoLite2 Country or City database (<c>.mmdb</c>).</summary>
    public string? DatabasePath { get; set; }

    /// <summary>A header a trusted proxy sets to the visitor's country (<c>CF-IPCountry</c>); honoured only when configured.</summary>
    public string? CountryHeader { get; set; }
}
