namespace Tradewind.Contracts.Metering;

/// <summary>
/// The public half of the key that signs <c>RegisterUsage</c> answers, so sellers can verify the JWT their paid container
/// received (served at <c>/.well-known/tradewind/metering-public-key.pem</c>).
/// </summary>
public interface IMeteringPublicKey
{
    /// <summary>The current key, created on first use.</summary>
    Task<MeteringPublicKey> GetCurrentAsync(CancellationToken cancellationToken);
}

/// <summary>
/// A metering signing key's public half: <see cref="Version"/> is AWS's <c>PublicKeyVersion</c> (the JWT's <c>kid</c> is
/// <c>tradewind-metering-{Version}</c>), <see cref="Algorithm"/> the JWS algorithm (<c>ES256</c>: ECDSA P-256 with SHA-256),
/// <see cref="Pem"/> a SubjectPublicKeyInfo PEM, <see cref="CreatedAt"/> AWS's <c>PublicKeyRotationTimestamp</c>.
/// </summary>
public sealed record MeteringPublicKey(int Version, string KeyId, string Algorithm, string Pem, DateTimeOffset CreatedAt);
