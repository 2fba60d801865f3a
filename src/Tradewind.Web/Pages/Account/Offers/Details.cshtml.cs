using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Tradewind.Contracts;
using Tradewind.Contracts.Agreements;
using Tradewind.Primitives.Ids;
using Tradewind.Web.Api;
using Tradewind.Web.Pages.Shared;
using Tradewind.Web.Security;

namespace Tradewind.Web.Pages.Account.Offers;

/// <summary>
/// One offer as its buyer reads it, at the address sellers share. Opening it marks it viewed. While it is open the buyer
/// accepts with one click (replacing their subscription to the product, if any, when the box stays ticked) or declines
/// with a reason; another buyer's offer is not found.
/// </summary>
internal sealed class DetailsModel(
    IPrivateOffersQueries offers,
    IPrivateOffersCommands commands,
    IAgreementsQueries agreements,
    TimeProvider clock,
    IStringLocalizer<SharedResource> localizer) : PageModel
{
    [TempData]
    public string? StatusMessage { get; set; }

    public PrivateOfferDto Offer { get; private set; } = null!;

    /// <summary>The buyer's agreement in force for the offer's product, which accepting would replace.</summary>
    public AgreementDto? Current { get; private set; }

    public string? Error { get; private set; }

    /// <summary>Open and not past its last day (the expiry sweep may not have run yet).</summary>
    public bool CanRespond { get; private set; }

    /// <summary>Past its last day while its status still says open: shown as expired.</summary>
    public bool PastExpiry { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        if (Offer.Status == PrivateOfferStatus.Published)
        {
            try
            {
                Offer = await commands.OpenAsync(Offer.Id, User.AgreementsCaller(), cancellationToken);
            }
            catch (DomainException exception) when (exception.Kind != DomainErrorKind.NotFound)
            {
                // Refused to open (it expired a moment ago): the page shows the offer as it is.
                await LoadAsync(id, cancellationToken);
            }
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAcceptAsync(Guid id, bool? replace, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        try
        {
            var acceptance = new AcceptPrivateOffer(CultureInfo.CurrentUICulture.Name, Current is null ? null : replace ?? false);
            var agreement = await commands.AcceptAsync(Offer.Id, acceptance, User.AgreementsCaller(), cancellationToken);
            TempData[nameof(Subscriptions.DetailsModel.StatusMessage)] = localizer["You accepted “{0}”. Your contract for {1} starts today.", Offer.Name, agreement.ProductTitle].Value;
            return Redirect($"/account/subscriptions/{agreement.Id.Value}");
        }
        catch (DomainException exception) when (exception.Kind != DomainErrorKind.NotFound)
        {
            return await RefusedAsync(id, exception, cancellationToken);
        }
    }

    public async Task<IActionResult> OnPostDeclineAsync(Guid id, string? reason, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            Error = localizer["Tell the seller why you decline; they read it."];
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        try
        {
            await commands.DeclineAsync(Offer.Id, reason.Trim(), User.AgreementsCaller(), cancellationToken);
            StatusMessage = localizer["You declined “{0}”. The seller is told your reason.", Offer.Name];
            return Redirect($"/account/offers/{id}");
        }
        catch (DomainException exception) when (exception.Kind != DomainErrorKind.NotFound)
        {
            return await RefusedAsync(id, exception, cancellationToken);
        }
    }

    private async Task<IActionResult> RefusedAsync(Guid id, DomainException exception, CancellationToken cancellationToken)
    {
        Error = FieldErrors.Sentence(exception);
        Response.StatusCode = exception is ValidationFailedException ? StatusCodes.Status400BadRequest : StatusCodes.Status409Conflict;
        return await LoadAsync(id, cancellationToken) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        if (id == Guid.Empty || await offers.FindAsync(new PrivateOfferId(id), User.AgreementsCaller(), cancellationToken) is not { } offer)
        {
            return false;
        }

        Offer = offer;
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        PastExpiry = OfferLabels.IsOpen(offer.Status) && offer.ExpiresOn < today;
        CanRespond = OfferLabels.IsOpen(offer.Status) && !PastExpiry;
        Current = CanRespond ? await agreements.FindInForceAsync(User.OrganisationId(), offer.ProductId, cancellationToken) : null;
        return true;
    }
}
