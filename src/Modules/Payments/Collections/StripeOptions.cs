namespace Tradewind.Payments.Collections;

/// <summary>
/// The Stripe account cards are collected through (configuration section <c>Payments:Stripe</c>). Without a
/// <see cref="SecretKey"/> the sandbox gateway is used.
/// </summary>
internal sealed class StripeOptions
{
    public const string Section = "Payments:Stripe";

    public const string HttpClientName = "stripe";

    /// <summary>A secret (<c>sk_live_…</c>, <c>sk_test_…</c>) or restricted (<c>rk_…</c>) key; never logged.</summary>
    public string? SecretKey { get; set; }

    /// <summary>Stripe's API base, changed only to talk to a stand-in (stripe-mock).</summary>
    public string? ApiBase { get; set; }

    /// <summary>How often Stripe.net retries a request that failed on the network; safe, since every request carries an idempotency key.</summary>
    public int MaxNetworkRetries { get; set; } = 2;

    public bool IsConfigured => !string.IsNullOrWhiteSpace(SecretKey);
}
