using System.Security.Cryptography;
using System.Text;
using Tradewind.Primitives.Ids;

namespace Tradewind.Agreements.Fulfilment;

/// <summary>
/// A short-lived token the buyer's browser posts to the seller's fulfilment URL as <c>x-amzn-marketplace-token</c>; the
/// seller exchanges it for the customer. 256 random bits, base64url; only its SHA-256 hash is stored. It resolves,
/// as often as asked and always to the same customer, before <see cref="ExpiresAt"/>, and only for the seller of its
/// agreement's product; <see cref="UsedAt"/> is when it was first resolved.
/// </summary>
internal sealed class RegistrationToken
{
    public Guid Id { get; init; }

    public AgreementId AgreementId { get; init; }

    public OrganisationId SellerId { get; init; }

    /// <summary>Lower-case hex SHA-256 of the token's text.</summary>
    public required string Hash { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset ExpiresAt { get; init; }

    public DateTimeOffset? UsedAt { get; set; }

    public static (RegistrationToken Row, string Secret) Issue(AgreementId agreement, OrganisationId seller, DateTimeOffset now, TimeSpan lifetime)
    {
        var secret = Base64Url(RandomNumberGenerator.GetBytes(32));
        return (new RegistrationToken
        {
            Id = Guid.CreateVersion7(now),
            AgreementId = agreement,
            SellerId = seller,
            Hash = HashOf(secret),
            CreatedAt = now,
            ExpiresAt = now + lifetime,
        }, secret);
    }

    public static string HashOf(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret.Trim())));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
