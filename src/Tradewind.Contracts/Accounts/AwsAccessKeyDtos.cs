using Tradewind.Primitives.Ids;

namespace Tradewind.Contracts.Accounts;

/// <summary>
/// A seller's AWS access key as listed (never with its secret). A key signs requests while
/// <see cref="RevokedAt"/> is null and <see cref="ExpiresAt"/> is null or in the future; a rotated key gets an
/// <see cref="ExpiresAt"/> (the grace period) and <see cref="ReplacedById"/>. <see cref="BoundCustomerIdentifier"/> is set
/// for a key bound to one of the seller's customers: software the seller runs in that customer's environment, which
/// calls <c>MeterUsage</c> and <c>RegisterUsage</c> for that customer only. Rotation keeps the binding.
/// </summary>
public sealed record AwsAccessKeyDto(
    AwsAccessKeyId Id,
    OrganisationId OrganisationId,
    string Name,
    string AccessKeyId,
    DateTimeOffset CreatedAt,
    DateTimeOffset? LastUsedAt,
    DateTimeOffset? ExpiresAt,
    DateTimeOffset? RevokedAt,
    AwsAccessKeyId? ReplacedById,
    string? BoundCustomerIdentifier = null)
{
    public bool IsActiveAt(DateTimeOffset now) => RevokedAt is null && (ExpiresAt is null || ExpiresAt > now);
}

/// <summary>A freshly created key. <see cref="SecretAccessKey"/> is shown once; Tradewind keeps it only encrypted.</summary>
public sealed record IssuedAwsAccessKey(AwsAccessKeyDto Key, string SecretAccessKey);

/// <summary>
/// What Signature Version 4 verification needs about an active key: the plaintext secret (to recompute the
/// signature) and whom the key acts for. Only the AWS-compatible endpoint asks for it.
/// </summary>
public sealed record AwsSigningCredential(
    AwsAccessKeyId KeyId,
    string AccessKeyId,
    string SecretAccessKey,
    OrganisationId OrganisationId,
    string OrganisationName,
    DateTimeOffset? ExpiresAt,
    string? BoundCustomerIdentifier = null);
