using System.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tradewind.Contracts.Agreements;
using Tradewind.Contracts.Metering;
using Tradewind.Web.Api;

namespace Tradewind.Web.Pages.Seller.Usage;

/// <summary>One customer's usage: each dimension over time, its agreements, and the same totals as CSV. Another seller's customer is not found.</summary>
internal sealed class CustomerModel(IUsageQueries usage, IAgreementsQueries agreements, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Period { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Dimension { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Format { get; set; }

    public SellerAgreements Seller { get; private set; } = null!;

    public UsageCustomerOption Customer { get; private set; } = null!;

    public IReadOnlyList<AgreementDto> CustomerAgreements { get; private set; } = [];

    public UsageReport Report { get; private set; } = null!;

    public IReadOnlyList<DateTimeOffset> Months { get; private set; } = [];

    public string CsvQuery => $"?period={Uri.EscapeDataString(Report.Period.Key)}"
        + (Dimension is null ? "" : $"&dimension={Uri.EscapeDataString(Dimension)}") + "&format=csv";

    public async Task<IActionResult> OnGetAsync(string customerIdentifier, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        Seller = await SellerAgreements.LoadAsync(agreements, User, cancellationToken);
        if (Seller.Customers.FirstOrDefault(c => string.Equals(c.CustomerIdentifier, customerIdentifier, StringComparison.Ordinal)) is not { } customer)
        {
            return NotFound();
        }

        Customer = customer;
        CustomerAgreements = Seller.Agreements.Where(a => a.CustomerIdentifier == customer.CustomerIdentifier).OrderByDescending(a => a.AcceptedAt).ToList();
        var period = UsagePeriod.Parse(Period, now);
        Months = UsagePeriod.RecentMonths(now, 4);
        Dimension = string.IsNullOrWhiteSpace(Dimension) ? null : Dimension.Trim();
        var totals = await usage.GetTotalsAsync(
            new UsageQuery(period.From, period.To, period.Granularity, CustomerIdentifier: customer.CustomerIdentifier, Dimension: Dimension),
            User.UsageCaller(),
            cancellationToken);
        Report = new UsageReport(period, totals, Seller.Labels);
        if (string.Equals(Format, "csv", StringComparison.OrdinalIgnoreCase))
        {
            var name = $"usage-{customer.CustomerIdentifier}-{period.From:yyyy-MM-dd}-{period.To.AddTicks(-1):yyyy-MM-dd}.csv";
            return File(Encoding.UTF8.GetBytes(Report.ToCsv()), "text/csv; charset=utf-8", name);
        }

        return Page();
    }
}
