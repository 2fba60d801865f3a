using System.Text.Json;
using Microsoft.AspNetCore.Http.Features;
using Tradewind.Contracts.Accounts;
using Tradewind.Contracts.Analytics;
using Tradewind.Contracts.Catalog;
using Tradewind.Web.Security;

namespace Tradewind.Web.Analytics;

/// <summary>
/// The storefront's anonymous capture endpoints, outside <c>/api/v1</c>: the listing page's beacon and the redirect its
/// call-to-action links go through.
/// </summary>
internal static class ListingCaptureEndpoints
{
    /// <summary>A beacon body is <c>{"t":"…43 chars…","w":false}</c>; anything longer is not one.</summary>
    public const int BeaconMaxBytes = 256;

    public static IEndpointRouteBuilder MapListingCapture(this IEndpointRouteBuilder app)
    {
        app.MapPost("/analytics/beacon", BeaconAsync)
            .AllowAnonymous()
            .DisableAntiforgery()
            .ExcludeFromDescription();
        app.MapGet("/go/{cta}/{slug}", GoAsync)
            .AllowAnonymous()
            .ExcludeFromDescription();
        return app;
    }

    /// <summary>
    /// Confirms the view the token names (or flags it as automated when <c>navigator.webdriver</c> was true). Always
    /// 204: the page does not wait for it, and a caller learns nothing about tokens from the answer.
    /// </summary>
    private static async Task<IResult> BeaconAsync(HttpContext context, IListingTrafficCapture capture)
    {
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = BeaconMaxBytes;
        }

        try
        {
            var body = new byte[BeaconMaxBytes + 1];
            var length = 0;
            int read;
            while (length < body.Length && (read = await context.Request.Body.ReadAsync(body.AsMemory(length), context.RequestAborted)) > 0)
            {
                length += read;
            }

            if (length is > 0 and <= BeaconMaxBytes)
            {
                using var json = JsonDocument.Parse(body.AsMemory(0, length));
                var root = json.RootElement;
                if (root.ValueKind == JsonValueKind.Object
                    && root.TryGetProperty("t", out var token) && token.ValueKind == JsonValueKind.String)
                {
                    var webdriver = root.TryGetProperty("w", out var w) && w.ValueKind == JsonValueKind.True;
                    capture.Confirm(token.GetString(), webdriver);
                }
            }
        }
        catch (Exception exception) when (exception is JsonException or BadHttpRequestException or IOException)
        {
            // Not a beacon: nothing to confirm.
        }

        return TypedResults.NoContent();
    }

    /// <summary>
    /// Records <c>cta_clicked</c> for a listing and redirects to <c>to</c>, which must be a path on this site (an open
    /// redirect would let anyone borrow our domain for phishing links); anything else is refused with 400.
    /// </summary>
    private static async Task<IResult> GoAsync(
        string cta, string slug, string? att, string? to, HttpContext context, IListingTrafficCapture capture, ICatalogQueries catalog)
    {
        if (!ListingCtas.IsKnown(cta) || !IsLocalPath(to))
        {
            return TypedResults.BadRequest();
        }

        if (capture.Enabled && await catalog.FindPublishedBySlugAsync(slug, context.RequestAborted) is { } listing)
        {
            var user = context.User;
            var buyer = user.Identity?.IsAuthenticated == true && user.IsInRole(Roles.Buyer) ? user.OrganisationId() : (Primitives.Ids.OrganisationId?)null;
            capture.RecordCtaClick(cta, listing.Id, listing.SellerId, att, buyer);
        }

        context.Response.Headers.CacheControl = "no-store";
        return TypedResults.Redirect($"{context.Request.PathBase}{to}");
    }

    /// <summary>A path of this site: starts with one slash, not "//" or "/\" (both mean another host to a browser), no control characters.</summary>
    public static bool IsLocalPath(string? to) =>
        to is { Length: > 0 } && to[0] == '/'
        && (to.Length == 1 || (to[1] != '/' && to[1] != '\\'))
        && !to.Any(char.IsControl);
}
