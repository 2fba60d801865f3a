using Tradewind.Localization.Masking;

namespace Tradewind.Localization.Tests;

public sealed class ValidatorTests
{
    private static readonly string[] Terms = ["Acme Insights"];

    [Fact]
    public void A_faithful_translation_passes()
    {
        const string source = "## Acme Insights\n\n- Share [reports](https://acme.example/r) with 1,000 users\n- Read `events.log`";
        const string translated = "## Acme Insights\n\n- Comparte [informes](https://acme.example/r) con 1,000 usuarios\n- Lee `events.log`";

        Assert.Null(TranslationValidator.CheckField(source, translated, Terms, 30_000));
    }

    [Theory]
    [InlineData("Comparte informes con 1.000 usuarios de Acme Insights.", "Numbers differ")]
    [InlineData("Comparte informes con 1,000 usuarios de Ideas de acmé.", "protected term")]
    [InlineData("Comparte *informes con 1,000 usuarios de Acme Insights.", "marked unknown words")]
    [InlineData("Comparte #informes con 1,000 usuarios de Acme Insights.", "marked unknown words")]
    public void Broken_translations_are_rejected_with_the_reason(string translated, string reason)
    {
        var rejected = TranslationValidator.CheckField("Share reports with 1,000 Acme Insights users.", translated, Terms, 30_000);

        Assert.NotNull(rejected);
        Assert.Contains(reason, rejected, StringComparison.Ordinal);
    }

    [Fact]
    public void A_changed_url_a_lost_list_item_or_a_dropped_link_is_rejected()
    {
        Assert.Contains("URLs", TranslationValidator.CheckField("See https://acme.example/a.", "Ver https://acme.example/b.", [], 1000), StringComparison.Ordinal);
        Assert.Contains("structure", TranslationValidator.CheckField("- one\n- two", "- uno dos", [], 1000), StringComparison.Ordinal);
        Assert.Contains("structure", TranslationValidator.CheckField("Read [the docs](/docs).", "Lee la documentación (/docs).", [], 1000), StringComparison.Ordinal);
    }

    [Fact]
    public void An_overlong_translation_is_rejected()
    {
        Assert.Contains("characters long", TranslationValidator.CheckField("Fast.", new string('a', 100), [], 1000), StringComparison.Ordinal);
    }

    [Fact]
    public void Emphasis_in_the_source_is_not_taken_for_an_unknown_word_mark()
    {
        Assert.Null(TranslationValidator.CheckField("Really *fast* dashboards", "Paneles *rápidos* de verdad", [], 1000));
    }

    [Fact]
    public void A_segment_with_a_lost_duplicated_or_invented_placeholder_is_rejected()
    {
        var masked = SegmentMasker.Mask("Acme Insights for 5 teams", Terms);

        Assert.Null(TranslationValidator.CheckSegment(masked, "ZXTW0ZX para ZXTW1ZX equipos"));
        Assert.Contains("lost", TranslationValidator.CheckSegment(masked, "Ideas de acmé para ZXTW1ZX equipos"), StringComparison.Ordinal);
        Assert.Contains("2 times", TranslationValidator.CheckSegment(masked, "ZXTW0ZX ZXTW0ZX para ZXTW1ZX equipos"), StringComparison.Ordinal);
        Assert.Contains("does not have", TranslationValidator.CheckSegment(masked, "ZXTW0ZX para ZXTW1ZX equipos ZXTW7ZX"), StringComparison.Ordinal);
        Assert.Contains("empty", TranslationValidator.CheckSegment(masked, "  "), StringComparison.Ordinal);
    }
}
