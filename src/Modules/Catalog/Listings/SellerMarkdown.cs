using System.Text.RegularExpressions;

namespace Tradewind.Catalog.Listings;

/// <summary>
/// Seller-written Markdown is stored as written and rendered later through Markdig and HtmlSanitizer. Input that tries to
/// run script is refused outright, so the seller learns at once and the stored text never depends on the sanitizer alone.
/// </summary>
internal static partial class SellerMarkdown
{
    /// <summary>Why <paramref name="text"/> is refused, or null when it is acceptable.</summary>
    public static string? FindUnsafeMarkup(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        // Browsers ignore tabs and newlines inside a URL scheme ("java\tscript:"), so compare without them.
        var compact = Whitespace().Replace(text, "");
        if (compact.Contains("<script", StringComparison.OrdinalIgnoreCase))
        {
            return "Script elements are not allowed.";
        }

        if (compact.Contains("javascript:", StringComparison.OrdinalIgnoreCase))
        {
            return "javascript: links are not allowed.";
        }

        return EventHandlerAttribute().IsMatch(text) ? "Event-handler attributes (onclick=, onerror=, …) are not allowed." : null;
    }

    [GeneratedRegex(@"[\s\u0000-\u001f]+", RegexOptions.CultureInvariant)]
    private static partial Regex Whitespace();

    // An attribute named on… inside something that looks like a tag: <img src=x onerror=alert(1)>.
    [GeneratedRegex(@"<[a-z!/][^>]*?[\s/""']on[a-z]+\s*=", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex EventHandlerAttribute();
}
