using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.Options;
using Tradewind.Contracts.Accounts;
using Tradewind.Primitives.Ids;
using Tradewind.Web.Cultures;
using Tradewind.Web.Security;

namespace Tradewind.Web.Hosting;

/// <summary>
/// The languages the UI offers and the cultures used to format numbers and dates. Language and formatting are
/// separate choices: a Spanish speaker in Mexico reads Spanish text with Mexican number formats.
/// </summary>
internal static class SupportedLanguages
{
    /// <summary>Specific cultures only: a neutral culture has no region and so formats currency as '¤'.</summary>
    public static readonly string[] FormattingCultures =
        ["en-US", "en-GB", "en-AU", "en-IN", "en-IE", "de-DE", "fr-FR", "es-ES", "ja-JP", "ko-KR"];

    public static IList<CultureInfo> UiCultures(this HttpContext context) =>
        context.RequestServices.GetRequiredService<IOptions<RequestLocalizationOptions>>().Value.SupportedUICultures ?? [];

    /// <summary>
    /// <c>POST /culture</c> stores the chosen language in a cookie — and in the account of a signed-in person — and
    /// returns to the page it came from, in the new language's URL prefix when that page had one.
    /// </summary>
    public static IEndpointRouteBuilder MapCultureSwitch(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/culture", async (HttpContext context, IAccountsCommands accounts, [Microsoft.AspNetCore.Mvc.FromForm] string culture, [Microsoft.AspNetCore.Mvc.FromForm] string? returnUrl) =>
            {
                var language = CultureChoice.Supported(context.UiCultures(), culture);
                // Only local paths: an open redirect would let anyone send our users elsewhere.
                var target = !string.IsNullOrEmpty(returnUrl) && returnUrl.StartsWith('/') && !returnUrl.StartsWith("//", StringComparison.Ordinal)
                    && !returnUrl.StartsWith("/\\", StringComparison.Ordinal) ? returnUrl : "/";
                if (language is null)
                {
                    return Results.LocalRedirect(target);
                }

                var formatting = CultureChoice.FormattingCulture(language, CultureChoice.CountryOf(context, language));
                context.Response.Cookies.Append(
                    CookieRequestCultureProvider.DefaultCookieName,
                    CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(formatting.Name, language)),
                    new CookieOptions { Expires = null, IsEssential = true, SameSite = SameSiteMode.Lax, MaxAge = TimeSpan.FromDays(365) });

                // A person's saved language outranks the cookie, so it must change too. The sign-in cookie is
                // SameSite=Lax, so a cross-site form cannot change it on someone's behalf.
                if (context.User.Identity?.IsAuthenticated == true
                    && Guid.TryParse(context.User.FindFirstValue(ClaimTypes.NameIdentifier), out var userId)
                    && context.User.FindFirstValue(TradewindClaims.ApiKeyId) is null)
                {
                    await accounts.SetPreferredLanguageAsync(UserId.From(userId), language, context.User.Actor(), context.RequestAborted);
                }

                return Results.LocalRedirect(WithLanguagePrefix(target, language, context.RequestServices.GetRequiredService<IOptions<RequestLocalizationOptions>>().Value));
            })
            .ExcludeFromDescription()
            // Only a language cookie is at stake, and a token in every page's switcher would make them uncacheable.
            .DisableAntiforgery();
        return endpoints;
    }

    /// <summary>"/ja/products/x" becomes "/fr/products/x"; a path without a language prefix is left alone.</summary>
    internal static string WithLanguagePrefix(string localUrl, string language, RequestLocalizationOptions options)
    {
        var end = localUrl.IndexOfAny(['?', '#']);
        var path = end < 0 ? localUrl : localUrl[..end];
        if (CulturePrefixMiddleware.LanguageOf(new PathString(path), options) is not { } current)
        {
            return localUrl;
        }

        return "/" + language + localUrl[(1 + current.Length)..];
    }
}
