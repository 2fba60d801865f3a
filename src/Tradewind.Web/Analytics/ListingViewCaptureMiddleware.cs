using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http.Features;
using Tradewind.Contracts.Accounts;
using Tradewind.Contracts.Analytics;
using Tradewind.Primitives.Ids;
using Tradewind.Web.Security;

namespace Tradewind.Web.Analytics;

/// <summary>
/// Records a <c>listing_view</c> for every listing-page request that reaches the server, including the ones the output
/// cache answers without running the page (docs/decisions/0038). It sits in front of the cache: the page, rendered
/// once per cache entry, leaves <see cref="TokenPlaceholder"/> where the view's attribution token goes and names the
/// listing in the <see cref="ListingHeader"/> response header (stored with the cache entry); this middleware enqueues
/// the view, removes the header and writes this request's token over the placeholder. Token and placeholder have the
/// same length, so the body length never changes.
/// </summary>
internal sealed class ListingViewCaptureMiddleware(RequestDelegate next, IListingTrafficCapture capture)
{
    /// <summary>43 characters, as long as a token, and never a real one (a real one is base64url of an id and a MAC).</summary>
    public const string TokenPlaceholder = "TWVIEWTOKEN-PLACEHOLDER-0000000000000000000";

    public const string ListingHeader = "X-Tradewind-Listing";

    private static readonly byte[] PlaceholderBytes = Encoding.ASCII.GetBytes(TokenPlaceholder);

    private static readonly string[] SourceParameters = ["utm_source", "utm_medium", "utm_campaign", "utm_content", "utm_term", "source", "ref"];

    /// <summary>
    /// The listing facts of each page (path and culture) last rendered, for a <c>304 Not Modified</c> answered from the
    /// output cache, which replays no headers of ours. Bounded by the number of listing pages times languages.
    /// </summary>
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> _facts = new(StringComparer.Ordinal);

    public async Task InvokeAsync(HttpContext context)
    {
        if (!capture.Enabled || !IsListingRequest(context.Request))
        {
            await next(context);
            return;
        }

        var original = context.Features.Get<IHttpResponseBodyFeature>()!;
        using var buffer = new MemoryStream();
        var buffering = new StreamResponseBodyFeature(buffer, original);
        context.Features.Set<IHttpResponseBodyFeature>(buffering);
        try
        {
            await next(context);
            await buffering.CompleteAsync();
        }
        finally
        {
            context.Features.Set(original);
        }

        var response = context.Response;
        var key = $"{context.Request.PathBase}{context.Request.Path}|{CultureInfo.CurrentUICulture.Name}";
        string? facts = response.Headers[ListingHeader];
        response.Headers.Remove(ListingHeader);
        if (facts is not null)
        {
            _facts[key] = facts;
        }
        else if (response.StatusCode == StatusCodes.Status304NotModified)
        {
            facts = _facts.GetValueOrDefault(key);
        }

        var token = "";
        if (facts is not null && HttpMethods.IsGet(context.Request.Method) && response.StatusCode is StatusCodes.Status200OK or StatusCodes.Status304NotModified
            && Visit(context, facts) is { } visit)
        {
            token = capture.CaptureView(visit);
        }

        if (buffer.Length > 0)
        {
            var bytes = buffer.GetBuffer().AsMemory(0, (int)buffer.Length);
            Replace(bytes.Span, token);
            response.ContentLength = bytes.Length;
            await original.Stream.WriteAsync(bytes, context.RequestAborted);
        }
    }

    /// <summary>The facts header value the page sets: product, seller, served language and translation kind.</summary>
    public static string Facts(ProductId productId, OrganisationId sellerId, string language, string translationKind) =>
        string.Create(CultureInfo.InvariantCulture, $"{productId} {sellerId} {language} {translationKind}");

    private static bool IsListingRequest(HttpRequest request)
    {
        if (!HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method))
        {
            return false;
        }

        var path = request.Path.Value;
        return path is not null && path.StartsWith("/products/", StringComparison.OrdinalIgnoreCase)
            && path.Length > "/products/".Length && path.IndexOf('/', "/products/".Length) < 0;
    }

    private ListingVisit? Visit(HttpContext context, string facts)
    {
        var parts = facts.Split(' ');
        if (parts.Length != 4 || !ProductId.TryParse(parts[0], out var productId) || !OrganisationId.TryParse(parts[1], out var sellerId))
        {
            return null;
        }

        var request = context.Request;
        var query = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var name in SourceParameters)
        {
            if (request.Query.TryGetValue(name, out var value))
            {
                query[name] = value.ToString();
            }
        }

        var user = context.User;
        var headers = request.Headers;
        return new ListingVisit(productId, sellerId, parts[2], parts[3], request.Host.Host)
        {
            Query = query,
            Referrer = headers.Referer.ToString(),
            UserAgent = headers.UserAgent.ToString(),
            AcceptLanguage = headers.AcceptLanguage.ToString(),
            DoNotTrack = headers["DNT"] == "1" || headers["Sec-GPC"] == "1",
            RemoteIp = context.Connection.RemoteIpAddress,
            CountryHeader = capture.CountryHeaderName is { } header ? headers[header].ToString() : null,
            BuyerId = user.Identity?.IsAuthenticated == true && user.IsInRole(Roles.Buyer) ? user.OrganisationId() : null,
        };
    }

    private static void Replace(Span<byte> body, string token)
    {
        Span<byte> replacement = stackalloc byte[PlaceholderBytes.Length];
        if (token.Length == PlaceholderBytes.Length)
        {
            Encoding.ASCII.GetBytes(token, replacement);
        }
        else
        {
            // No view recorded (an unknown page state): the links work without a token.
            replacement.Fill((byte)'-');
        }

        var offset = 0;
        while (offset < body.Length)
        {
            var found = body[offset..].IndexOf(PlaceholderBytes);
            if (found < 0)
            {
                return;
            }

            replacement.CopyTo(body.Slice(offset + found));
            offset += found + PlaceholderBytes.Length;
        }
    }
}
