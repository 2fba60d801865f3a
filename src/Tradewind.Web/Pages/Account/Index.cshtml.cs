using Microsoft.AspNetCore.Mvc.RazorPages;
using Tradewind.Contracts.Accounts;
using Tradewind.Web.Security;

namespace Tradewind.Web.Pages.Account;

internal sealed class IndexModel(IAccountsQueries accounts) : PageModel
{
    public OrganisationDto? Organisation { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Organisation = await accounts.FindOrganisationAsync(User.OrganisationId(), cancellationToken);
}
