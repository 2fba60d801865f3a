using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.DataProtection;

namespace Tradewind.Agreements.AwsApi;

/// <summary>
/// <c>NextToken</c>s of the AWS-compatible list operations: the offset of the next page, bound to the seller and to the
/// request's filters and sort (not its page size, which the caller may change between pages), encrypted and
/// authenticated with the host's Data Protection keys (shared by every node), written as standard Base64 (AWS's
/// <c>^[a-zA-Z0-9+/=]+$</c>). A token that was altered, belongs to another seller or another query, or comes from
/// elsewhere does not open: <see cref="TryRead"/> is false and the operation answers its modeled error.
/// </summary>
internal sealed class PageTokens(IDataProtectionProvider provider)
{
    private const string Version = "v1";

    private readonly IDataProtector _protector = provider.CreateProtector("Tradewind.Agreements.AwsApi.NextToken.v1");

    public string Write(string operation, string query, int offset)
    {
        var payload = string.Create(CultureInfo.InvariantCulture, $"{Version}|{operation}|{Fingerprint(query)}|{offset}");
        return Convert.ToBase64String(_protector.Protect(Encoding.UTF8.GetBytes(payload)));
    }

    /// <summary>The offset a token carries, if it is one this server wrote for the same operation and query.</summary>
    public bool TryRead(string? token, string operation, string query, out int offset)
    {
        offset = 0;
        if (string.IsNullOrEmpty(token) || token.Length > 2048)
        {
            return false;
        }

        string payload;
        try
        {
            payload = Encoding.UTF8.GetString(_protector.Unprotect(Convert.FromBase64String(token)));
        }
        catch (FormatException)
        {
            return false;
        }
        catch (CryptographicException)
        {
            return false;
        }

        var parts = payload.Split('|');
        return parts.Length == 4
            && parts[0] == Version
            && parts[1] == operation
            && parts[2] == Fingerprint(query)
            && int.TryParse(parts[3], NumberStyles.None, CultureInfo.InvariantCulture, out offset);
    }

    private static string Fingerprint(string query) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(query)))[..32];
}
