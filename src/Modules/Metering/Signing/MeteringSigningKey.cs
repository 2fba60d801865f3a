using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace Tradewind.Metering.Signing;

/// <summary>
/// The ECDSA P-256 key that signs <c>RegisterUsage</c> answers (ES256 JWTs), one row per <see cref="Version"/> (AWS's
/// <c>PublicKeyVersion</c>; Tradewind has version 1 only). The private key is kept encrypted with Data Protection
/// (purpose <see cref="Purpose"/>; the key ring is in the database, shared by every node), the public key in clear as a
/// SubjectPublicKeyInfo PEM. Created once, by whichever node first needs it; never changed.
/// </summary>
internal sealed class MeteringSigningKey
{
    public const string Purpose = "Tradewind.Metering.SigningKeys";
    public const string Algorithm = "ES256";

    public int Version { get; init; }

    public required string PublicKeyPem { get; init; }

    /// <summary>The PKCS#8 private key, base64, encrypted with Data Protection purpose <see cref="Purpose"/>.</summary>
    public required string ProtectedPrivateKey { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public string KeyId => $"tradewind-metering-{Version}";

    public static MeteringSigningKey Create(int version, IDataProtectionProvider protection, TimeProvider clock)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        return new MeteringSigningKey
        {
            Version = version,
            PublicKeyPem = key.ExportSubjectPublicKeyInfoPem(),
            ProtectedPrivateKey = protection.CreateProtector(Purpose).Protect(Convert.ToBase64String(key.ExportPkcs8PrivateKey())),
            CreatedAt = clock.GetUtcNow(),
        };
    }

    /// <summary>The private key, decrypted; the caller disposes it.</summary>
    public ECDsa OpenPrivateKey(IDataProtectionProvider protection)
    {
        var key = ECDsa.Create();
        key.ImportPkcs8PrivateKey(Convert.FromBase64String(protection.CreateProtector(Purpose).Unprotect(ProtectedPrivateKey)), out _);
        return key;
    }
}
