using System.Globalization;
using System.Text;

namespace Tradewind.Payments.BankCollections;

/// <summary>
/// Text for SEPA payment files. The EPC's basic character set is <c>a-z A-Z 0-9 / - ? : ( ) . , ' +</c> and space;
/// banks may reject anything else, so accents are dropped (é → e), ß becomes ss, and any other character a space.
/// </summary>
internal static class SepaText
{
    public static string Clean(string? text, int maxLength)
    {
        var decomposed = (text ?? "").Replace("ß", "ss", StringComparison.Ordinal).Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            builder.Append(char.IsAsciiLetterOrDigit(c) || "/-?:().,'+ ".Contains(c, StringComparison.Ordinal) ? c : ' ');
        }

        var cleaned = string.Join(' ', builder.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries));
        return cleaned.Length <= maxLength ? cleaned : cleaned[..maxLength].TrimEnd();
    }

    /// <summary>
    /// An identifier (message, payment information, end-to-end, mandate id): SEPA characters only, no leading or
    /// trailing '/', no "//", at most 35 characters.
    /// </summary>
    public static string Identifier(string text)
    {
        var cleaned = Clean(text, 35).Replace(' ', '-');
        while (cleaned.Contains("//", StringComparison.Ordinal))
        {
            cleaned = cleaned.Replace("//", "/", StringComparison.Ordinal);
        }

        return cleaned.Trim('/');
    }
}
