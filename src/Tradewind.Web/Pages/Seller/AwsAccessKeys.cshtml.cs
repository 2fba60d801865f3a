using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Tradewind.Contracts;
using Tradewind.Contracts.Accounts;
using Tradewind.Contracts.Agreements;
using Tradewind.Primitives.Ids;
using Tradewind.Web.Api;
using Tradewind.Web.Pages.Shared;
using Tradewind.Web.Security;

namespace Tradewind.Web.Pages.Seller;

/// <summary>
/// The seller's AWS access keys for the AWS-compatible API: create, rotate and revoke. The secret access key is
/// shown in the response to the create or rotate POST only, never stored in clear or passed through a cookie. A key may be
/// bound to one of the seller's customers, for software the seller runs in that customer's environment.
/// </summary>
internal sealed class AwsAccessKeysModel(
    IAccountsQueries queries, IAccountsCommands commands, IAgreementsQueries agreements, IStringLocalizer<SharedResource> localizer, TimeProvider clock)
    : PageModel
{
    private const int PageSize = 20;

    [BindProperty]
    public string? KeyName { get; set; }

    [BindProperty]
    public string? CustomerIdentifier { get; set; }

    public Page<AwsAccessKeyDto> Keys { get; private set; } = null!;

    public IssuedAwsAccessKey? Issued { get; private set; }

    public DateTimeOffset Now { get; private set; }

    [TempData]
    public string? StatusMessage { get; set; }

    public async Task OnGetAsync([FromQuery(Name = Pager.QueryParameter)] int? pageNumber, CancellationToken cancellationToken) =>
        await LoadAsync(Pager.Number(pageNumber), cancellationToken);

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken cancellationToken)
    {
        try
        {
            var customer = await AwsAccessKeysApi.RequireOwnCustomerAsync(agreements, CustomerIdentifier, User.AgreementsCaller(), cancellationToken);
            Issued = await commands.CreateAwsAccessKeyAsync(User.OrganisationId(), KeyName ?? "", customer, User.Actor(), cancellationToken);
            KeyName = null;
            CustomerIdentifier = null;
            ModelState.Clear();
        }
        catch (ValidationFailedException exception) when (exception.Errors.ContainsKey("customerIdentifier"))
        {
            ModelState.AddModelError(nameof(CustomerIdentifier), localizer["This is not a customer of your products. Copy the customer identifier from one of your agreements."]);
        }
        catch (ValidationFailedException)
        {
            ModelState.AddModelError(nameof(KeyName), localizer["Name the key (1 to 100 characters), for example “production metering”."]);
        }

        await LoadAsync(1, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostRotateAsync(string? id, CancellationToken cancellationToken)
    {
        if (!AwsAccessKeyId.TryParse(id, out var keyId))
        {
            return NotFound();
        }

        try
        {
            Issued = await commands.RotateAwsAccessKeyAsync(User.OrganisationId(), keyId, User.Actor(), cancellationToken);
        }
        catch (DomainException exception) when (exception.Kind == DomainErrorKind.NotFound)
        {
            return NotFound();
        }
        catch (DomainException exception) when (exception.Kind == DomainErrorKind.Conflict)
        {
            StatusMessage = localizer["This key can no longer be rotated. Create a new key instead."];
            return RedirectToPage();
        }

        await LoadAsync(1, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(string? id, CancellationToken cancellationToken)
    {
        if (!AwsAccessKeyId.TryParse(id, out var keyId))
        {
            return NotFound();
        }

        try
        {
            var revoked = await commands.RevokeAwsAccessKeyAsync(User.OrganisationId(), keyId, User.Actor(), cancellationToken);
            StatusMessage = localizer["AWS access key {0} was revoked. Requests signed with it are refused.", revoked.AccessKeyId];
        }
        catch (DomainException exception) when (exception.Kind == DomainErrorKind.NotFound)
        {
            return NotFound();
        }

        return RedirectToPage();
    }

    private async Task LoadAsync(int pageNumber, CancellationToken cancellationToken)
    {
        Now = clock.GetUtcNow();
        Keys = await queries.ListAwsAccessKeysAsync(User.OrganisationId(), new PageRequest(pageNumber, PageSize), cancellationToken);
    }
}
