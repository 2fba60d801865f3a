using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;
using Microsoft.Extensions.Options;

namespace Tradewind.Web.Cultures;

/// <summary>
/// Keeps a page reached under <c>/{language}/</c> in that language: root-relative links and form targets written as
/// plain paths (<c>href="/categories/x"</c>) get the request's language prefix. Other links, links that already name a
/// language and pages reached without a prefix are left as written.
/// </summary>
/// <remarks>Public only because Razor discovers tag helpers among public types.</remarks>
[HtmlTargetElement("a", Attributes = "href")]
[HtmlTargetElement("form", Attributes = "action")]
public sealed class CulturePrefixLinkTagHelper(HtmlEncoder encoder, IOptions<RequestLocalizationOptions> options) : TagHelper
{
    // After the framework's own tag helpers, which resolve "~/" and asp-* links including the path base already.
    public override int Order => 1000;

    [HtmlAttributeNotBound]
    [ViewContext]
    public ViewContext ViewContext { get; set; } = null!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (ViewContext.HttpContext.Features.Get<CulturePrefixFeature>() is null)
        {
            return;
        }

        var name = output.TagName == "form" ? "action" : "href";
        if (!output.Attributes.TryGetAttribute(name, out var attribute))
        {
            return;
        }

        var (text, encoded) = attribute.Value switch
        {
            string s => (s, false),
            IHtmlContent html => (Render(html), true),
            null => ("", false),
            var other => (other.ToString() ?? "", false),
        };
        if (!IsLocalPath(text) || CulturePrefixMiddleware.LanguageOf(new PathString(PathOnly(text)), options.Value) is not null)
        {
            return;
        }

        var prefixed = ViewContext.HttpContext.Request.PathBase.Value + text;
        output.Attributes.SetAttribute(name, encoded ? new HtmlString(prefixed) : prefixed);
    }

    private static bool IsLocalPath(string url) =>
        url.Length > 0 && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'));

    private static string PathOnly(string url)
    {
        var end = url.IndexOfAny(['?', '#']);
        return end < 0 ? url : url[..end];
    }

    private string Render(IHtmlContent html)
    {
        using var writer = new StringWriter();
        html.WriteTo(writer, encoder);
        return writer.ToString();
    }
}
