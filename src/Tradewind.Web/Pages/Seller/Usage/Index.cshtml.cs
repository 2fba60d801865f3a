using System.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tradewind.Contracts.Agreements;
using Tradewind.Contracts.Metering;
using Tradewind.Primitives.Ids;
using Tradewind.Web.Api;

namespace Tradewind.Web.Pages.Seller.Usage;

/// <summary>
/// The seller's usage: daily (hourly for 7 days) totals per dimension as charts, and per customer × dimension as a table,
/// filtered by period, product, dimension and customer; <c>?format=csv</c> downloads the same totals.
/// </summary>
internal sealed class IndexModel(IUsageQueries usage, IAgreementsQueries agreements, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Period { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Product { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Dimension { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Customer { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Format { get; set; }

    public SellerAgreements Seller { get; private set; } = null!;

    public UsageReport Report { get; private set; } = null!;

    public IReadOnlyList<DateTimeOffset> Months { get; private set; } = [];

    /// <summary>The current filters as a query string, for the CSV link.</summary>
    public string Query(string? format = null)
    {
        var parts = new List<string> { $"period={Uri.EscapeDataString(Report.Period.Key)}" };
        void Add(string name, string? value)
        {
            if (!string.IsNullOrEmpty(value))
            {
                parts.Add($"{name}={Uri.EscapeDataString(value)}");
            }
        }

        Add("product", Product);
        Add("dimension", Dimension);
        Add("customer", Customer);
        Add("format", format);
        return "?" + string.Join('&', parts);
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var period = UsagePeriod.Parse(Period, now);
        Months = UsagePeriod.RecentMonths(now, 4);
        Seller = await SellerAgreements.LoadAsync(agreements, User, cancellationToken);
        ProductId? product = ProductId.TryParse(Product, out var productId) ? productId : null;
        Product = product?.ToString();
        Dimension = string.IsNullOrWhiteSpace(Dimension) ? null : Dimension.Trim();
        Customer = string.IsNullOrWhiteSpace(Customer) ? null : Customer.Trim();
        var totals = await usage.GetTotalsAsync(
            new UsageQuery(period.From, period.To, period.Granularity, product, null, Customer, Dimension), User.UsageCaller(), cancellationToken);
        Report = new UsageReport(period, totals, Seller.Labels);
        if (string.Equals(Format, "csv", StringComparison.OrdinalIgnoreCase))
        {
            var name = $"usage-{period.From:yyyy-MM-dd}-{period.To.AddTicks(-1):yyyy-MM-dd}.csv";
            return File(Encoding.UTF8.GetBytes(Report.ToCsv()), "text/csv; charset=utf-8", name);
        }

        return Page();
    }
}
