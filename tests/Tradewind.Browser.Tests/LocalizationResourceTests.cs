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

    // L["..."] and localizer["..."] in views and page models, and the texts of validation attributes.
    [GeneratedRegex(@"(?:\bL|\blocalizer)\[\s*""((?:[^""\\]|\\.)*)""|ErrorMessage\s*=\s*""((?:[^""\\]|\\.)*)""|Display\(Name\s*=\s*""((?:[^""\\]|\\.)*)""")]
    private static partial Regex LocalizedLiteral();
}
