using System.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Tradewind.Contracts;
using Tradewind.Contracts.Accounts;
using Tradewind.Contracts.Payments;
using Tradewind.Primitives.Ids;
using Tradewind.Web.Pages.Shared;
using Tradewind.Web.Security;

namespace Tradewind.Web.Pages.Operator;

/// <summary>
/// The operator's payments position (cash, tax payable, payouts due) and the latest payouts, sellers by name; and the
/// payout work the API offers: run the payouts now, download a payout's pain.001 file (a requested payout goes into a
/// new file and becomes sent), and record the bank's outcome (paid, or returned with a reason).
/// </summary>
internal sealed class PayoutsModel(IPayoutQueries payouts, IPayoutCommands commands, IAccountsQueries accounts, TimeProvider clock, IStringLocalizer<SharedResource> localizer) : PageModel
{
    public PaymentsPosition? Position { get; private set; }

    public IReadOnlyList<PayoutDto> Latest { get; private set; } = [];

    public string? StatusMessage { get; private set; }

    public string? ErrorMessage { get; private set; }

    private readonly Dictionary<OrganisationId, string> _names = [];

    public async Task OnGetAsync(string? status, CancellationToken cancellationToken)
    {
        StatusMessage = status;
        await LoadAsync(cancellationToken);
    }

    public async Task<IActionResult> OnGetFileAsync(Guid id, CancellationToken cancellationToken)
    {
        try
        {
            return await commands.GetFileAsync(new PayoutId(id), User.Actor(), cancellationToken) is { } file
                ? File(Encoding.UTF8.GetBytes(file.Xml), "application/xml; charset=utf-8", $"pain.001-{file.EntityCode}-{file.Currency}-{file.MessageId}.xml")
                : NotFound();
        }
        catch (DomainException exception) when (exception.Kind != DomainErrorKind.NotFound)
        {
            ErrorMessage = exception.Message;
            await LoadAsync(cancellationToken);
            return Page();
        }
    }

    public Task<IActionResult> OnPostRunAsync(CancellationToken cancellationToken) => RunAsync(
        async () =>
        {
            var run = await commands.RunAsync(clock.GetUtcNow(), User.Actor(), cancellationToken);
            return localizer["Payout run: {0} payouts created, {1} balances held.", run.Created.Count, run.Held.Count];
        },
        cancellationToken);

    public Task<IActionResult> OnPostPaidAsync(Guid id, CancellationToken cancellationToken) => RunAsync(
        async () =>
        {
            var payout = await commands.MarkPaidAsync(new PayoutId(id), User.Actor(), cancellationToken);
            return localizer["Payout {0} is paid.", payout.EndToEndId];
        },
        cancellationToken);

    public Task<IActionResult> OnPostReturnedAsync(Guid id, string? reason, CancellationToken cancellationToken) => RunAsync(
        async () =>
        {
            var payout = await commands.MarkReturnedAsync(new PayoutId(id), reason ?? "", User.Actor(), cancellationToken);
            return localizer["Payout {0} is returned; its amount is owed to the seller again.", payout.EndToEndId];
        },
        cancellationToken);

    public string Name(OrganisationId seller) => _names.TryGetValue(seller, out var name) ? name : seller.ToString();

    public LocalizedString Status(PayoutStatus status) => status switch
    {
        PayoutStatus.Requested => localizer["Requested"],
        PayoutStatus.Sent => localizer["Sent"],
        PayoutStatus.Paid => localizer["Paid"],
        _ => localizer["Returned"],
    };

    /// <summary>Why a payable balance is not paid out, in the page's language (the code stays in the API).</summary>
    public string HeldReason(string? code) => code switch
    {
        null or "" => "",
        "no-verified-account" => localizer["No verified bank account for this currency"],
        "below-minimum" => localizer["Below the currency's payout minimum"],
        "not-due" => localizer["Not due yet under the seller's payout schedule"],
        "nothing-available" => localizer["Nothing cleared for payout yet"],
        _ => code,
    };

    private async Task<IActionResult> RunAsync(Func<Task<LocalizedString>> action, CancellationToken cancellationToken)
    {
        try
        {
            var message = await action();
            return RedirectToPage(new { status = message.Value });
        }
        catch (DomainException exception)
        {
            ErrorMessage = FieldErrors.Sentence(exception);
            await LoadAsync(cancellationToken);
            return Page();
        }
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Position = await payouts.GetPositionAsync(clock.GetUtcNow(), cancellationToken);
        Latest = (await payouts.ListAsync(new PayoutFilter(), new PageRequest(1, 50), cancellationToken)).Items;
        foreach (var seller in Position.PayoutsDue.Select(d => d.SellerId).Concat(Latest.Select(p => p.SellerId)).Distinct())
        {
            if (await accounts.FindOrganisationAsync(seller, cancellationToken) is { } organisation)
            {
                _names[seller] = organisation.Name;
            }
        }
    }
}
