using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tradewind.Contracts;
using Tradewind.Contracts.Agreements;
using Tradewind.Web.Api;
using Tradewind.Web.Pages.Shared;

namespace Tradewind.Web.Pages.Seller.Offers;

/// <summary>The seller's private offers, newest first, filtered by status, under the figures of the last 90 days.</summary>
internal sealed class IndexModel(IPrivateOffersQueries offers, TimeProvider clock) : PageModel
{
    /// <summary>The report's window: offers published in the last 90 days.</summary>
    public static readonly TimeSpan ReportWindow = TimeSpan.FromDays(90);

    [BindProperty(SupportsGet = true)]
    public PrivateOfferStatus? Status { get; set; }

    [BindProperty(SupportsGet = true, Name = Pager.QueryParameter)]
    public int? PageNumber { get; set; }

    public Page<PrivateOfferDto> Offers { get; private set; } = null!;

    public PrivateOfferReport Report { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var caller = User.AgreementsCaller();
        Report = await offers.ReportAsync(now - ReportWindow, now, caller, cancellationToken);
        Offers = await offers.ListAsync(new PrivateOfferFilter(Status), caller, new PageRequest(Pager.Number(PageNumber), 25), cancellationToken);
    }
}
