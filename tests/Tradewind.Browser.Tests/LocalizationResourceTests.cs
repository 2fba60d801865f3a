using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace Tradewind.Browser.Tests;

/// <summary>
/// Every string the pages send through the localizer has its English text in SharedResource.resx, and every translation
/// carries exactly the English keys with the same placeholders.
/// </summary>
public sealed partial class LocalizationResourceTests
{
    [Fact]
    public void Every_localized_string_in_the_pages_has_an_English_resource()
    {
        var web = Path.Combine(RepositoryRoot(), "src", "Tradewind.Web");
        var resx = XDocument.Load(Path.Combine(web, "Resources", "SharedResource.resx"));
        var keys = resx.Root!.Elements("data").Select(d => (string)d.Attribute("name")!).ToHashSet(StringComparer.Ordinal);

        var used = Directory.EnumerateFiles(Path.Combine(web, "Pages"), "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cshtml", StringComparison.Ordinal) || f.EndsWith(".cs", StringComparison.Ordinal))
            .SelectMany(f => LocalizedLiteral().Matches(File.ReadAllText(f)).Select(m => (File: Path.GetFileName(f), Key: Unescape(m))))
            .ToList();

        Assert.NotEmpty(used);
        var missing = used.Where(u => !keys.Contains(u.Key)).Select(u => $"{u.File}: {u.Key}").Distinct().ToList();
        Assert.True(missing.Count == 0, "Missing from SharedResource.resx:\n" + string.Join('\n', missing));
    }

    [Fact]
    public void Every_translation_has_exactly_the_English_keys_with_their_placeholders()
    {
        var resources = Path.Combine(RepositoryRoot(), "src", "Tradewind.Web", "Resources");
        var english = XDocument.Load(Path.Combine(resources, "SharedResource.resx"));
        var englishKeys = Keys(english).ToHashSet(StringComparer.Ordinal);
        var translations = Directory.GetFiles(resources, "SharedResource.*.resx");

        Assert.NotEmpty(translations);
        var problems = new List<string>();
        foreach (var file in translations)
        {
            var name = Path.GetFileName(file);
            var translation = XDocument.Load(file);
            if (!translation.Root!.Elements("resheader").Select(h => h.ToString()).SequenceEqual(english.Root!.Elements("resheader").Select(h => h.ToString()), StringComparer.Ordinal))
            {
                problems.Add($"{name}: the resheader blocks differ from SharedResource.resx");
            }

            var keys = Keys(translation).ToList();
            problems.AddRange(keys.GroupBy(k => k, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => $"{name}: duplicate key “{g.Key}”"));
            problems.AddRange(englishKeys.Except(keys, StringComparer.Ordinal).Select(k => $"{name}: missing “{k}”"));
            problems.AddRange(keys.Except(englishKeys, StringComparer.Ordinal).Select(k => $"{name}: unknown key “{k}”"));
            foreach (var data in translation.Root!.Elements("data"))
            {
                var key = (string)data.Attribute("name")!;
                var value = (string?)data.Element("value") ?? "";
                if (string.IsNullOrWhiteSpace(value))
                {
                    problems.Add($"{name}: empty value for “{key}”");
                }
                else if (!Placeholders(key).SequenceEqual(Placeholders(value), StringComparer.Ordinal))
                {
                    problems.Add($"{name}: “{value}” does not have the placeholders of “{key}”");
                }
            }
        }

        Assert.True(problems.Count == 0, string.Join('\n', problems));
    }

    private static IEnumerable<string> Keys(XDocument resx) => resx.Root!.Elements("data").Select(d => (string)d.Attribute("name")!);

    private static IEnumerable<string> Placeholders(string text) =>
        Placeholder().Matches(text).Select(m => m.Value).Order(StringComparer.Ordinal);

    private static string Unescape(Match match) =>
        match.Groups.Cast<Group>().Skip(1).First(g => g.Success).Value.Replace("\\\"", "\"", StringComparison.Ordinal);

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

    [GeneratedRegex(@"\{\d+(?:,-?\d+)?(?::[^}]*)?\}")]
    private static partial Regex Placeholder();

    // L["..."] and localizer["..."] in views and page models, and the texts of validation attributes.
    [GeneratedRegex(@"(?:\bL|\blocalizer)\[\s*""((?:[^""\\]|\\.)*)""|ErrorMessage\s*=\s*""((?:[^""\\]|\\.)*)""|Display\(Name\s*=\s*""((?:[^""\\]|\\.)*)""")]
    private static partial Regex LocalizedLiteral();
}
