using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tradewind.Contracts;
using Tradewind.Contracts.Accounts;
using Tradewind.Web.Pages.Shared;

namespace Tradewind.Web.Pages.Operator;

internal sealed class OrganisationsModel(IAccountsQueries accounts) : PageModel
{
    private const int PageSize = 25;

    /// <summary>The kind filter; null shows every organisation. Unknown values are ignored.</summary>
    public OrganisationKind? Kind { get; private set; }

    public Page<OrganisationDto> Organisations { get; private set; } = null!;

    public async Task OnGetAsync(string? kind, [FromQuery(Name = Pager.QueryParameter)] int? pageNumber, CancellationToken cancellationToken)
    {
        Kind = Enum.TryParse<OrganisationKind>(kind, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) ? parsed : null;
        Organisations = await accounts.ListOrganisationsAsync(Kind, new PageRequest(Pager.Number(pageNumber), PageSize), cancellationToken);
    }
}
