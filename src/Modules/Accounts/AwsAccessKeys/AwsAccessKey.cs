using System.Security.Cryptography;
using Tradewind.Contracts.Accounts;
using Tradewind.Primitives.Ids;

namespace Tradewind.Accounts.AwsAccessKeys;

/// <summary>
/// A seller's credential for the AWS-compatible API, shaped like an AWS access key so the AWS SDKs accept it:
/// a 20-character access key id (<c>TWAK</c> + 16 base32 characters) and a 40-character secret access key.
/// Unlike an API key, the secret cannot be stored as a hash: Signature Version 4 makes the server recompute an
/// HMAC keyed with the secret itself, so it is kept encrypted with Data Protection (<see cref="AwsSecretProtector"/>).
/// A key signs while it is not revoked and not past <see cref="ExpiresAt"/>, which only rotation sets.
/// A key may be bound to one customer (<see cref="BoundCustomerIdentifier"/>) for software the seller runs in that
/// customer's environment; the binding never changes and passes to the key's replacement.
/// </summary>
internal sealed class AwsAccessKey
{
    public const int AccessKeyIdLength = 20;
    public const int SecretLength = 40;

    /// <summary>AWS's limit for a <c>CustomerIdentifier</c>.</summary>
    public const int CustomerIdentifierMaxLength = 255;

    /// <summary>How long a rotated key keeps signing, so software can roll out the new key without an outage.</summary>
    public static readonly TimeSpan RotationGracePeriod = TimeSpan.FromHours(24);

    private const string IdPrefix = "TWAK";
    private const string Base32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    private static readonly System.Buffers.SearchValues<char> Base32Chars = System.Buffers.SearchValues.Create(Base32);
    private const string SecretAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

    public AwsAccessKeyId Id { get; init; }

    public OrganisationId OrganisationId { get; init; }

    public required string Name { get; set; }

    /// <summary>The public half, sent in every request's credential scope.</summary>
    public required string AccessKeyId { get; init; }

    /// <summary>The secret access key, encrypted with Data Protection purpose <see cref="AwsSecretProtector.Purpose"/>.</summary>
    public required string ProtectedSecret { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? LastUsedAt { get; set; }

    /// <summary>End of the grace period after rotation (exclusive); null for a key that was never rotated.</summary>
    public DateTimeOffset? ExpiresAt { get; set; }

    public DateTimeOffset? RevokedAt { get; set; }

    public AwsAccessKeyId? ReplacedById { get; set; }

    /// <summary>The one customer this key meters for (<c>MeterUsage</c>, <c>RegisterUsage</c>); null for a seller-wide key.</summary>
    public string? BoundCustomerIdentifier { get; init; }

    public static (AwsAccessKey Key, string Secret) Create(
        OrganisationId organisationId, string name, string? boundCustomerIdentifier, AwsSecretProtector protector, TimeProvider clock)
    {
        var secret = RandomNumberGenerator.GetString(SecretAlphabet, SecretLength);
        var key = new AwsAccessKey
        {
            Id = AwsAccessKeyId.New(clock),
            OrganisationId = organisationId,
            Name = name,
            AccessKeyId = IdPrefix + RandomNumberGenerator.GetString(Base32, AccessKeyIdLength - IdPrefix.Length),
            ProtectedSecret = protector.Protect(secret),
            CreatedAt = clock.GetUtcNow(),
            BoundCustomerIdentifier = boundCustomerIdentifier,
        };
        return (key, secret);
    }

    /// <summary>Whether <paramref name="presented"/> could be one of ours; anything else is refused without a lookup.</summary>
    public static bool IsWellFormedId(string presented) =>
        presented.Length == AccessKeyIdLength && presented.StartsWith(IdPrefix, StringComparison.Ordinal)
        && presented.AsSpan(IdPrefix.Length).IndexOfAnyExcept(Base32Chars) < 0;

    public bool IsActiveAt(DateTimeOffset now) => RevokedAt is null && (ExpiresAt is null || ExpiresAt > now);

    /// <summary>Starts the grace period after <paramref name="replacement"/> was created; never extends an earlier end.</summary>
    public void ReplaceWith(AwsAccessKey replacement, DateTimeOffset now)
    {
        ReplacedById = replacement.Id;
        var graceEnd = now + RotationGracePeriod;
        ExpiresAt = ExpiresAt is { } existing && existing < graceEnd ? existing : graceEnd;
    }

    public AwsAccessKeyDto ToDto() => new(Id, OrganisationId, Name, AccessKeyId, CreatedAt, LastUsedAt, ExpiresAt, RevokedAt, ReplacedById, BoundCustomerIdentifier);
}
