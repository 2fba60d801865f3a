using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;

namespace Tradewind.Accounts.BankAccounts;

/// <summary>
/// Encrypts bank details at rest with ASP.NET Core Data Protection (purpose <see cref="Purpose"/>; the key ring is
/// persisted in the database and shared by every node). Only two things about an account are kept in clear: its last
/// four characters, for display, and a SHA-256 fingerprint of its normalized key, for spotting the same account twice.
/// </summary>
internal sealed class BankAccountProtector(IDataProtectionProvider provider)
{
    public const string Purpose = "Tradewind.Accounts.BankAccounts";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly IDataProtector _protector = provider.CreateProtector(Purpose);

    public string Protect(BankDetails details) => _protector.Protect(JsonSerializer.Serialize(details, Json));

    public BankDetails Unprotect(string protectedDetails) =>
        JsonSerializer.Deserialize<BankDetails>(_protector.Unprotect(protectedDetails), Json)
        ?? throw new InvalidOperationException("Protected bank details decrypted to nothing.");

    public string ProtectAmounts(IReadOnlyList<long> minorAmounts) =>
        _protector.Protect(string.Join(',', minorAmounts.Select(a => a.ToString(CultureInfo.InvariantCulture))));

    public IReadOnlyList<long> UnprotectAmounts(string protectedAmounts) =>
        _protector.Unprotect(protectedAmounts).Split(',').Select(a => long.Parse(a, CultureInfo.InvariantCulture)).ToList();

    /// <summary>Lower-case hex SHA-256 of the normalized key (e.g. <c>iban:DE89…</c>) from <c>BankAccountValidator</c>.</summary>
    public static string Fingerprint(string normalized) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(normalized)));

    /// <summary>The last four characters of the account: every normalized key ends with the account number or IBAN.</summary>
    public static string Last4(string normalized) => normalized.Length <= 4 ? normalized : normalized[^4..];
}

/// <summary>What is encrypted: the details as entered (trimmed) and the validator's normalized key.</summary>
internal sealed record BankDetails(string CountryCode, string CurrencyCode, string? Iban, string? AccountNumber, string? Bic, string? RoutingCode, string Normalized);
