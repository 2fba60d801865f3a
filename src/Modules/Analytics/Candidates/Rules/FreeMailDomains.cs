namespace Tradewind.Analytics.Candidates.Rules;

/// <summary>Consumer e-mail providers: an address there says nothing about the organisation (F1 −10; E2 ignores them).</summary>
internal static class FreeMailDomains
{
    private static readonly HashSet<string> Domains = new(StringComparer.OrdinalIgnoreCase)
    {
        "gmail.com", "googlemail.com", "outlook.com", "hotmail.com", "live.com", "msn.com", "yahoo.com", "yahoo.co.jp",
        "yahoo.co.uk", "ymail.com", "icloud.com", "me.com", "mac.com", "aol.com", "gmx.de", "gmx.net", "web.de", "t-online.de",
        "proton.me", "protonmail.com", "mail.com", "yandex.ru", "mail.ru", "qq.com", "163.com", "naver.com", "daum.net",
        "hanmail.net", "orange.fr", "free.fr", "laposte.net", "libero.it", "zoho.com",
    };

    public static bool Contains(string domain) => Domains.Contains(domain);

    /// <summary>The lower-case part after the last '@', or null when there is none.</summary>
    public static string? DomainOf(string email)
    {
        var at = email.LastIndexOf('@');
        return at < 0 || at == email.Length - 1 ? null : email[(at + 1)..].Trim().ToLowerInvariant();
    }
}
