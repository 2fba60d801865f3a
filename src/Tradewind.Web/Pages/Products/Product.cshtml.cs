using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Net.Http.Headers;
using Tradewind.Contracts.Catalog;
using Tradewind.Contracts.Localization;
using Tradewind.Web.Pages.Shared;

namespace Tradewind.Web.Pages.Products;

internal sealed class ProductModel(ICatalogQueries catalog, IListingTranslationQueries translations) : PageModel
{
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
