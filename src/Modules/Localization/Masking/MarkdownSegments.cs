using System.Text;
using System.Text.RegularExpressions;

namespace Tradewind.Localization.Masking;

/// <summary>
/// Splits Markdown into lines and keeps its block structure out of the engine's reach: each line's prefix (indent,
/// heading marks, list and quote markers) and fenced code blocks, tables, rules and blank lines stay as written; only
/// the inline text of each other line is a segment to translate. <see cref="Join"/> puts translated segments back into
/// the same lines, so the structure of the result is the structure of the source by construction.
/// </summary>
internal static partial class MarkdownSegments
{
    /// <summary>One line: <see cref="Prefix"/> + (translated) <see cref="Text"/>; verbatim lines have no text to translate.</summary>
    public sealed record Line(string Prefix, string Text, bool Translatable, string Ending);

    public static List<Line> Split(string markdown)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        var lines = new List<Line>();
        var inFence = false;
        string? fence = null;
        var position = 0;
        while (position < markdown.Length)
        {
            var end = markdown.IndexOf('\n', position);
            var raw = end < 0 ? markdown[position..] : markdown[position..end];
            var ending = end < 0 ? "" : "\n";
            if (raw.EndsWith('\r'))
            {
                raw = raw[..^1];
                ending = "\r" + ending;
            }

            position = end < 0 ? markdown.Length : end + 1;
            var fenceMatch = FenceLine().Match(raw);
            if (inFence)
            {
                if (fenceMatch.Success && fenceMatch.Groups["fence"].Value.StartsWith(fence!, StringComparison.Ordinal) && fenceMatch.Groups["info"].Value.Trim().Length == 0)
                {
                    inFence = false;
                }

                lines.Add(new Line(raw, "", false, ending));
                continue;
            }

            if (fenceMatch.Success)
            {
                inFence = true;
                fence = fenceMatch.Groups["fence"].Value;
                lines.Add(new Line(raw, "", false, ending));
                continue;
            }

            if (raw.Trim().Length == 0 || IndentedCode().IsMatch(raw) || TableOrRule().IsMatch(raw))
            {
                lines.Add(new Line(raw, "", false, ending));
                continue;
            }

            var prefix = BlockPrefix().Match(raw).Value;
            var text = raw[prefix.Length..];
            // Trailing spaces (a Markdown line break) belong to the structure too.
            var trimmed = text.TrimEnd(' ', '\t');
            var trailing = text[trimmed.Length..];
            lines.Add(trimmed.Length == 0
                ? new Line(raw, "", false, ending)
                : new Line(prefix, trimmed, true, trailing + ending));
        }

        return lines;
    }

    /// <summary>The segments to translate, in order.</summary>
    public static List<string> Segments(IEnumerable<Line> lines) => lines.Where(l => l.Translatable).Select(l => l.Text).ToList();

    /// <summary>The lines with their segments replaced by <paramref name="translated"/>, in order.</summary>
    public static string Join(IReadOnlyList<Line> lines, IReadOnlyList<string> translated)
    {
        ArgumentNullException.ThrowIfNull(lines);
        ArgumentNullException.ThrowIfNull(translated);
        var builder = new StringBuilder();
        var next = 0;
        foreach (var line in lines)
        {
            builder.Append(line.Prefix);
            if (line.Translatable)
            {
                builder.Append(translated[next++]);
            }

            builder.Append(line.Ending);
        }

        if (next != translated.Count)
        {
            throw new ArgumentException($"{translated.Count} translations for {next} segments.", nameof(translated));
        }

        return builder.ToString();
    }

    [GeneratedRegex(@"^ {0,3}(?<fence>`{3,}|~{3,})(?<info>.*)$", RegexOptions.CultureInvariant)]
    private static partial Regex FenceLine();

    // Four spaces or a tab start a code block, unless what follows is a (nested) list item.
    [GeneratedRegex(@"^( {4,}|\t)(?![ \t]*([-*+]|\d{1,9}[.)])[ \t])", RegexOptions.CultureInvariant)]
    private static partial Regex IndentedCode();

    // Table rows and separators, thematic breaks, and setext underlines are structure only (tables are kept in the original).
    [GeneratedRegex(@"^\s*(\|.*|([-*_=]\s*){3,})$", RegexOptions.CultureInvariant)]
    private static partial Regex TableOrRule();

    // Indent, then any nesting of quote markers, list markers (-, *, +, 1., 1)) and task boxes, then heading marks.
    [GeneratedRegex(@"^[ \t]*((>[ \t]?)|([-*+][ \t]+)|(\d{1,9}[.)][ \t]+)|(\[[ xX]\][ \t]+))*(#{1,6}[ \t]+)?", RegexOptions.CultureInvariant)]
    private static partial Regex BlockPrefix();
}
