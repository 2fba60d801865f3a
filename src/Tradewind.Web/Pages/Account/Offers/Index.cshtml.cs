using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tradewind.Contracts;
using Tradewind.Contracts.Agreements;
using Tradewind.Web.Api;
using Tradewind.Web.Pages.Shared;

namespace Tradewind.Web.Pages.Account.Offers;

/// <summary>The private offers sellers made to the buyer (or its email domain), newest first; drafts never appear.</summary>
internal sealed class IndexModel(IPrivateOffersQueries offers) : PageModel
{
    [BindProperty(SupportsGet = true, Name = Pager.QueryParameter)]
    public int? PageNumber { get; set; }

    public Page<PrivateOfferDto> Offers { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Offers = await offers.ListAsync(new PrivateOfferFilter(), User.AgreementsCaller(), new PageRequest(Pager.Number(PageNumber), 25), cancellationToken);
}
