using CsCheck;
using Tradewind.Localization.Masking;

namespace Tradewind.Localization.Tests;

public sealed class MaskingTests
{
    private static readonly string[] Terms = ["Acme Insights", "Acme", "Northwind Labs"];

    [Fact]
    public void Code_spans_link_targets_urls_numbers_and_terms_are_masked_and_the_prose_is_not()
    {
        var masked = SegmentMasker.Mask("Acme Insights reads `log.json` from [the docs](https://acme.example/docs) at 1,000.5 rows/s, see https://x.io.", Terms);

        Assert.Equal(["Acme Insights", "`log.json`", "](https://acme.example/docs)", "1,000.5", "https://x.io"], masked.Originals);
        Assert.Equal("ZXTW0ZX reads ZXTW1ZX from [the docsZXTW2ZX at ZXTW3ZX rows/s, see ZXTW4ZX.", masked.Text);
    }

    [Fact]
    public void A_glossary_term_at_the_start_of_a_sentence_is_protected_and_the_longest_term_wins()
    {
        var masked = SegmentMasker.Mask("Acme Insights is fast. Acme is the company. Acmes are not a term.", Terms);

        Assert.Equal(["Acme Insights", "Acme"], masked.Originals);
        Assert.StartsWith("ZXTW0ZX is fast. ZXTW1ZX is the company. Acmes", masked.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Numbers_inside_words_stay_words()
    {
        var masked = SegmentMasker.Mask("Store in S3 with OAuth2 for 12 teams.", []);

        Assert.Equal(["12"], masked.Originals);
    }

    [Fact]
    public void Text_that_looks_like_a_placeholder_survives_masking()
    {
        const string text = "ZXTW0ZX is literally in the source, and so is ZXTW1";
        var masked = SegmentMasker.Mask(text, []);

        Assert.Equal(text, SegmentMasker.Unmask(masked.Text, masked.Originals));
        Assert.DoesNotContain("ZXTW0ZX is", masked.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Mask_then_unmask_returns_any_text_unchanged()
    {
        var pieces = OneOf(
            "Acme", "Acme Insights", " ", "\n", "`", "``code``", "[", "]", "(", ")", "](https://a.b/c)", "https://", "http://x.io/p?q=1",
            "1,000", "3.5", "42", "ZXTW", "ZX", "0", "*", "#", "_", "**", "@", "a@b.io", "é", "日本語", "Northwind Labs");
        var text = Gen.Frequency((3, pieces), (1, (Gen<string>)Gen.String)).Array[0, 30].Select(parts => string.Concat(parts));
        text.Sample(t =>
        {
            var masked = SegmentMasker.Mask(t, Terms);
            return SegmentMasker.Unmask(masked.Text, masked.Originals) == t;
        });
    }

    [Fact]
    public void Markdown_structure_is_kept_out_of_the_segments_and_restored_by_join()
    {
        const string markdown = "## Features\n\n- Dashboards\n  - Nested item\n    - Deeper item\n1. First step\n> Quote line\n\n```bash\ncurl https://x.io\n```\n\n| a | b |\n|---|---|\n\n    indented code\nLast line with break  \n";
        var lines = MarkdownSegments.Split(markdown);
        var segments = MarkdownSegments.Segments(lines);

        Assert.Equal(["Features", "Dashboards", "Nested item", "Deeper item", "First step", "Quote line", "Last line with break"], segments);
        Assert.Equal(markdown, MarkdownSegments.Join(lines, segments));
        var marked = MarkdownSegments.Join(lines, segments.Select(s => $"«{s}»").ToList());
        Assert.Contains("## «Features»\n\n- «Dashboards»\n  - «Nested item»\n    - «Deeper item»\n1. «First step»\n> «Quote line»", marked, StringComparison.Ordinal);
        Assert.Contains("```bash\ncurl https://x.io\n```\n\n| a | b |\n|---|---|\n\n    indented code\n«Last line with break»  \n", marked, StringComparison.Ordinal);
    }

    [Fact]
    public void Split_then_join_returns_any_text_unchanged()
    {
        var pieces = OneOf("# ", "## ", "- ", "  - ", "    - ", "1. ", "> ", "```", "~~~", "    ", "\t", "\n", "\r\n", "|", "---", "text", " ", "word  ");
        pieces.Array[0, 40].Select(parts => string.Concat(parts)).Sample(t =>
        {
            var lines = MarkdownSegments.Split(t);
            return MarkdownSegments.Join(lines, MarkdownSegments.Segments(lines)) == t;
        });
    }

    private static Gen<string> OneOf(params string[] values) => Gen.Int[0, values.Length - 1].Select(i => values[i]);
}
