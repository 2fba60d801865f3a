using Microsoft.AspNetCore.DataProtection;

namespace Tradewind.Accounts.AwsAccessKeys;

/// <summary>
/// Encrypts AWS secret access keys at rest with ASP.NET Core Data Protection (purpose <see cref="Purpose"/>; the key
/// ring is persisted in the database and shared by every node, so any node can verify a signature).
/// </summary>
internal sealed class AwsSecretProtector(IDataProtectionProvider provider)
{
    public const string Purpose = "Tradewind.Accounts.AwsAccessKeys";

    private readonly IDataProtector _protector = provider.CreateProtector(Purpose);

    public string Protect(string secret) => _protector.Protect(secret);

    public string Unprotect(string protectedSecret) => _protector.Unprotect(protectedSecret);
}
