using System.Buffers.Text;
using System.Security.Cryptography;

namespace Tradewind.Analytics.Traffic.Capture;

/// <summary>
/// The attribution token of a listing view: its (time-ordered, version 7) id and the first 16 bytes of an HMAC-SHA256
/// over it, base64url, 43 characters. The id's own timestamp dates the token, so it expires
/// <see cref="CaptureOptions.TokenLifetime"/> after the view without carrying a second time. Only the server can
/// mint one, so nobody can confirm or claim a view they did not load.
/// </summary>
internal sealed class ViewToken
{
    private const int MacLength = 16;

    /// <summary>Accepted clock difference between nodes for a token that seems to come from the future.</summary>
    private static readonly TimeSpan Skew = TimeSpan.FromMinutes(5);

    private readonly byte[] _key;
    private readonly TimeSpan _lifetime;

    public ViewToken(byte[] key, TimeSpan lifetime)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (key.Length < 32)
        {
            throw new ArgumentException("The token key must have at least 32 bytes.", nameof(key));
        }

        _key = key;
        _lifetime = lifetime;
    }

    public string Create(Guid viewId)
    {
        Span<byte> token = stackalloc byte[16 + MacLength];
        viewId.TryWriteBytes(token[..16], bigEndian: true, out _);
        Span<byte> mac = stackalloc byte[32];
        HMACSHA256.HashData(_key, token[..16], mac);
        mac[..MacLength].CopyTo(token[16..]);
        return Base64Url.EncodeToString(token);
    }

    /// <summary>The view id of a token this server signed that is no older than the lifetime at <paramref name="now"/>; null otherwise.</summary>
    public Guid? Verify(string? token, DateTimeOffset now)
    {
        if (token is null || token.Length != 43)
        {
            return null;
        }

        Span<byte> bytes = stackalloc byte[16 + MacLength];
        if (!Base64Url.TryDecodeFromChars(token, bytes, out var written) || written != bytes.Length)
        {
            return null;
        }

        Span<byte> mac = stackalloc byte[32];
        HMACSHA256.HashData(_key, bytes[..16], mac);
        if (!CryptographicOperations.FixedTimeEquals(mac[..MacLength], bytes[16..]))
        {
            return null;
        }

        var id = new Guid(bytes[..16], bigEndian: true);
        var issued = IssuedAt(id);
        return issued is { } at && at <= now + Skew && now - at <= _lifetime ? id : null;
    }

    /// <summary>The instant a version 7 GUID was made (its first 48 bits: Unix milliseconds); null for another version.</summary>
    public static DateTimeOffset? IssuedAt(Guid id)
    {
        if (id.Version != 7)
        {
            return null;
        }

        Span<byte> bytes = stackalloc byte[16];
        id.TryWriteBytes(bytes, bigEndian: true, out _);
        long milliseconds = 0;
        for (var i = 0; i < 6; i++)
        {
            milliseconds = (milliseconds << 8) | bytes[i];
        }

        return DateTimeOffset.FromUnixTimeMilliseconds(milliseconds);
    }
}
