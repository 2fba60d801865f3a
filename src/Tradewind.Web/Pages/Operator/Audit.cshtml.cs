using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tradewind.Contracts;
using Tradewind.Contracts.Accounts;
using Tradewind.Web.Pages.Shared;

namespace Tradewind.Web.Pages.Operator;

internal sealed class AuditModel(IAccountsQueries accounts) : PageModel
{
    private const int PageSize = 50;

    public Page<AuditEntryDto> Entries { get; private set; } = null!;

    public async Task OnGetAsync([FromQuery(Name = Pager.QueryParameter)] int? pageNumber, CancellationToken cancellationToken) =>
        Entries = await accounts.ListAuditTrailAsync(null, new PageRequest(Pager.Number(pageNumber), PageSize), cancellationToken);
}
