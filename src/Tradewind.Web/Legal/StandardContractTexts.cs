using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Markdig;
using Microsoft.AspNetCore.Html;
using Tradewind.Contracts.Legal;

namespace Tradewind.Web.Legal;

/// <summary>
/// One language of one version of the standard contract, exactly as shown. <see cref="Sha256"/> fingerprints the
/// Markdown file's bytes, so an agreement can record precisely which text a buyer accepted.
/// </summary>
/// <param name="Version">The version, <c>yyyy-MM</c>.</param>
/// <param name="Language">The language of the text shown; English when <paramref name="RequestedLanguage"/> has no file.</param>
/// <param name="RequestedLanguage">The language asked for.</param>
/// <param name="Title">The text's first heading.</param>
/// <param name="Html">The rest of the text, rendered.</param>
/// <param name="Sha256">Lower-case hex SHA-256 of the Markdown file's bytes.</param>
internal sealed record StandardContractText(
    string Version,
    string Language,
    string RequestedLanguage,
    string Title,
    HtmlString Html,
    string Sha256)
{
    /// <summary>True when English is shown because the requested language has no text for this version.</summary>
    public bool IsFallback => !string.Equals(Language, RequestedLanguage, StringComparison.Ordinal);
}

/// <summary>The published texts of the operator's standard contract (<see cref="StandardContract"/>).</summary>
internal interface IStandardContractTexts
{
    /// <summary>The versions that have an English text, newest first.</summary>
    IReadOnlyList<string> Versions();

    /// <summary>The languages <paramref name="version"/> is published in, English first.</summary>
    IReadOnlyList<string> Languages(string version);

    /// <summary>
    /// The text of <paramref name="version"/> in <paramref name="language"/>, or in English when that language has no
    /// file (see <see cref="StandardContractText.IsFallback"/>); null when the version has no English text.
    /// </summary>
    StandardContractText? Find(string version, string language);
}

/// <summary>
/// Reads <c>Legal/standard-contract/{version}/{language}.md</c> under the content root (or
/// <c>Legal:StandardContractDirectory</c>). Versions are named <c>yyyy-MM</c> and languages are those of
/// <see cref="StandardContract.Languages"/>; anything else is never turned into a path. The first <c># heading</c> is the
/// title; the rest is rendered with raw HTML disabled.
/// </summary>
internal sealed partial class StandardContractTexts(IWebHostEnvironment environment, IConfiguration configuration) : IStandardContractTexts
{
    private const string English = "en";

    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .DisableHtml()
        .UsePipeTables()
        .UseAutoIdentifiers()
        .UseListExtras()
        .Build();

    private string Root => configuration["Legal:StandardContractDirectory"] is { Length: > 0 } configured
        ? configured
        : Path.Combine(environment.ContentRootPath, "Legal", "standard-contract");

    public IReadOnlyList<string> Versions() =>
        !Directory.Exists(Root)
            ? []
            : Directory.EnumerateDirectories(Root)
                .Select(Path.GetFileName)
                .OfType<string>()
                .Where(v => VersionName().IsMatch(v) && File.Exists(FileOf(v, English)))
                .OrderDescending(StringComparer.Ordinal)
                .ToList();

    public IReadOnlyList<string> Languages(string version) =>
        !VersionName().IsMatch(version ?? "")
            ? []
            : StandardContract.Languages.Where(l => File.Exists(FileOf(version!, l))).ToList();

    public StandardContractText? Find(string version, string language)
    {
        if (!VersionName().IsMatch(version ?? ""))
        {
            return null;
        }

        var requested = StandardContract.Languages.Contains(language, StringComparer.Ordinal) ? language : English;
        var shown = File.Exists(FileOf(version!, requested)) ? requested : English;
        var path = FileOf(version!, shown);
        if (!File.Exists(path))
        {
            return null;
        }

        var bytes = File.ReadAllBytes(path);
        var markdown = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetString(bytes).TrimStart('\uFEFF');
        var (title, body) = SplitTitle(markdown, version!);
        return new StandardContractText(
            version!, shown, requested, title, new HtmlString(Markdown.ToHtml(body, Pipeline)), Convert.ToHexStringLower(SHA256.HashData(bytes)));
    }

    private string FileOf(string version, string language) => Path.Combine(Root, version, language + ".md");

    private static (string Title, string Body) SplitTitle(string markdown, string version)
    {
        var lines = markdown.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var index = Array.FindIndex(lines, l => l.StartsWith("# ", StringComparison.Ordinal));
        if (index < 0)
        {
            return ($"Tradewind standard contract {version}", markdown);
        }

        return (lines[index][2..].Trim(), string.Join('\n', lines.Where((_, i) => i != index)));
    }

    [GeneratedRegex(@"^\d{4}-\d{2}$")]
    private static partial Regex VersionName();
}
