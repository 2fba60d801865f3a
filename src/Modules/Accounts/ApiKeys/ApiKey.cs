using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Tradewind.Contracts.Accounts;
using Tradewind.Primitives.Ids;

namespace Tradewind.Accounts.ApiKeys;

/// <summary>
/// A credential for software, acting for one organisation in its role. The presented key is
/// <c>tw_{prefix}_{secret}</c>: the prefix finds the row, and only a SHA-256 hash of the whole key is stored.
/// A plain hash suffices because the secret is 256 random bits, not a guessable password.
/// </summary>
internal sealed class ApiKey
{
    private const string Scheme = "tw_";
    private const int PrefixLength = 12;
    private const string PrefixAlphabet = "abcdefghijklmnopqrstuvwxyz0123456789";

    public ApiKeyId Id { get; init; }

    public OrganisationId OrganisationId { get; init; }

    public required string Name { get; set; }

    public required string Role { get; init; }

    public required string Prefix { get; init; }

    /// <summary>Lower-case hex SHA-256 of the full presented key.</summary>
    public required string SecretHash { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? LastUsedAt { get; set; }

    public DateTimeOffset? RevokedAt { get; set; }

    public static (ApiKey Key, string Secret) Issue(OrganisationId organisationId, string name, string role, TimeProvider clock)
    {
        var prefix = RandomNumberGenerator.GetString(PrefixAlphabet, PrefixLength);
        var secret = $"{Scheme}{prefix}_{Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32))}";
        var key = new ApiKey
        {
            Id = ApiKeyId.New(clock),
            OrganisationId = organisationId,
            Name = name,
            Role = role,
            Prefix = prefix,
            SecretHash = Hash(secret),
            CreatedAt = clock.GetUtcNow(),
        };
        return (key, secret);
    }

    /// <summary>Reads the lookup prefix out of a presented key; false when it is not shaped like one of ours.</summary>
    public static bool TryReadPrefix(string presented, out string prefix)
    {
        prefix = "";
        if (presented.Length < Scheme.Length + PrefixLength + 2 || !presented.StartsWith(Scheme, StringComparison.Ordinal)
            || presented[Scheme.Length + PrefixLength] != '_')
        {
            return false;
        }

        prefix = presented.Substring(Scheme.Length, PrefixLength);
        return true;
    }

    public bool Matches(string presented) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Hash(presented)), Encoding.ASCII.GetBytes(SecretHash));

    public ApiKeyDto ToDto() => new(Id, OrganisationId, Name, Role, $"{Scheme}{Prefix}", CreatedAt, LastUsedAt, RevokedAt);

    private static string Hash(string presented) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(presented)));
}
