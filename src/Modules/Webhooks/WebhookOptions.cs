namespace Tradewind.Webhooks;

/// <summary>The <c>Webhooks</c> configuration section.</summary>
internal sealed class WebhookOptions
{
    public const string Section = "Webhooks";
    public const string HttpClientName = "Tradewind.Webhooks";

    /// <summary>
    /// Allows <c>http://</c> endpoint URLs, and connections, to loopback hosts (localhost, 127.0.0.0/8, ::1), so a
    /// developer can receive webhooks on their machine. Off by default; on in Development and in the test hosts.
    /// </summary>
    public bool AllowLoopbackHttp { get; set; }

    /// <summary>
    /// Allows endpoints on private, link-local, carrier-grade NAT and other non-public addresses. Off by default so
    /// a seller cannot make Tradewind call into the operator's network (SSRF); a self-hosted operator whose sellers
    /// live on the same private network may turn it on. Checked on the URL and again on every connection.
    /// </summary>
    public bool AllowPrivateNetworks { get; set; }

    public DeliveryOptions Delivery { get; set; } = new();

    /// <summary>How long a rotated-out secret keeps signing when the caller does not say (24 hours).</summary>
    public TimeSpan DefaultRotationOverlap { get; set; } = TimeSpan.FromHours(24);
}

internal sealed class DeliveryOptions
{
    /// <summary>Off in tests that run delivery passes themselves.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How long the dispatcher waits between passes when nothing was due.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long one request may take, from connecting to the end of the response headers.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The delay after the first failed attempt; each later delay is <see cref="BackoffFactor"/> times the one before.</summary>
    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    public double BackoffFactor { get; set; } = 4;

    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromHours(12);

    /// <summary>Each delay is moved by up to this fraction either way, so receivers that failed together are not retried together.</summary>
    public double Jitter { get; set; } = 0.2;

    /// <summary>Attempts before a delivery is given up as failed. With the defaults, 12 attempts span about three days.</summary>
    public int MaxAttempts { get; set; } = 12;

    /// <summary>Deliveries claimed per pass.</summary>
    public int BatchSize { get; set; } = 20;
}
