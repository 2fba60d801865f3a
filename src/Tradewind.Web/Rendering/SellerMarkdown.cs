using Ganss.Xss;
using Markdig;
using Microsoft.AspNetCore.Html;

namespace Tradewind.Web.Rendering;

/// <summary>
/// Renders seller-authored Markdown (listing descriptions, licence text) to HTML that is safe to put on a page
/// buyers trust. Two layers: Markdig ignores raw HTML in the source, and HtmlSanitizer then keeps only an allow-list
/// of tags, attributes and URL schemes, so no script, event handler or <c>javascript:</c> link survives even if a
/// Markdig extension were to emit one. Links open with <c>rel="nofollow noopener"</c>.
/// </summary>
public sealed class SellerMarkdown
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .DisableHtml()
        .UseAutoLinks()
        .UsePipeTables()
        .UseEmphasisExtras()
        .UseListExtras()
        .Build();

    private readonly HtmlSanitizer _sanitizer;

    public SellerMarkdown()
    {
        var options = new HtmlSanitizerOptions
        {
            AllowedTags = new HashSet<string>(
                ["p", "br", "strong", "em", "del", "code", "pre", "blockquote", "ul", "ol", "li", "a", "h2", "h3", "h4", "table", "thead", "tbody", "tr", "th", "td", "hr"],
                StringComparer.OrdinalIgnoreCase),
            AllowedAttributes = new HashSet<string>(["href", "title", "align"], StringComparer.OrdinalIgnoreCase),
            AllowedSchemes = new HashSet<string>(["https", "http", "mailto"], StringComparer.OrdinalIgnoreCase),
            UriAttributes = new HashSet<string>(["href"], StringComparer.OrdinalIgnoreCase),
        };
        _sanitizer = new HtmlSanitizer(options);
        _sanitizer.PostProcessNode += (_, e) =>
        {
            if (e.Node is AngleSharp.Dom.IElement { TagName: "A" } link)
            {
                link.SetAttribute("rel", "nofollow noopener noreferrer");
            }
        };
    }

    public HtmlString Render(string? markdown)
    {
        if (string.IsNullOrWhiteSpace(markdown))
        {
            return HtmlString.Empty;
        }

        var html = Markdown.ToHtml(markdown, Pipeline);
        return new HtmlString(_sanitizer.Sanitize(html));
    }
}
