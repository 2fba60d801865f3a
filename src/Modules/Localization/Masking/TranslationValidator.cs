using System.Text.RegularExpressions;

namespace Tradewind.Localization.Masking;

/// <summary>
/// Checks a machine translation of one field against its source before anything is published. A translation that
/// breaks what must survive is rejected with the first reason found; nothing is repaired silently.
/// </summary>
internal static partial class TranslationValidator
{
    /// <summary>Why the raw engine output of one masked segment is unacceptable, or null.</summary>
    public static string? CheckSegment(SegmentMasker.Masked masked, string output)
    {
        ArgumentNullException.ThrowIfNull(masked);
        ArgumentNullException.ThrowIfNull(output);
        if (output.Trim().Length == 0 && masked.Text.Trim().Length > 0)
        {
            return "The engine returned an empty translation.";
        }

        var counts = SegmentMasker.TokenCounts(output);
        for (var i = 0; i < masked.Originals.Count; i++)
        {
            var token = SegmentMasker.Masked.Token(i);
            var found = counts.GetValueOrDefault(token);
            if (found != 1)
            {
                return found == 0
                    ? $"Protected text \"{masked.Originals[i]}\" was lost in translation."
                    : $"Protected text \"{masked.Originals[i]}\" appears {found} times in the translation.";
            }
        }

        if (counts.Count > masked.Originals.Count)
        {
            return "The translation contains placeholders the source does not have.";
        }

        return null;
    }

    /// <summary>Why the translated field <paramref name="translated"/> is unacceptable against <paramref name="source"/>, or null.</summary>
    public static string? CheckField(string source, string translated, IReadOnlyList<string> protectedTerms, int maxLength)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(translated);
        ArgumentNullException.ThrowIfNull(protectedTerms);

        if (Marks(translated) > Marks(source))
        {
            return "The engine marked unknown words or generation errors (* or #) in its output.";
        }

        if (!SameMultiset(SegmentMasker.Numbers(source), SegmentMasker.Numbers(translated)))
        {
            return "Numbers differ from the source.";
        }

        if (!SameMultiset(SegmentMasker.Urls(source), SegmentMasker.Urls(translated)))
        {
            return "Links or URLs differ from the source.";
        }

        foreach (var term in protectedTerms.Where(t => t.Trim().Length > 0).Distinct(StringComparer.Ordinal))
        {
            var inSource = SegmentMasker.TermOccurrences(source, term).Count();
            if (inSource > 0 && SegmentMasker.TermOccurrences(translated, term).Count() < inSource)
            {
                return $"The protected term \"{term}\" is missing from the translation.";
            }
        }

        var structure = Structure(source);
        if (structure != Structure(translated))
        {
            return $"The Markdown structure differs from the source (headings, list items, links, code: {structure} in the source, {Structure(translated)} in the translation).";
        }

        var limit = Math.Min(maxLength, (source.Length * 3) + 40);
        if (translated.Length > limit)
        {
            return $"The translation is {translated.Length} characters long; at most {limit} are allowed for this field.";
        }

        return null;
    }

    /// <summary>Headings, list items, links and code (spans and fences), counted.</summary>
    internal static string Structure(string markdown)
    {
        var lines = MarkdownSegments.Split(markdown);
        var headings = lines.Count(l => l.Translatable && l.Prefix.Contains('#', StringComparison.Ordinal));
        var items = lines.Count(l => l.Translatable && ListMarker().IsMatch(l.Prefix));
        var links = LinkOpen().Count(markdown);
        var code = Backticks().Count(markdown);
        return $"{headings}/{items}/{links}/{code}";
    }

    private static int Marks(string text) => ApertiumMark().Count(text);

    private static bool SameMultiset(IEnumerable<string> a, IEnumerable<string> b) =>
        a.Order(StringComparer.Ordinal).SequenceEqual(b.Order(StringComparer.Ordinal), StringComparer.Ordinal);

    // Apertium writes *word for an unknown word and #word for a generation error.
    [GeneratedRegex(@"(?<![\p{L}\d*#])[*#]\p{L}", RegexOptions.CultureInvariant)]
    private static partial Regex ApertiumMark();

    [GeneratedRegex(@"([-*+]|\d{1,9}[.)])[ \t]", RegexOptions.CultureInvariant)]
    private static partial Regex ListMarker();

    [GeneratedRegex(@"\]\(", RegexOptions.CultureInvariant)]
    private static partial Regex LinkOpen();

    [GeneratedRegex(@"`+", RegexOptions.CultureInvariant)]
    private static partial Regex Backticks();
}
