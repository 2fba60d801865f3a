using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tradewind.Contracts;
using Tradewind.Contracts.Accounts;
using Tradewind.Contracts.Agreements;
using Tradewind.Contracts.Analytics;
using Tradewind.Contracts.Catalog;
using Tradewind.Contracts.Legal;
using Tradewind.Primitives.Ids;
using Tradewind.Web.Api;

namespace Tradewind.Web.Pages.Products;

/// <summary>
/// The second and third clicks of subscribing: the plan's exact terms and the licence, one button to accept them, then
/// the hand-off to the seller's setup (a form posting the registration token to the listing's fulfilment URL).
/// </summary>
[Authorize(Policy = Policies.Buyer)]
internal sealed class SubscribeModel(
    ICatalogQueries catalog, IAgreementsQueries agreements, IAgreementsCommands commands, IAccountsQueries accounts, IListingTrafficCapture capture) : PageModel
{
    /// <summary>The listing view's attribution token the CTA link carried (<c>?att=</c>), kept through the form.</summary>
    [BindProperty(SupportsGet = true, Name = "att")]
    public string? Attribution { get; set; }

    public ListingDto Listing { get; private set; } = null!;

    public PlanVersionDto Plan { get; private set; } = null!;

    public string LicenceVersion { get; private set; } = "";

    public OrganisationDto? Buyer { get; private set; }

    public AgreementDto? Existing { get; private set; }

    /// <summary>Set once the buyer accepted: the new agreement and where to continue.</summary>
    public Subscription? Done { get; private set; }

    public string? Error { get; private set; }

    public bool Excluded => Buyer is not null && Listing.Availability.ExcludedCountries.Contains(Buyer.CountryCode, StringComparer.OrdinalIgnoreCase);

    public async Task<IActionResult> OnGetAsync(string slug, Guid planId, CancellationToken cancellationToken) =>
        await LoadAsync(slug, planId, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(string slug, Guid planId, string? licenceVersion, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(slug, planId, cancellationToken))
        {
            return NotFound();
        }

        try
        {
            Done = await commands.SubscribeAsync(
                new SubscribeRequest(Listing.Id, Plan.PlanId, licenceVersion ?? "", CultureInfo.CurrentUICulture.Name),
                User.AgreementsCaller(),
                cancellationToken);
            // The subscription is made; linking it to the listing view it came from is best effort and never undoes it.
            await capture.RecordAttributionAsync(Done.Agreement.Id, Attribution, cancellationToken);
        }
        catch (DomainException exception)
        {
            Error = exception.Message;
            Response.StatusCode = exception is ValidationFailedException ? StatusCodes.Status400BadRequest : StatusCodes.Status422UnprocessableEntity;
        }

        return Page();
    }

    private async Task<bool> LoadAsync(string slug, Guid planId, CancellationToken cancellationToken)
    {
        if (await catalog.FindPublishedBySlugAsync(slug, cancellationToken) is not { } listing
            || listing.Plans.FirstOrDefault(p => p.PlanId.Value == planId) is not { } plan)
        {
            return false;
        }

        Listing = listing;
        Plan = plan;
        LicenceVersion = listing.Licence.Kind == LicenceKind.Standard ? StandardContract.CurrentVersion : $"revision-{listing.Revision}";
        var organisation = User.OrganisationIdOrNull();
        Buyer = organisation is { } id ? await accounts.FindOrganisationAsync(id, cancellationToken) : null;
        Existing = organisation is { } buyer ? await agreements.FindInForceAsync(buyer, listing.Id, cancellationToken) : null;
        return true;
    }
}

internal static class SubscribeCallerExtensions
{
    public static OrganisationId? OrganisationIdOrNull(this System.Security.Claims.ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirst(TradewindClaims.OrganisationId)?.Value, out var id) ? OrganisationId.From(id) : null;
}
