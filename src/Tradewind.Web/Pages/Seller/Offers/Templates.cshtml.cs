using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Tradewind.Contracts;
using Tradewind.Contracts.Agreements;
using Tradewind.Primitives.Ids;
using Tradewind.Web.Api;
using Tradewind.Web.Pages.Shared;

namespace Tradewind.Web.Pages.Seller.Offers;

/// <summary>The seller's offer templates: start a new offer from one, or delete it.</summary>
internal sealed class TemplatesModel(IPrivateOffersQueries offers, IPrivateOffersCommands commands, IStringLocalizer<SharedResource> localizer) : PageModel
{
    [TempData]
    public string? StatusMessage { get; set; }

    [BindProperty(SupportsGet = true, Name = Pager.QueryParameter)]
    public int? PageNumber { get; set; }

    public Page<OfferTemplateDto> Templates { get; private set; } = null!;

    public string? Error { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Templates = await offers.ListTemplatesAsync(User.AgreementsCaller(), new PageRequest(Pager.Number(PageNumber), 50), cancellationToken);

    public async Task<IActionResult> OnPostDeleteAsync(Guid id, string? name, CancellationToken cancellationToken)
    {
        try
        {
            await commands.DeleteTemplateAsync(new OfferTemplateId(id), User.AgreementsCaller(), cancellationToken);
            StatusMessage = localizer["The template “{0}” is deleted.", name ?? ""];
            return Redirect("/seller/offers/templates");
        }
        catch (DomainException exception) when (exception.Kind != DomainErrorKind.NotFound)
        {
            Error = FieldErrors.Sentence(exception);
            Response.StatusCode = StatusCodes.Status409Conflict;
            await OnGetAsync(cancellationToken);
            return Page();
        }
    }
}
