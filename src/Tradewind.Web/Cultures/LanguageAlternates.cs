using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.AspNetCore.OutputCaching;
using Tradewind.Web.Caching;
using Tradewind.Web.Hosting;

namespace Tradewind.Web.Cultures;

/// <summary>
/// The addresses of one public page in every UI language, for <c>&lt;link rel="alternate" hreflang&gt;</c>: each
/// language under its <c>/{language}/</c> prefix, and <c>x-default</c> without a prefix (where the visitor's cookie
/// or browser picks the language). The canonical URL is the page's own address in the language it is shown in.
/// </summary>
internal static class LanguageAlternates
{
    /// <summary>Whether the page is a public storefront page (one with the storefront output-cache policy).</summary>
    public static bool IsPublicPage(HttpContext context) =>
        context.GetEndpoint()?.Metadata.GetMetadata<OutputCacheAttribute>()?.PolicyName == StorefrontOutputCache.PolicyName;

    /// <summary>The canonical URL: scheme, host, path base (with the language prefix, if any), path and query.</summary>
    public static string Canonical(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return UriHelper.BuildAbsolute(request.Scheme, request.Host, request.PathBase, request.Path, request.QueryString);
    }

    /// <summary>(hreflang, URL) pairs: <c>x-default</c> first, then each UI language.</summary>
    public static IReadOnlyList<(string Hreflang, string Url)> For(HttpContext context, string? canonical = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        var request = context.Request;
        var pathBase = request.PathBase;
        if (context.Features.Get<CulturePrefixFeature>() is { } prefix && pathBase.Value is { } value
            && value.EndsWith(prefix.Prefix.Value!, StringComparison.Ordinal))
        {
            pathBase = new PathString(value[..^prefix.Prefix.Value!.Length]);
        }

        // The page's own canonical form (e.g. a listing without tracking parameters) when it names one.
        var current = UriHelper.BuildAbsolute(request.Scheme, request.Host, request.PathBase).TrimEnd('/');
        var rest = canonical is not null && canonical.StartsWith(current, StringComparison.Ordinal)
            ? canonical[current.Length..]
            : request.Path.Value + request.QueryString.Value;
        if (string.IsNullOrEmpty(rest))
        {
            rest = "/";
        }

        var origin = UriHelper.BuildAbsolute(request.Scheme, request.Host, pathBase).TrimEnd('/');
        var alternates = new List<(string, string)> { ("x-default", origin + rest) };
        alternates.AddRange(context.UiCultures().Select(c => (c.Name, $"{origin}/{c.Name.ToLowerInvariant()}{rest}")));
        return alternates;
    }
}
