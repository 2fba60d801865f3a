using Microsoft.AspNetCore.Mvc.RazorPages;
using Tradewind.Contracts;
using Tradewind.Contracts.Accounts;
using Tradewind.Contracts.Catalog;

namespace Tradewind.Web.Pages.Operator;

internal sealed class IndexModel(IAccountsQueries accounts, ICatalogQueries catalog) : PageModel
{
    private const int LatestAuditEntries = 10;

    public IReadOnlyDictionary<OrganisationKind, int> OrganisationCounts { get; private set; } = new Dictionary<OrganisationKind, int>();

    public int PublishedListings { get; private set; }

    public IReadOnlyList<OperatorEntityDto> Entities { get; private set; } = [];

    public Page<AuditEntryDto> LatestAudit { get; private set; } = null!;

    public int Count(OrganisationKind kind) => OrganisationCounts.TryGetValue(kind, out var count) ? count : 0;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        OrganisationCounts = await accounts.CountOrganisationsAsync(cancellationToken);
        PublishedListings = await catalog.CountPublishedAsync(cancellationToken);
        Entities = await accounts.ListOperatorEntitiesAsync(cancellationToken);
        LatestAudit = await accounts.ListAuditTrailAsync(null, new PageRequest(1, LatestAuditEntries), cancellationToken);
    }
}
