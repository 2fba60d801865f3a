using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tradewind.Contracts;
using Tradewind.Contracts.Accounts;
using Tradewind.Contracts.Payments;
using Tradewind.Primitives.Ids;
using Tradewind.Web.Pages.Shared;
using Tradewind.Web.Security;

namespace Tradewind.Web.Pages.Account;

/// <summary>
/// The buyer signs a SEPA Core direct-debit mandate (the mandate text names the creditor and its creditor identifier;
/// the buyer ticks acceptance) and sees or revokes its mandates.
/// </summary>
internal sealed class DirectDebitModel(IBankCollectionQueries queries, IBankCollectionCommands commands, IAccountsQueries accounts) : PageModel
{
    [BindProperty]
    public MandateInput Input { get; set; } = new();

    /// <summary>The entity that collects (the one with a creditor identifier); null when none offers SEPA direct debit.</summary>
    public OperatorEntityDto? Creditor { get; private set; }

    public IReadOnlyList<SepaMandateDto> Mandates { get; private set; } = [];

    public string? Notice { get; private set; }

    public async Task OnGetAsync(string? done, CancellationToken cancellationToken)
    {
        Notice = done;
        await LoadAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostSignAsync(CancellationToken cancellationToken)
    {
        try
        {
            await commands.CreateMandateAsync(User.OrganisationId(), new NewSepaMandate(Input.DebtorName ?? "", Input.Iban ?? "", Input.Bic, Input.Accepted), User.Actor(), cancellationToken);
            return Redirect("/account/direct-debit?done=signed");
        }
        catch (ValidationFailedException exception)
        {
            FieldErrors.AddTo(ModelState, exception, key => "Input." + FieldErrors.Pascal(key));
        }
        catch (DomainException exception)
        {
            ModelState.AddModelError(string.Empty, exception.Message);
        }

        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!SepaMandateId.TryParse(id.ToString(), out var mandateId))
        {
            return NotFound();
        }

        try
        {
            await commands.RevokeMandateAsync(mandateId, User.OrganisationId(), User.Actor(), cancellationToken);
        }
        catch (DomainException exception) when (exception.Kind == DomainErrorKind.NotFound)
        {
            return NotFound();
        }

        return Redirect("/account/direct-debit?done=revoked");
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var collecting = (await accounts.ListOperatorEntitiesAsync(cancellationToken)).Where(e => e.SepaCreditorId is not null).ToList();
        Creditor = collecting.Count == 1 ? collecting[0] : null;
        Mandates = (await queries.ListMandatesAsync(User.OrganisationId(), PageRequest.From(1, 50), cancellationToken)).Items;
    }

    public sealed class MandateInput
    {
        public string? DebtorName { get; set; }

        public string? Iban { get; set; }

        public string? Bic { get; set; }

        public bool Accepted { get; set; }
    }
}
