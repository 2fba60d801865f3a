using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Tradewind.Contracts.Webhooks;

/// <summary>
/// Signs and verifies Tradewind webhook requests. The <c>Tradewind-Signature</c> header is
/// <c>t=&lt;unix seconds&gt;,v1=&lt;hex&gt;[,v1=&lt;hex&gt;…]</c>, where each <c>v1</c> is the lower-case hex
/// HMAC-SHA256, keyed with the UTF-8 bytes of a signing secret (the whole <c>whsec_…</c> text), of
/// <c>"&lt;t&gt;." + raw body bytes</c>. While a secret is being rotated the header carries one <c>v1</c> per valid
/// secret; a receiver accepts the request when any of them matches its secret.
/// </summary>
/// <remarks>
/// The timestamp is part of the signed text, so a captured request cannot be replayed with a fresh timestamp;
/// receivers refuse timestamps further than the tolerance (five minutes by default) from their own clock.
/// Unknown keys (a future <c>v2</c>) are ignored, so receivers keep working when a scheme is added.
/// </remarks>
public static class WebhookSignature
{
    public const string SignatureHeader = "Tradewind-Signature";
    public const string IdHeader = "Tradewind-Webhook-Id";
    public const string TypeHeader = "Tradewind-Webhook-Type";

    /// <summary>The replay window: a request whose timestamp is further than this from the receiver's clock is refused.</summary>
    public static readonly TimeSpan DefaultTolerance = TimeSpan.FromMinutes(5);

    /// <summary>The lower-case hex HMAC-SHA256 of <c>"&lt;timestamp&gt;." + body</c> under <paramref name="secret"/>.</summary>
    public static string Compute(string secret, long timestamp, ReadOnlySpan<byte> body)
    {
        ArgumentException.ThrowIfNullOrEmpty(secret);
        var prefix = Encoding.ASCII.GetBytes(timestamp.ToString(CultureInfo.InvariantCulture) + ".");
        var signed = new byte[prefix.Length + body.Length];
        prefix.CopyTo(signed, 0);
        body.CopyTo(signed.AsSpan(prefix.Length));
        return Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), signed));
    }

    /// <summary>The header value for <paramref name="body"/> sent at <paramref name="timestamp"/>, one <c>v1</c> per secret, in order.</summary>
    public static string CreateHeader(IEnumerable<string> secrets, long timestamp, ReadOnlySpan<byte> body)
    {
        ArgumentNullException.ThrowIfNull(secrets);
        var header = new StringBuilder("t=").Append(timestamp.ToString(CultureInfo.InvariantCulture));
        var any = false;
        foreach (var secret in secrets)
        {
            header.Append(",v1=").Append(Compute(secret, timestamp, body));
            any = true;
        }

        return any ? header.ToString() : throw new ArgumentException("At least one secret is needed to sign.", nameof(secrets));
    }

    /// <summary>
    /// True when <paramref name="header"/> has a timestamp within <paramref name="tolerance"/> of <paramref name="now"/>
    /// and a <c>v1</c> signature that matches <paramref name="body"/> under <paramref name="secret"/> (compared in constant time).
    /// </summary>
    public static bool Verify(string secret, string? header, ReadOnlySpan<byte> body, DateTimeOffset now, TimeSpan tolerance)
    {
        ArgumentException.ThrowIfNullOrEmpty(secret);
        if (!TryParse(header, out var timestamp, out var signatures))
        {
            return false;
        }

        var age = now.ToUnixTimeSeconds() - timestamp;
        if (age > (long)tolerance.TotalSeconds || -age > (long)tolerance.TotalSeconds)
        {
            return false;
        }

        var expected = Convert.FromHexString(Compute(secret, timestamp, body));
        var matched = false;
        foreach (var signature in signatures)
        {
            // Every candidate is compared, so the time taken does not tell which one matched.
            matched |= CryptographicOperations.FixedTimeEquals(expected, signature);
        }

        return matched;
    }

    /// <inheritdoc cref="Verify(string, string?, ReadOnlySpan{byte}, DateTimeOffset, TimeSpan)"/>
    public static bool Verify(string secret, string? header, string body, DateTimeOffset now, TimeSpan tolerance)
    {
        ArgumentNullException.ThrowIfNull(body);
        return Verify(secret, header, Encoding.UTF8.GetBytes(body), now, tolerance);
    }

    private static bool TryParse(string? header, out long timestamp, out List<byte[]> signatures)
    {
        timestamp = 0;
        signatures = [];
        if (string.IsNullOrWhiteSpace(header))
        {
            return false;
        }

        var hasTimestamp = false;
        foreach (var part in header.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = part.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                continue;
            }

            var key = part[..equals];
            var value = part[(equals + 1)..];
            if (string.Equals(key, "t", StringComparison.Ordinal))
            {
                hasTimestamp = long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out timestamp);
            }
            else if (string.Equals(key, "v1", StringComparison.Ordinal) && value.Length == 64)
            {
                try
                {
                    signatures.Add(Convert.FromHexString(value));
                }
                catch (FormatException)
                {
                    // Not hex: not a signature of ours; the others may still match.
                }
            }
        }

        return hasTimestamp && signatures.Count > 0;
    }
}
