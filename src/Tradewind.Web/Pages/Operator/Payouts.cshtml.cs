using Microsoft.AspNetCore.Mvc.RazorPages;
using Tradewind.Contracts;
using Tradewind.Contracts.Accounts;
using Tradewind.Contracts.Payments;
using Tradewind.Primitives.Ids;

namespace Tradewind.Web.Pages.Operator;

/// <summary>The operator's payments position (cash, tax payable, payouts due) and the latest payouts; sellers by name.</summary>
internal sealed class PayoutsModel(IPayoutQueries payouts, IAccountsQueries accounts, TimeProvider clock) : PageModel
{
    public PaymentsPosition? Position { get; private set; }

    public IReadOnlyList<PayoutDto> Latest { get; private set; } = [];

    private readonly Dictionary<OrganisationId, string> _names = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
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

    public string Name(OrganisationId seller) => _names.TryGetValue(seller, out var name) ? name : seller.ToString();
}
