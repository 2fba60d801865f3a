using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Tradewind.Contracts;
using Tradewind.Contracts.Agreements;
using Tradewind.Primitives.Ids;
using Tradewind.Web.Api;
using Tradewind.Web.Pages.Shared;

namespace Tradewind.Web.Pages.Seller.Offers;

/// <summary>
/// One of the seller's offers: its history, a preview that is exactly the buyer's page (the same partial), the link to
/// share, and what the seller can do — edit and send a draft, withdraw an open offer, save it as a template.
/// </summary>
internal sealed class DetailsModel(IPrivateOffersQueries offers, IPrivateOffersCommands commands, IStringLocalizer<SharedResource> localizer) : PageModel
{
    [TempData]
    public string? StatusMessage { get; set; }

    public PrivateOfferDto Offer { get; private set; } = null!;

    public string? Error { get; private set; }

    /// <summary>The address the buyer opens the offer at; the seller shares it.</summary>
    public string BuyerUrl => $"{Request.Scheme}://{Request.Host}{Request.PathBase}/account/offers/{Offer.Id.Value}";

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public Task<IActionResult> OnPostPublishAsync(Guid id, CancellationToken cancellationToken) =>
        ActAsync(id, async () =>
        {
            var sent = await commands.PublishAsync(new PrivateOfferId(id), User.AgreementsCaller(), cancellationToken);
            return localizer["“{0}” is sent. The buyer sees it in their portal and by the link below.", sent.Name];
        }, cancellationToken);

    public Task<IActionResult> OnPostWithdrawAsync(Guid id, string? reason, CancellationToken cancellationToken) =>
        ActAsync(id, async () =>
        {
            var withdrawn = await commands.WithdrawAsync(new PrivateOfferId(id), string.IsNullOrWhiteSpace(reason) ? null : reason.Trim(), User.AgreementsCaller(), cancellationToken);
            return localizer["“{0}” is withdrawn; the buyer can no longer accept it.", withdrawn.Name];
        }, cancellationToken);

    public async Task<IActionResult> OnPostTemplateAsync(Guid id, string? templateName, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        return await ActAsync(id, async () =>
        {
            var template = await commands.SaveTemplateAsync(templateName?.Trim() ?? "", Offer.Draft, User.AgreementsCaller(), cancellationToken);
            return localizer["Saved as the template “{0}”.", template.Name];
        }, cancellationToken);
    }

    private async Task<IActionResult> ActAsync(Guid id, Func<Task<string>> action, CancellationToken cancellationToken)
    {
        try
        {
            StatusMessage = await action();
            return Redirect($"/seller/offers/{id}");
        }
        catch (DomainException exception) when (exception.Kind != DomainErrorKind.NotFound)
        {
            Error = FieldErrors.Sentence(exception);
            Response.StatusCode = exception is ValidationFailedException ? StatusCodes.Status400BadRequest : StatusCodes.Status409Conflict;
            return await LoadAsync(id, cancellationToken) ? Page() : NotFound();
        }
        catch (DomainException)
        {
            return NotFound();
        }
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await offers.FindAsync(new PrivateOfferId(id), User.AgreementsCaller(), cancellationToken) is not { } offer)
        {
            return false;
        }

        Offer = offer;
        return true;
    }
}
