using System.Text.RegularExpressions;
using System.Xml.Linq;
using Tradewind.Web.Cultures;

namespace Tradewind.Web.Tests;

/// <summary>
/// Every translation of SharedResource.resx has exactly its keys, the same placeholders in each value, and no empty
/// value — so a string added in English without its translations fails the build's tests, not a visitor's page.
/// </summary>
public sealed partial class ResourceTranslationTests
{
    private static readonly string Resources = Path.Combine(RepositoryRoot(), "src", "Tradewind.Web", "Resources");

    public static TheoryData<string> Translations() =>
        new(Directory.EnumerateFiles(Resources, "SharedResource.*.resx").Select(f => Path.GetFileName(f).Split('.')[1]).Order(StringComparer.Ordinal));

    [Fact]
    public void There_are_translations_to_check() => Assert.NotEmpty(Translations());

    [Theory]
    [MemberData(nameof(Translations))]
    public void A_translation_has_exactly_the_English_keys(string language)
    {
        var english = Read("SharedResource.resx");
        var translated = Read($"SharedResource.{language}.resx");

        var missing = english.Keys.Except(translated.Keys).ToList();
        var extra = translated.Keys.Except(english.Keys).ToList();
        Assert.True(missing.Count == 0, $"Missing from {language}:\n" + string.Join('\n', missing));
        Assert.True(extra.Count == 0, $"Not in English, yet in {language}:\n" + string.Join('\n', extra));
    }

    [Theory]
    [MemberData(nameof(Translations))]
    public void A_translation_keeps_every_placeholder_and_leaves_no_value_empty(string language)
    {
        var translated = Read($"SharedResource.{language}.resx");

        var wrong = translated
            .Where(t => string.IsNullOrWhiteSpace(t.Value) || !Placeholders(t.Key).SetEquals(Placeholders(t.Value)))
            .Select(t => $"{t.Key} → {t.Value}")
            .ToList();
        Assert.True(wrong.Count == 0, $"Empty or with other placeholders in {language}:\n" + string.Join('\n', wrong));
    }

    [Fact]
    public void Every_UI_language_but_English_has_a_translation()
    {
        var missing = CultureChoice.DefaultUiLanguages
            .Where(l => l != "en" && !File.Exists(Path.Combine(Resources, $"SharedResource.{l}.resx")))
            .ToList();

        Assert.Empty(missing);
    }

    private static Dictionary<string, string> Read(string file) =>
        XDocument.Load(Path.Combine(Resources, file)).Root!.Elements("data")
            .ToDictionary(d => (string)d.Attribute("name")!, d => (string?)d.Element("value") ?? "", StringComparer.Ordinal);

    private static HashSet<string> Placeholders(string text) =>
        Placeholder().Matches(text).Select(m => m.Value).ToHashSet(StringComparer.Ordinal);

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Tradewind.slnx")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("Tradewind.slnx not found above the test output directory.");
    }

    [GeneratedRegex(@"\{\d+(?:[,:][^}]*)?\}")]
    private static partial Regex Placeholder();
}
