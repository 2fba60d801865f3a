using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tradewind.Contracts;
using Tradewind.Contracts.Agreements;
using Tradewind.Web.Api;
using Tradewind.Web.Pages.Shared;

namespace Tradewind.Web.Pages.Operator;

/// <summary>Every seller's private offers, read-only, filtered by status and currency, under the figures of the last 90 days.</summary>
internal sealed class OffersModel(IPrivateOffersQueries offers, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public PrivateOfferStatus? Status { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Currency { get; set; }

    [BindProperty(SupportsGet = true, Name = Pager.QueryParameter)]
    public int? PageNumber { get; set; }

    public Page<PrivateOfferDto> Offers { get; private set; } = null!;

    public PrivateOfferReport Report { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var caller = User.AgreementsCaller();
        Currency = string.IsNullOrWhiteSpace(Currency) ? null : Currency.Trim().ToUpperInvariant();
        Report = await offers.ReportAsync(now - Seller.Offers.IndexModel.ReportWindow, now, caller, cancellationToken);
        Offers = await offers.ListAsync(new PrivateOfferFilter(Status, Currency: Currency), caller, new PageRequest(Pager.Number(PageNumber), 50), cancellationToken);
    }
}
