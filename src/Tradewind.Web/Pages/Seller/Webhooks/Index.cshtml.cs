using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Tradewind.Contracts;
using Tradewind.Contracts.Webhooks;
using Tradewind.Web.Pages.Shared;
using Tradewind.Web.Security;

namespace Tradewind.Web.Pages.Seller.Webhooks;

/// <summary>
/// The seller's webhook endpoints and the form to add one. The new endpoint's signing secret is rendered in the response
/// to the POST only (never stored in a cookie or redirected), like an API key's.
/// </summary>
internal sealed class IndexModel(IWebhookQueries queries, IWebhookCommands commands, IStringLocalizer<SharedResource> localizer) : PageModel
{
    [BindProperty]
    public WebhookForm Form { get; set; } = new();

    public Page<WebhookEndpointDto> Endpoints { get; private set; } = null!;

    public CreatedWebhookEndpoint? Created { get; private set; }

    [TempData]
    public string? StatusMessage { get; set; }

    public string? ErrorMessage { get; private set; }

    public async Task OnGetAsync([FromQuery(Name = Pager.QueryParameter)] int? pageNumber, CancellationToken cancellationToken) =>
        await LoadAsync(Pager.Number(pageNumber), cancellationToken);

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken cancellationToken)
    {
        ModelState.Clear();
        try
        {
            Created = await commands.CreateEndpointAsync(
                User.OrganisationId(), new NewWebhookEndpoint(Form.Url, Form.Description, Form.MessageTypes, Form.Enabled), User.Actor(), cancellationToken);
            Form = new WebhookForm();
        }
        catch (ValidationFailedException exception)
        {
            WebhookForm.AddErrors(ModelState, exception);
        }
        catch (DomainException exception)
        {
            ErrorMessage = exception.Code == "webhook-endpoint-limit"
                ? localizer["You already have 10 endpoints, the most a seller can have. Delete one you no longer use first."]
                : exception.Message;
        }

        await LoadAsync(1, cancellationToken);
        return Page();
    }

    private async Task LoadAsync(int pageNumber, CancellationToken cancellationToken) =>
        Endpoints = await queries.ListEndpointsAsync(User.OrganisationId(), new PageRequest(pageNumber, 20), cancellationToken);
}
