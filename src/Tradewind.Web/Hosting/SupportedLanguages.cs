using System.Globalization;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.Options;

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

    /// <summary><c>POST /culture</c> stores the chosen language in a cookie and returns to the page it came from.</summary>
    public static IEndpointRouteBuilder MapCultureSwitch(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/culture", (HttpContext context, [Microsoft.AspNetCore.Mvc.FromForm] string culture, [Microsoft.AspNetCore.Mvc.FromForm] string? returnUrl) =>
            {
                var supported = context.UiCultures().Any(c => string.Equals(c.Name, culture, StringComparison.OrdinalIgnoreCase));
                if (supported)
                {
                    var current = context.Features.Get<IRequestCultureFeature>()?.RequestCulture.Culture.Name ?? "en-US";
                    context.Response.Cookies.Append(
                        CookieRequestCultureProvider.DefaultCookieName,
                        CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(current, culture)),
                        new CookieOptions { Expires = null, IsEssential = true, SameSite = SameSiteMode.Lax, MaxAge = TimeSpan.FromDays(365) });
                }

                // Only local paths: an open redirect would let anyone send our users elsewhere.
                var target = !string.IsNullOrEmpty(returnUrl) && returnUrl.StartsWith('/') && !returnUrl.StartsWith("//", StringComparison.Ordinal)
                    && !returnUrl.StartsWith("/\\", StringComparison.Ordinal) ? returnUrl : "/";
                return Results.LocalRedirect(target);
            })
            .ExcludeFromDescription()
            // Only a language cookie is at stake, and a token in every page's switcher would make them uncacheable.
            .DisableAntiforgery();
        return endpoints;
    }
}
