using System.Globalization;
using System.Text;

namespace Tradewind.Catalog.Listings;

/// <summary>Turns a title into a URL segment: lower-case ASCII letters and digits joined by single hyphens.</summary>
internal static class Slug
{
    public static string From(string text)
    {
        var normalized = text.Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(normalized.Length);
        var pendingHyphen = false;
        foreach (var c in normalized)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            if (char.IsAsciiLetterOrDigit(c))
            {
                if (pendingHyphen && builder.Length > 0)
                {
                    builder.Append('-');
                }

                builder.Append(char.ToLowerInvariant(c));
                pendingHyphen = false;
            }
            else
            {
                pendingHyphen = true;
            }
        }

        return builder.Length > 100 ? builder.ToString(0, 100).TrimEnd('-') : builder.ToString();
    }
}
