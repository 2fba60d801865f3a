using AngleSharp.Html.Parser;
using Tradewind.Web.Rendering;

namespace Tradewind.Web.Tests;

public sealed class SellerMarkdownTests
{
    private readonly SellerMarkdown _markdown = new();

    [Fact]
    public void Headings_lists_and_emphasis_render_as_html()
    {
        var html = _markdown.Render("Intro **bold**\n\n## Highlights\n\n- one\n- two").Value!;

        Assert.Contains("<strong>bold</strong>", html, StringComparison.Ordinal);
        Assert.Contains("<h2", html, StringComparison.Ordinal);
        Assert.Contains("<li>one</li>", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("<img src=x onerror=alert(1)>")]
    [InlineData("[click](javascript:alert(1))")]
    [InlineData("<a href=\"javascript:alert(1)\">x</a>")]
    [InlineData("<iframe src=\"https://evil.example\"></iframe>")]
    [InlineData("[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)")]
    public void No_script_survives(string hostile)
    {
        var html = _markdown.Render(hostile).Value!;

        // Hostile markup may survive as visible, escaped text; it must never become an element or a live link.
        var document = new HtmlParser().ParseDocument($"<body>{html}</body>");
        var elements = document.Body!.QuerySelectorAll("*");
        Assert.DoesNotContain(elements, e => e.TagName is "SCRIPT" or "IFRAME" or "IMG" or "OBJECT" or "EMBED");
        Assert.DoesNotContain(elements, e => e.Attributes.Any(a => a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase)));
        Assert.DoesNotContain(elements, e => e.GetAttribute("href") is { } href
            && !href.StartsWith("https:", StringComparison.OrdinalIgnoreCase) && !href.StartsWith("http:", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void Links_are_kept_but_marked_nofollow()
    {
        var html = _markdown.Render("[docs](https://docs.example.com/start)").Value!;

        Assert.Contains("href=\"https://docs.example.com/start\"", html, StringComparison.Ordinal);
        Assert.Contains("rel=\"nofollow noopener noreferrer\"", html, StringComparison.Ordinal);
    }
}
