using System.Security.Claims;
using Microsoft.Net.Http.Headers;

namespace Tradewind.Web.Pages.Shared;

internal static class StorefrontCaching
{
    /// <summary>
    /// Lets browsers and shared caches keep an anonymous storefront page for a minute. Signed-in pages show the
    /// person's name and forms with antiforgery tokens, so they are never marked public.
    /// </summary>
    public static void CachePubliclyWhenAnonymous(this HttpResponse response, ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(response);
        if (user?.Identity?.IsAuthenticated == true)
        {
            return;
        }

        response.Headers[HeaderNames.CacheControl] = "public, max-age=60";
        // The language comes from the culture cookie or Accept-Language, so a cache must key on both.
        response.Headers[HeaderNames.Vary] = "Accept-Language, Cookie";
    }
}
