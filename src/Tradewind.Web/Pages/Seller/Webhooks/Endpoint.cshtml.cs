using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Tradewind.Contracts;
using Tradewind.Contracts.Webhooks;
using Tradewind.Primitives.Ids;
using Tradewind.Web.Security;

namespace Tradewind.Web.Pages.Seller.Webhooks;

/// <summary>One endpoint: edit (URL, types, enable/disable), send a test event, rotate the secret, delete; and its latest deliveries.</summary>
internal sealed class EndpointModel(IWebhookQueries queries, IWebhookCommands commands, IStringLocalizer<SharedResource> localizer) : PageModel
{
    [BindProperty]
    public WebhookForm Form { get; set; } = new();

    public WebhookEndpointDto Endpoint { get; private set; } = null!;

    public Page<WebhookDeliveryDto> Recent { get; private set; } = null!;

    public RotatedWebhookSecret? Rotated { get; private set; }

    [TempData]
    public string? StatusMessage { get; set; }

    public string? ErrorMessage { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        Form = WebhookForm.From(Endpoint);
        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync(Guid id, CancellationToken cancellationToken)
    {
        ModelState.Clear();
        try
        {
            await commands.UpdateEndpointAsync(
                User.OrganisationId(), WebhookEndpointId.From(id), new WebhookEndpointChange(Form.Url, Form.Description, Form.MessageTypes, Form.Enabled), User.Actor(), cancellationToken);
            StatusMessage = localizer["The endpoint is saved."];
            return RedirectToPage(new { id });
        }
        catch (ValidationFailedException exception)
        {
            WebhookForm.AddErrors(ModelState, exception);
        }
        catch (DomainException exception) when (exception.Kind == DomainErrorKind.NotFound)
        {
            return NotFound();
        }

        return await LoadAsync(id, cancellationToken) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostTestAsync(Guid id, CancellationToken cancellationToken)
    {
        try
        {
            var sent = await commands.SendTestEventAsync(User.OrganisationId(), WebhookEndpointId.From(id), User.Actor(), cancellationToken);
            StatusMessage = sent.Delivery.Status == WebhookDeliveryStatus.Succeeded
                ? localizer["The test event was delivered."]
                : localizer["The test event was not accepted: {0}", sent.Delivery.LastError ?? ""];
            return RedirectToPage("Delivery", new { id = sent.Delivery.Id.Value });
        }
        catch (DomainException exception) when (exception.Kind == DomainErrorKind.NotFound)
        {
            return NotFound();
        }
    }

    public async Task<IActionResult> OnPostRotateAsync(Guid id, int? overlapHours, CancellationToken cancellationToken)
    {
        try
        {
            Rotated = await commands.RotateSecretAsync(
                User.OrganisationId(), WebhookEndpointId.From(id), TimeSpan.FromHours(overlapHours ?? 24), User.Actor(), cancellationToken);
        }
        catch (ValidationFailedException)
        {
            ErrorMessage = localizer["Give an overlap between 0 and 168 hours."];
        }
        catch (DomainException exception) when (exception.Kind == DomainErrorKind.NotFound)
        {
            return NotFound();
        }

        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        Form = WebhookForm.From(Endpoint);
        return Page();
    }

    public async Task<IActionResult> OnPostDeleteAsync(Guid id, CancellationToken cancellationToken)
    {
        try
        {
            await commands.DeleteEndpointAsync(User.OrganisationId(), WebhookEndpointId.From(id), User.Actor(), cancellationToken);
        }
        catch (DomainException exception) when (exception.Kind == DomainErrorKind.NotFound)
        {
            return NotFound();
        }

        StatusMessage = localizer["The endpoint and its delivery log are deleted."];
        return RedirectToPage("Index");
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        if (id == Guid.Empty)
        {
            return false;
        }

        try
        {
            Endpoint = await queries.GetEndpointAsync(User.OrganisationId(), WebhookEndpointId.From(id), cancellationToken);
        }
        catch (DomainException exception) when (exception.Kind == DomainErrorKind.NotFound)
        {
            return false;
        }

        Recent = await queries.ListDeliveriesAsync(User.OrganisationId(), new WebhookDeliveryFilter(Endpoint.Id), new PageRequest(1, 10), cancellationToken);
        return true;
    }
}
