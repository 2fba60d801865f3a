using System.Text;
using System.Text.RegularExpressions;

namespace Tradewind.Localization.Masking;

/// <summary>
/// Replaces what must survive translation unchanged — inline code, link targets, URLs and e-mail addresses, numbers and
/// protected terms — with placeholder tokens (<c>ZXTW0ZX</c>, <c>ZXTW1ZX</c>, …) that engines pass through as unknown
/// words, and puts the originals back afterwards. Text that already contains the token stem is masked too, so
/// <c>Unmask(Mask(text)) == text</c> for every text.
/// </summary>
internal static partial class SegmentMasker
{
    public const string Stem = "ZXTW";

    /// <summary>A masked segment and the originals of its placeholders (placeholder <c>n</c> is <c>Originals[n]</c>).</summary>
    public sealed record Masked(string Text, IReadOnlyList<string> Originals)
    {
        public static string Token(int index) => $"{Stem}{index.ToString(System.Globalization.CultureInfo.InvariantCulture)}ZX";
    }

    public static Masked Mask(string text, IReadOnlyList<string> protectedTerms)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(protectedTerms);
        var spans = new List<(int Start, int Length)>();

        void Add(int start, int length)
        {
            if (length > 0 && !spans.Any(s => start < s.Start + s.Length && s.Start < start + length))
            {
                spans.Add((start, length));
            }
        }

        // Priority order: an earlier kind wins where spans overlap.
        foreach (Match m in StemText().Matches(text))
        {
            Add(m.Index, m.Length);
        }

        foreach (Match m in CodeSpan().Matches(text))
        {
            Add(m.Index, m.Length);
        }

        foreach (Match m in LinkTarget().Matches(text))
        {
            Add(m.Index, m.Length);
        }

        foreach (Match m in Url().Matches(text))
        {
            Add(m.Index, m.Length);
        }

        foreach (Match m in Email().Matches(text))
        {
            Add(m.Index, m.Length);
        }

        foreach (var term in protectedTerms.Where(t => t.Trim().Length > 0).Distinct(StringComparer.Ordinal).OrderByDescending(t => t.Length))
        {
            foreach (var index in TermOccurrences(text, term))
            {
                Add(index, term.Length);
            }
        }

        foreach (Match m in Number().Matches(text))
        {
            Add(m.Index, m.Length);
        }

        spans.Sort((a, b) => a.Start.CompareTo(b.Start));
        var builder = new StringBuilder(text.Length);
        var originals = new List<string>(spans.Count);
        var position = 0;
        foreach (var (start, length) in spans)
        {
            builder.Append(text, position, start - position);
            builder.Append(Masked.Token(originals.Count));
            originals.Add(text.Substring(start, length));
            position = start + length;
        }

        builder.Append(text, position, text.Length - position);
        return new Masked(builder.ToString(), originals);
    }

    /// <summary>Puts the originals back; tokens the engine invented (out of range) are left as they are for the validator to see.</summary>
    public static string Unmask(string translated, IReadOnlyList<string> originals)
    {
        ArgumentNullException.ThrowIfNull(translated);
        ArgumentNullException.ThrowIfNull(originals);
        return Token().Replace(translated, m =>
            int.TryParse(m.Groups[1].ValueSpan, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var i) && i < originals.Count
                ? originals[i]
                : m.Value);
    }

    /// <summary>How often each placeholder occurs in an engine's output.</summary>
    public static Dictionary<string, int> TokenCounts(string text)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (Match m in Token().Matches(text))
        {
            counts[m.Value] = counts.GetValueOrDefault(m.Value) + 1;
        }

        return counts;
    }

    /// <summary>Where <paramref name="term"/> occurs as a whole word (not inside a longer word), case-sensitively.</summary>
    public static IEnumerable<int> TermOccurrences(string text, string term)
    {
        var from = 0;
        while (from <= text.Length - term.Length)
        {
            var index = text.IndexOf(term, from, StringComparison.Ordinal);
            if (index < 0)
            {
                yield break;
            }

            var before = index == 0 || !char.IsLetterOrDigit(text[index - 1]);
            var after = index + term.Length == text.Length || !char.IsLetterOrDigit(text[index + term.Length]);
            if (before && after)
            {
                yield return index;
                from = index + term.Length;
            }
            else
            {
                from = index + 1;
            }
        }
    }

    public static IEnumerable<string> Numbers(string text) => Number().Matches(text).Select(m => m.Value);

    public static IEnumerable<string> Urls(string text) => Url().Matches(text).Select(m => m.Value.TrimEnd('.', ',', ';', ':', '!', '?'));

    [GeneratedRegex(Stem, RegexOptions.CultureInvariant)]
    private static partial Regex StemText();

    [GeneratedRegex(Stem + @"(\d+)ZX", RegexOptions.CultureInvariant)]
    private static partial Regex Token();

    [GeneratedRegex(@"(`+)(?!`).+?(?<!`)\1(?!`)", RegexOptions.CultureInvariant)]
    private static partial Regex CodeSpan();

    // "](target "title")": the link's text stays translatable, its destination does not.
    [GeneratedRegex(@"\]\([^()\s]*(\s+""[^""]*"")?\)", RegexOptions.CultureInvariant)]
    private static partial Regex LinkTarget();

    [GeneratedRegex(@"<?\b(https?|ftp)://[^\s<>()\[\]]*[^\s<>()\[\].,;:!?'""]>?|<https?://[^>\s]+>", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex Url();

    [GeneratedRegex(@"[\w.+-]+@[\w-]+(\.[\w-]+)+", RegexOptions.CultureInvariant)]
    private static partial Regex Email();

    // Digits with thousands or decimal separators, not glued to letters ("S3" and "OAuth2" are words).
    [GeneratedRegex(@"(?<![\p{L}\d])\d+([.,\u00A0\u202F]\d+)*(?![\p{L}\d])", RegexOptions.CultureInvariant)]
    private static partial Regex Number();
}
