using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Net.Http.Headers;
using Tradewind.Contracts.Analytics;
using Tradewind.Contracts.Catalog;
using Tradewind.Contracts.Localization;
using Tradewind.Web.Analytics;
using Tradewind.Web.Pages.Shared;

namespace Tradewind.Web.Pages.Products;

internal sealed class ProductModel(ICatalogQueries catalog, IListingTranslationQueries translations, IListingTrafficCapture capture) : PageModel
{
    /// <summary>Listing traffic capture is on: the CTA links go through the <c>/go</c> redirect with the view's token.</summary>
    public bool Capturing => capture.Enabled;

    public ListingDto Listing { get; private set; } = null!;

    /// <summary>The listing in the visitor's language, when that is a target language (see <see cref="TranslationView"/>).</summary>
    public TranslationView Text { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken)
    {
        var listing = await catalog.FindPublishedBySlugAsync(slug, cancellationToken);
        if (listing is null)
        {
            return NotFound();
        }

        Listing = listing;
        var showOriginal = string.Equals(Request.Query["original"], "1", StringComparison.Ordinal);
        var translation = await translations.FindForStorefrontAsync(listing.Id, listing.Revision, CultureInfo.CurrentUICulture.TwoLetterISOLanguageName, cancellationToken);
        Text = new TranslationView(listing, translation, showOriginal);
        if (capture.Enabled)
        {
            // Read (and removed) by ListingViewCaptureMiddleware, which records the view even when the cache answers.
            Response.Headers[ListingViewCaptureMiddleware.ListingHeader] = ListingViewCaptureMiddleware.Facts(
                listing.Id, listing.SellerId, Text.ServedLanguage(CultureInfo.CurrentUICulture.TwoLetterISOLanguageName), Text.ServedKind);
        }

        Response.CachePubliclyWhenAnonymous(User);
        if (User.Identity?.IsAuthenticated != true)
        {
            var etag = ETagFor(listing, CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture, Request.PathBase, $"{translation?.Fingerprint}/{showOriginal}");
            Response.Headers[HeaderNames.ETag] = etag;
            if (Request.Headers.IfNoneMatch.Any(v => v is not null && (v.Contains(etag, StringComparison.Ordinal) || v.Trim() == "*")))
            {
                return StatusCode(StatusCodes.Status304NotModified);
            }
        }

        return Page();
    }

    /// <summary>
    /// Where a call-to-action link of the page goes: through the <c>/go</c> redirect, which records the click with the
    /// view's attribution token (written over the placeholder for each request), or straight to <paramref name="to"/>
    /// when capture is off.
    /// </summary>
    public string Cta(string cta, string to) => capture.Enabled
        ? $"/go/{cta}/{Uri.EscapeDataString(Listing.Slug)}?att={ListingViewCaptureMiddleware.TokenPlaceholder}&to={Uri.EscapeDataString(to)}"
        : to;

    /// <summary>The call to action of one plan: its free trial or its subscription.</summary>
    public string PlanCta(PlanVersionDto plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return Cta(plan.Terms.FreeTrial is null ? ListingCtas.Subscribe : ListingCtas.Trial, $"/products/{Listing.Slug}/subscribe/{plan.PlanId}");
    }

    /// <summary>
    /// Changes whenever what the page shows changes: a new published revision, a new published plan version, or the
    /// language and formatting culture the page is rendered in (the page varies by Accept-Language and the culture
    /// cookie), the language prefix its links carry, or its translation.
    /// </summary>
    public static string ETagFor(ListingDto listing, CultureInfo language, CultureInfo formatting, PathString pathBase, string translation = "")
    {
        ArgumentNullException.ThrowIfNull(listing);
        ArgumentNullException.ThrowIfNull(language);
        ArgumentNullException.ThrowIfNull(formatting);
        var source = new StringBuilder()
            .Append(listing.Id.ToString()).Append('/').Append(listing.Revision.ToString(CultureInfo.InvariantCulture))
            .Append('/').Append(language.Name).Append('/').Append(formatting.Name).Append('/').Append(pathBase.Value).Append('/').Append(translation);
        foreach (var plan in listing.Plans.OrderBy(p => p.PlanId.ToString(), StringComparer.Ordinal))
        {
            source.Append('/').Append(plan.PlanId.ToString()).Append(':').Append(plan.Version.ToString(CultureInfo.InvariantCulture));
        }

        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(source.ToString()));
        return $"\"r{listing.Revision.ToString(CultureInfo.InvariantCulture)}-{Convert.ToHexStringLower(hash)[..16]}\"";
    }
}
