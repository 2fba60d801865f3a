using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace Tradewind.Webhooks.Endpoints;

/// <summary>
/// Creates signing secrets (32 random bytes, shown as <c>whsec_</c> + base64url) and protects them for storage with a
/// purpose-bound Data Protection protector, so the stored text is useless without the application's key ring.
/// </summary>
internal sealed class SigningSecrets(IDataProtectionProvider provider)
{
    public const string Prefix = "whsec_";

    private readonly IDataProtector _protector = provider.CreateProtector("Tradewind.Webhooks.SigningSecret.v1");

    public static string Create() => Prefix + Base64Url(RandomNumberGenerator.GetBytes(32));

    public string Protect(string secret) => _protector.Protect(secret);

    public string Unprotect(string protectedSecret) => _protector.Unprotect(protectedSecret);

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
