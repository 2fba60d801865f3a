using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Tradewind.Contracts;
using Tradewind.Contracts.Accounts;
using Tradewind.Primitives.Ids;
using Tradewind.Web.Security;

namespace Tradewind.Web.Pages.Shared;

/// <summary>
/// The API keys of the signed-in person's organisation: list, issue (the secret is shown in the response to
/// the POST only, never stored or redirected through a cookie), and revoke. Sellers and the operator each get
/// a page that derives from this and renders the <c>_ApiKeys</c> partial.
/// </summary>
internal abstract class ApiKeysPageModel(IAccountsQueries queries, IAccountsCommands commands, IStringLocalizer<SharedResource> localizer) : PageModel
{
    private const int PageSize = 20;

    [BindProperty]
    public string? KeyName { get; set; }

    public Page<ApiKeyDto> Keys { get; private set; } = null!;

    public IssuedApiKey? Issued { get; private set; }

    [TempData]
    public string? StatusMessage { get; set; }

    public async Task OnGetAsync([FromQuery(Name = Pager.QueryParameter)] int? pageNumber, CancellationToken cancellationToken) =>
        await LoadAsync(Pager.Number(pageNumber), cancellationToken);

    public async Task<IActionResult> OnPostIssueAsync(CancellationToken cancellationToken)
    {
        try
        {
            Issued = await commands.IssueApiKeyAsync(User.OrganisationId(), KeyName ?? "", User.Actor(), cancellationToken);
            KeyName = null;
            ModelState.Clear();
        }
        catch (ValidationFailedException)
        {
            ModelState.AddModelError(nameof(KeyName), localizer["Name the key (1 to 100 characters), for example “production metering”."]);
        }

        await LoadAsync(1, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(string? id, CancellationToken cancellationToken)
    {
        if (!ApiKeyId.TryParse(id, out var keyId))
        {
            return NotFound();
        }

        try
        {
            var revoked = await commands.RevokeApiKeyAsync(User.OrganisationId(), keyId, User.Actor(), cancellationToken);
            StatusMessage = localizer["Key “{0}” was revoked. Software using it can no longer call Tradewind.", revoked.Name];
        }
        catch (DomainException exception) when (exception.Kind == DomainErrorKind.NotFound)
        {
            return NotFound();
        }

        return RedirectToPage();
    }

    private async Task LoadAsync(int pageNumber, CancellationToken cancellationToken) =>
        Keys = await queries.ListApiKeysAsync(User.OrganisationId(), new PageRequest(pageNumber, PageSize), cancellationToken);
}
