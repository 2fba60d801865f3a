using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tradewind.Contracts;
using Tradewind.Contracts.Billing;
using Tradewind.Web.Pages.Shared;

namespace Tradewind.Web.Pages.Account.Invoices;

/// <summary>The buyer's invoices and credit notes, newest first, with their totals and downloads.</summary>
internal sealed class IndexModel(IBillingQueries billing) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "page")]
    public int? PageNumber { get; set; }

    public Page<InvoiceSummaryDto> Invoices { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        // A buyer's scope holds only what was issued to it (drafts are the operator's work in progress).
        var caller = InvoiceLabels.Caller(User);
        Invoices = await billing.ListInvoicesAsync(new InvoiceFilter(BuyerId: caller.OrganisationId), caller, new PageRequest(Pager.Number(PageNumber), 25), cancellationToken);
    }
}
