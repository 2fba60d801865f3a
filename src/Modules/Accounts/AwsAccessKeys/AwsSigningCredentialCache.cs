using System.Collections.Concurrent;
using Tradewind.Contracts.Accounts;
using Tradewind.Primitives.Ids;

namespace Tradewind.Accounts.AwsAccessKeys;

/// <summary>
/// Per-node cache of decrypted signing credentials, so Signature Version 4 verification does not read the database
/// and decrypt on every request. An entry lives for <see cref="TimeToLive"/>. Revoking or rotating a key evicts it on
/// the node that handled the change; other nodes notice within <see cref="TimeToLive"/>, which is therefore the
/// longest a revoked key can keep signing anywhere. Unknown ids are not cached, so a new key works at once.
/// Also remembers when each key's last use was written, so that write happens at most every
/// <see cref="LastUsedPrecision"/> per key and node.
/// </summary>
internal sealed class AwsSigningCredentialCache(TimeProvider clock)
{
    public static readonly TimeSpan TimeToLive = TimeSpan.FromSeconds(60);
    public static readonly TimeSpan LastUsedPrecision = TimeSpan.FromMinutes(5);

    // A bound well above any real number of keys; reaching it only costs a re-read from the database.
    private const int MaxEntries = 10_000;

    private readonly ConcurrentDictionary<string, (AwsSigningCredential Credential, DateTimeOffset CachedAt)> _credentials = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<AwsAccessKeyId, DateTimeOffset> _lastUseWritten = new();

    public bool TryGet(string accessKeyId, out AwsSigningCredential credential)
    {
        if (_credentials.TryGetValue(accessKeyId, out var entry) && clock.GetUtcNow() - entry.CachedAt < TimeToLive)
        {
            credential = entry.Credential;
            return true;
        }

        credential = null!;
        return false;
    }

    public void Add(AwsSigningCredential credential)
    {
        if (_credentials.Count >= MaxEntries)
        {
            _credentials.Clear();
        }

        _credentials[credential.AccessKeyId] = (credential, clock.GetUtcNow());
    }

    public void Evict(string accessKeyId) => _credentials.TryRemove(accessKeyId, out _);

    /// <summary>True when this node should write the key's last use now (and notes that it will).</summary>
    public bool ShouldRecordUse(AwsAccessKeyId keyId)
    {
        var now = clock.GetUtcNow();
        while (true)
        {
            if (!_lastUseWritten.TryGetValue(keyId, out var written))
            {
                if (_lastUseWritten.TryAdd(keyId, now))
                {
                    return true;
                }

                continue;
            }

            if (now - written < LastUsedPrecision)
            {
                return false;
            }

            if (_lastUseWritten.TryUpdate(keyId, now, written))
            {
                return true;
            }
        }
    }
}
