using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Tradewind.Contracts;
using Tradewind.Contracts.Accounts;
using Tradewind.Contracts.Tax;
using Tradewind.Web.Api;

namespace Tradewind.Web.Pages.Operator;

/// <summary>
/// The tax liability report for the operator: per issuing entity, jurisdiction and tax type, what committed invoices
/// and credit notes of a period owe, in each jurisdiction's return currency, with a CSV download of the same rows.
/// The period is [from, to); it defaults to the current calendar month.
/// </summary>
internal sealed class TaxModel(ITaxQueries tax, IAccountsQueries accounts, TimeProvider clock, IStringLocalizer<SharedResource> localizer) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Entity { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? To { get; set; }

    public IReadOnlyList<OperatorEntityDto> Entities { get; private set; } = [];

    public TaxLiabilityReport? Report { get; private set; }

    public string? ErrorMessage { get; private set; }

    public string CsvQuery => $"?handler=Csv&entity={Uri.EscapeDataString(Entity ?? "")}&from={From}&to={To}";

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Entities = await accounts.ListOperatorEntitiesAsync(cancellationToken);
        Report = await LoadAsync(cancellationToken);
    }

    public async Task<IActionResult> OnGetCsvAsync(CancellationToken cancellationToken)
    {
        var report = await LoadAsync(cancellationToken);
        if (report is null)
        {
            Entities = await accounts.ListOperatorEntitiesAsync(cancellationToken);
            return Page();
        }

        return File(Encoding.UTF8.GetBytes(TaxApi.ToCsv(report)), "text/csv; charset=utf-8", $"tax-liability-{report.From:yyyy-MM-dd}-{report.To:yyyy-MM-dd}.csv");
    }

    private async Task<TaxLiabilityReport?> LoadAsync(CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var monthStart = new DateOnly(today.Year, today.Month, 1);
        From = string.IsNullOrWhiteSpace(From) ? monthStart.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : From;
        To = string.IsNullOrWhiteSpace(To) ? monthStart.AddMonths(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : To;
        if (!DateOnly.TryParseExact(From, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var from)
            || !DateOnly.TryParseExact(To, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var to))
        {
            ErrorMessage = localizer["Give both days as yyyy-mm-dd."];
            return null;
        }

        try
        {
            return await tax.GetLiabilityAsync(Entity, from, to, cancellationToken);
        }
        catch (ValidationFailedException)
        {
            ErrorMessage = localizer["The period must end after it starts and cover at most 466 days."];
            return null;
        }
    }
}
