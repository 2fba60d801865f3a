using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tradewind.Contracts;
using Tradewind.Contracts.Agreements;
using Tradewind.Primitives.Ids;
using Tradewind.Web.Api;

namespace Tradewind.Web.Pages.Shared;

/// <summary>A ticket's thread and reply form, for the buyer's account and the seller portal alike (scoped by the caller).</summary>
internal abstract class TicketPageModel(IAgreementsQueries agreements, IAgreementsCommands commands) : PageModel
{
    public TicketDto Ticket { get; private set; } = null!;

    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid id, string? text, TicketStatus? status, CancellationToken cancellationToken)
    {
        try
        {
            await commands.ReplyToTicketAsync(new TicketId(id), text ?? "", status, User.AgreementsCaller(), cancellationToken);
            return Redirect(Request.Path);
        }
        catch (DomainException exception) when (exception.Kind != DomainErrorKind.NotFound)
        {
            Error = FieldErrors.Sentence(exception);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return await LoadAsync(id, cancellationToken) ? Page() : NotFound();
        }
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await agreements.FindTicketAsync(new TicketId(id), User.AgreementsCaller(), cancellationToken) is not { } ticket)
        {
            return false;
        }

        Ticket = ticket;
        return true;
    }
}

/// <summary>The tickets the caller may see, most recently updated first.</summary>
internal abstract class TicketListPageModel(IAgreementsQueries agreements) : PageModel
{
    public Page<TicketDto> Tickets { get; private set; } = null!;

    public TicketStatus? Status { get; private set; }

    public async Task OnGetAsync(TicketStatus? status, int? p, CancellationToken cancellationToken)
    {
        Status = status;
        Tickets = await agreements.ListTicketsAsync(status, User.AgreementsCaller(), PageRequest.From(p, 50), cancellationToken);
    }
}
