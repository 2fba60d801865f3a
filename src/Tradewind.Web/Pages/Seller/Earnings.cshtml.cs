using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tradewind.Contracts.Payments;
using Tradewind.Web.Api;
using Tradewind.Web.Security;

namespace Tradewind.Web.Pages.Seller;

/// <summary>The seller's earnings per invoice and the payout each went in, from the ledger; CSV with <c>?format=csv</c>.</summary>
internal sealed class EarningsModel(IPayoutQueries payouts, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Until { get; set; }

    public SellerEarningsReport? Report { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? format, CancellationToken cancellationToken)
    {
        var (start, end) = PayoutsApi.Period(From, Until, clock);
        From = start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        Until = end.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        Report = await payouts.GetSellerEarningsAsync(User.OrganisationId(), start, end, cancellationToken);
        if (string.Equals(format, "csv", StringComparison.OrdinalIgnoreCase))
        {
            return File(Encoding.UTF8.GetBytes(PayoutsApi.ToCsv(Report)), "text/csv; charset=utf-8", $"seller-earnings-{From}-{Until}.csv");
        }

        return Page();
    }
}
