using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tradewind.Contracts;
using Tradewind.Contracts.Agreements;
using Tradewind.Primitives.Ids;
using Tradewind.Web.Api;
using Tradewind.Web.Pages.Shared;

namespace Tradewind.Web.Pages.Seller.Customers;

/// <summary>The seller's customers: every agreement on its products with status, trial end and first usage; suspend and reinstate for cause.</summary>
internal sealed class IndexModel(IAgreementsQueries agreements, IAgreementsCommands commands, TimeProvider clock) : PageModel
{
    public Page<AgreementDto> Agreements { get; private set; } = null!;

    public AgreementStatus? Status { get; private set; }

    public DateTimeOffset Now { get; private set; }

    public string? Error { get; private set; }

    public async Task OnGetAsync(AgreementStatus? status, int? p, CancellationToken cancellationToken) => await LoadAsync(status, p, cancellationToken);

    public Task<IActionResult> OnPostSuspendAsync(Guid id, string? reason, CancellationToken cancellationToken) =>
        ActAsync(() => commands.SuspendAsync(new AgreementId(id), reason ?? "", User.AgreementsCaller(), cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostReinstateAsync(Guid id, string? reason, CancellationToken cancellationToken) =>
        ActAsync(() => commands.ReinstateAsync(new AgreementId(id), reason ?? "", User.AgreementsCaller(), cancellationToken), cancellationToken);

    private async Task<IActionResult> ActAsync(Func<Task<AgreementDto>> action, CancellationToken cancellationToken)
    {
        try
        {
            await action();
            return Redirect("/seller/customers");
        }
        catch (DomainException exception) when (exception.Kind != DomainErrorKind.NotFound)
        {
            Error = FieldErrors.Sentence(exception);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            await LoadAsync(null, null, cancellationToken);
            return Page();
        }
    }

    private async Task LoadAsync(AgreementStatus? status, int? page, CancellationToken cancellationToken)
    {
        Now = clock.GetUtcNow();
        Status = status;
        Agreements = await agreements.ListAsync(new AgreementFilter(status), User.AgreementsCaller(), PageRequest.From(page, 50), cancellationToken);
    }
}
