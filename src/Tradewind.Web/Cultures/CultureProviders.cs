using System.Security.Claims;
using Microsoft.AspNetCore.Localization;
using Tradewind.Contracts.Accounts;

namespace Tradewind.Web.Cultures;

/// <summary>
/// The sources of a request's language, in the order they win: the signed-in person's saved language, a
/// <c>/{language}/</c> URL prefix, the language cookie, Accept-Language, and finally the default (English). Each
/// source names a language; the formatting culture comes from that language and the visitor's country
/// (<see cref="CultureChoice.FormattingCulture"/>).
/// </summary>
internal static class CultureProviders
{
    /// <summary>The providers, each given <paramref name="options"/> (the supported languages they match against).</summary>
    public static IList<IRequestCultureProvider> InOrder(RequestLocalizationOptions options) =>
    [
        new PreferredLanguageCultureProvider { Options = options },
        new UrlPrefixCultureProvider { Options = options },
        new CookieRequestCultureProvider { Options = options },
        new AcceptLanguageCultureProvider { Options = options },
    ];

    internal static Task<ProviderCultureResult?> For(HttpContext context, string language) =>
        Task.FromResult<ProviderCultureResult?>(new ProviderCultureResult(
            CultureChoice.FormattingCulture(language, CultureChoice.CountryOf(context, language)).Name, language));

    internal static readonly Task<ProviderCultureResult?> None = Task.FromResult<ProviderCultureResult?>(null);
}

/// <summary>The language saved in the person's account (a claim in the sign-in cookie).</summary>
internal sealed class PreferredLanguageCultureProvider : RequestCultureProvider
{
    public override Task<ProviderCultureResult?> DetermineProviderCultureResult(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var language = CultureChoice.Supported(Options?.SupportedUICultures, httpContext.User.FindFirstValue(TradewindClaims.PreferredLanguage));
        return language is null ? CultureProviders.None : CultureProviders.For(httpContext, language);
    }
}

/// <summary>The language of a <c>/{language}/</c> URL prefix, recognised by <see cref="CulturePrefixMiddleware"/>.</summary>
internal sealed class UrlPrefixCultureProvider : RequestCultureProvider
{
    public override Task<ProviderCultureResult?> DetermineProviderCultureResult(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        return httpContext.Features.Get<CulturePrefixFeature>() is { } prefix
            ? CultureProviders.For(httpContext, prefix.Language)
            : CultureProviders.None;
    }
}

/// <summary>
/// The first Accept-Language entry whose language the UI offers, by weight. Unlike ASP.NET Core's own provider it
/// matches "es-MX" to Spanish and "ja" to Japanese text with ja-JP formatting, instead of falling back to English when
/// the exact tag is not in the supported list.
/// </summary>
internal sealed class AcceptLanguageCultureProvider : RequestCultureProvider
{
    public override Task<ProviderCultureResult?> DetermineProviderCultureResult(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        foreach (var tag in CultureChoice.AcceptedLanguages(httpContext.Request).Take(10))
        {
            var (language, region) = CultureChoice.Split(tag);
            if (CultureChoice.Supported(Options?.SupportedUICultures, language) is { } supported)
            {
                var country = httpContext.User.FindFirstValue(TradewindClaims.Country) ?? region;
                return Task.FromResult<ProviderCultureResult?>(new ProviderCultureResult(
                    CultureChoice.FormattingCulture(supported, country).Name, supported));
            }
        }

        return CultureProviders.None;
    }
}
