using Microsoft.Extensions.Options;

namespace Tradewind.Web.Cultures;

/// <summary>The <c>/{language}</c> prefix a request came in with, moved from its path to its path base.</summary>
internal sealed record CulturePrefixFeature(string Language)
{
    public PathString Prefix => new("/" + Language);
}

/// <summary>
/// Serves <c>/ja/products/x</c> as <c>/products/x</c> in Japanese: a first path segment naming a UI language is moved
/// into <see cref="HttpRequest.PathBase"/>, so routing sees the plain path, and every URL built from the path base
/// (redirects, <c>~/</c> links, links through <see cref="CulturePrefixLinkTagHelper"/>) keeps the language. Only exact
/// lower-case names count, so each page has one address per language.
/// </summary>
internal sealed class CulturePrefixMiddleware(RequestDelegate next, IOptions<RequestLocalizationOptions> options)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var language = LanguageOf(context.Request.Path, options.Value);
        if (language is null)
        {
            await next(context);
            return;
        }

        var prefix = new PathString("/" + language);
        context.Request.Path.StartsWithSegments(prefix, StringComparison.Ordinal, out var rest);
        var originalBase = context.Request.PathBase;
        var originalPath = context.Request.Path;
        context.Request.PathBase = originalBase.Add(prefix);
        context.Request.Path = rest.HasValue ? rest : new PathString("/");
        context.Features.Set(new CulturePrefixFeature(language));
        try
        {
            await next(context);
        }
        finally
        {
            context.Request.PathBase = originalBase;
            context.Request.Path = originalPath;
        }
    }

    /// <summary>The UI language named by the first segment of <paramref name="path"/>, if any.</summary>
    public static string? LanguageOf(PathString path, RequestLocalizationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var value = path.Value;
        if (value is not { Length: >= 3 } || value[0] != '/')
        {
            return null;
        }

        var end = value.IndexOf('/', 1);
        var segment = end < 0 ? value[1..] : value[1..end];
        return options.SupportedUICultures?.FirstOrDefault(c => string.Equals(c.Name, segment, StringComparison.Ordinal))?.Name;
    }
}
