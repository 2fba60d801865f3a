using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Tradewind.Contracts.Billing;
using Tradewind.Primitives.Money;
using Tradewind.Web.Security;

namespace Tradewind.Web.Pages.Seller.Billing;

/// <summary>
/// Billed revenue: every line of the seller's products on issued invoices and credit notes in a range of months, with
/// totals per currency; <c>?handler=csv</c> downloads the same rows.
/// </summary>
internal sealed class IndexModel(IBillingQueries billing, TimeProvider clock, IStringLocalizer<SharedResource> localizer) : PageModel
{
    /// <summary>First month of the range, <c>yyyy-MM</c>; defaults to three months ago.</summary>
    [BindProperty(SupportsGet = true)]
    public string? From { get; set; }

    /// <summary>Last month of the range (inclusive), <c>yyyy-MM</c>; defaults to this month.</summary>
    [BindProperty(SupportsGet = true)]
    public string? To { get; set; }

    public DateOnly FirstDay { get; private set; }

    public DateOnly LastMonth { get; private set; }

    public IReadOnlyList<BilledRevenueRow> Rows { get; private set; } = [];

    public IReadOnlyList<CurrencyTotal> Totals { get; private set; } = [];

    public string? RangeError { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnGetCsvAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        var csv = new StringBuilder("number,kind,issue_date,buyer,buyer_country,product,agreement_id,dimension,currency,net,tax\r\n");
        foreach (var r in Rows)
        {
            csv.Append(CultureInfo.InvariantCulture, $"{Cell(r.Number)},{(r.Kind == InvoiceKind.CreditNote ? "credit_note" : "invoice")},{r.IssueDate:yyyy-MM-dd},{Cell(r.BuyerName)},{r.BuyerCountry},{Cell(r.ProductTitle)},{r.AgreementId?.ToString() ?? ""},{Cell(r.Dimension ?? "")},{r.Currency},{r.Net.ToMajorString()},{r.Tax.ToMajorString()}\r\n");
        }

        return File(Encoding.UTF8.GetBytes(csv.ToString()), "text/csv; charset=utf-8", $"billed-revenue-{FirstDay:yyyy-MM}-{LastMonth:yyyy-MM}.csv");
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var thisMonth = new DateOnly(today.Year, today.Month, 1);
        var first = ParseMonth(From) ?? thisMonth.AddMonths(-3);
        var last = ParseMonth(To) ?? thisMonth;
        if (last < first)
        {
            RangeError = localizer["The last month comes before the first, so the range was turned around."];
            (first, last) = (last, first);
        }

        FirstDay = first;
        LastMonth = last;
        From = first.ToString("yyyy-MM", CultureInfo.InvariantCulture);
        To = last.ToString("yyyy-MM", CultureInfo.InvariantCulture);
        Rows = await billing.ListBilledRevenueAsync(User.OrganisationId(), first, last.AddMonths(1), cancellationToken);
        Totals = Rows.GroupBy(r => r.Currency, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new CurrencyTotal(
                g.Key,
                g.Select(r => r.Net).Aggregate((a, b) => a + b),
                g.Select(r => r.Tax).Aggregate((a, b) => a + b),
                g.Select(r => r.Number).Distinct(StringComparer.Ordinal).Count()))
            .ToList();
    }

    private static DateOnly? ParseMonth(string? value) =>
        DateOnly.TryParseExact(value + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;

    private static string Cell(string value) =>
        value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : value;

    internal sealed record CurrencyTotal(string Currency, Money Net, Money Tax, int Documents);
}
