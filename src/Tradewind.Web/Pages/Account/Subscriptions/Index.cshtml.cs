using Microsoft.AspNetCore.Mvc.RazorPages;
using Tradewind.Contracts;
using Tradewind.Contracts.Agreements;
using Tradewind.Web.Api;

namespace Tradewind.Web.Pages.Account.Subscriptions;

internal sealed class IndexModel(IAgreementsQueries agreements, TimeProvider clock) : PageModel
{
    public Page<AgreementDto> Agreements { get; private set; } = null!;

    public DateTimeOffset Now { get; private set; }

    public async Task OnGetAsync(int? p, CancellationToken cancellationToken)
    {
        Now = clock.GetUtcNow();
        Agreements = await agreements.ListAsync(new AgreementFilter(), User.AgreementsCaller(), PageRequest.From(p, 50), cancellationToken);
    }
}
