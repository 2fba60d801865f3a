using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Tradewind.Contracts;
using Tradewind.Contracts.Webhooks;
using Tradewind.Primitives.Ids;
using Tradewind.Web.Security;

namespace Tradewind.Web.Pages.Seller.Webhooks;

/// <summary>One delivery: its body, every attempt (status or error, duration, start of the response) and the redeliver button.</summary>
internal sealed class DeliveryModel(IWebhookQueries queries, IWebhookCommands commands, IStringLocalizer<SharedResource> localizer) : PageModel
{
    public WebhookDeliveryDetail Detail { get; private set; } = null!;

    [TempData]
    public string? StatusMessage { get; set; }

    public string? ErrorMessage { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostRedeliverAsync(Guid id, CancellationToken cancellationToken)
    {
        if (id == Guid.Empty)
        {
            return NotFound();
        }

        try
        {
            var detail = await commands.RedeliverAsync(User.OrganisationId(), WebhookDeliveryId.From(id), User.Actor(), cancellationToken);
            var attempt = detail.Attempts[0];
            StatusMessage = attempt.Succeeded
                ? localizer["Redelivered: your endpoint accepted it."]
                : localizer["Redelivered, but your endpoint did not accept it: {0}", attempt.Error ?? ""];
            return RedirectToPage(new { id });
        }
        catch (DomainException exception) when (exception.Kind == DomainErrorKind.NotFound)
        {
            return NotFound();
        }
        catch (DomainException exception) when (exception.Kind == DomainErrorKind.Conflict)
        {
            ErrorMessage = localizer["This delivery is being sent right now; look again in a few seconds."];
        }

        return await LoadAsync(id, cancellationToken) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        if (id == Guid.Empty)
        {
            return false;
        }

        try
        {
            Detail = await queries.GetDeliveryAsync(User.OrganisationId(), WebhookDeliveryId.From(id), cancellationToken);
            return true;
        }
        catch (DomainException exception) when (exception.Kind == DomainErrorKind.NotFound)
        {
            return false;
        }
    }
}
