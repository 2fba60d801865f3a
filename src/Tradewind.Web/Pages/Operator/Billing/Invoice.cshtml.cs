using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Tradewind.Contracts;
using Tradewind.Contracts.Billing;
using Tradewind.Primitives.Ids;
using Tradewind.Web.Pages.Shared;
using Tradewind.Web.Security;

namespace Tradewind.Web.Pages.Operator.Billing;

/// <summary>One document for the operator, with what may happen to it next: finalize a draft; mark paid, void or credit an issued invoice.</summary>
internal sealed class InvoiceModel(
    IBillingQueries billing,
    IBillingCommands commands,
    IInvoiceDocuments documents,
    TimeProvider clock,
    IStringLocalizer<SharedResource> localizer) : InvoicePageModel(billing, documents)
{
    [BindProperty]
    public string? Reason { get; set; }

    [TempData]
    public string? StatusMessage { get; set; }

    [TempData]
    public string? ErrorMessage { get; set; }

    public Task<IActionResult> OnPostFinalizeAsync(Guid id, CancellationToken cancellationToken) =>
        ActAsync(id, async () =>
        {
            var done = await commands.FinalizeAsync(InvoiceId.From(id), User.Actor(), cancellationToken);
            return localizer["Finalized as {0}.", done.Number ?? ""];
        });

    public Task<IActionResult> OnPostMarkPaidAsync(Guid id, CancellationToken cancellationToken) =>
        ActAsync(id, async () =>
        {
            await commands.MarkPaidAsync(InvoiceId.From(id), clock.GetUtcNow(), User.Actor(), cancellationToken);
            return localizer["Marked as paid."];
        });

    public Task<IActionResult> OnPostVoidAsync(Guid id, CancellationToken cancellationToken) =>
        ActAsync(id, async () =>
        {
            await commands.VoidAsync(InvoiceId.From(id), RequireReason(), User.Actor(), cancellationToken);
            return localizer["Voided."];
        });

    public Task<IActionResult> OnPostCreditAsync(Guid id, CancellationToken cancellationToken) =>
        ActAsync(id, async () =>
        {
            var note = await commands.IssueCreditNoteAsync(InvoiceId.From(id), new CreditNoteRequest(RequireReason()), User.Actor(), cancellationToken);
            return localizer["Credit note {0} issued for {1}.", note.Number ?? "", note.Total.Format(CultureInfo.CurrentCulture)];
        });

    private string RequireReason() => string.IsNullOrWhiteSpace(Reason)
        ? throw new ValidationFailedException("reason", localizer["Say why, for the audit trail and the buyer."])
        : Reason.Trim();

    private async Task<IActionResult> ActAsync(Guid id, Func<Task<string>> action)
    {
        if (id == Guid.Empty)
        {
            return NotFound();
        }

        try
        {
            StatusMessage = await action();
        }
        catch (ValidationFailedException exception)
        {
            ErrorMessage = string.Join(" ", exception.Errors.Values.SelectMany(v => v));
        }
        catch (DomainException exception)
        {
            ErrorMessage = exception.Message;
        }

        return RedirectToPage(new { id });
    }
}
