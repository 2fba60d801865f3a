using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Tradewind.Contracts;
using Tradewind.Contracts.Billing;
using Tradewind.Web.Pages.Shared;
using Tradewind.Web.Security;

namespace Tradewind.Web.Pages.Operator.Billing;

/// <summary>
/// Billing for the operator: run billing now for an as-of day (what the monthly job does), the latest runs with what
/// each did, and a search over every invoice and credit note.
/// </summary>
internal sealed class IndexModel(
    IBillingQueries billing,
    IBillingCommands commands,
    TimeProvider clock,
    IStringLocalizer<SharedResource> localizer) : PageModel
{
    [BindProperty]
    public string? AsOf { get; set; }

    [BindProperty]
    public bool Finalize { get; set; } = true;

    [BindProperty(SupportsGet = true)]
    public string? Number { get; set; }

    [BindProperty(SupportsGet = true)]
    public InvoiceStatus? Status { get; set; }

    [BindProperty(SupportsGet = true)]
    public InvoiceKind? Kind { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Entity { get; set; }

    [BindProperty(SupportsGet = true, Name = "page")]
    public int? PageNumber { get; set; }

    [TempData]
    public string? StatusMessage { get; set; }

    public Page<BillingRunDto> Runs { get; private set; } = null!;

    public Page<InvoiceSummaryDto> Invoices { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        AsOf ??= FirstOfThisMonth().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        await LoadAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostRunAsync(CancellationToken cancellationToken)
    {
        if (!DateOnly.TryParseExact(AsOf, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            ModelState.AddModelError(nameof(AsOf), localizer["Give the as-of day as yyyy-mm-dd."]);
        }
        else if (day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc) > clock.GetUtcNow().UtcDateTime)
        {
            ModelState.AddModelError(nameof(AsOf), localizer["Billing can only run for a day that has begun."]);
        }
        else
        {
            var asOf = new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            var run = await commands.RunAsync(new BillingRunRequest(asOf, Finalize), "operator_console", User.Actor(), cancellationToken);
            StatusMessage = localizer["Billing run as of {0}: {1} agreements rated, {2} invoices drafted, {3} finalized, {4} errors.", day.ToString("d", CultureInfo.CurrentCulture), run.AgreementsRated, run.InvoicesDrafted, run.InvoicesFinalized, run.Errors.Count];
            return RedirectToPage();
        }

        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Runs = await billing.ListRunsAsync(new PageRequest(1, 10), cancellationToken);
        var filter = new InvoiceFilter(
            Status: Status,
            Kind: Kind,
            IssuerEntityCode: string.IsNullOrWhiteSpace(Entity) ? null : Entity.Trim(),
            Number: string.IsNullOrWhiteSpace(Number) ? null : Number.Trim());
        Invoices = await billing.ListInvoicesAsync(filter, InvoiceLabels.Caller(User), new PageRequest(Pager.Number(PageNumber), 25), cancellationToken);
    }

    private DateOnly FirstOfThisMonth()
    {
        var today = clock.GetUtcNow().UtcDateTime;
        return new DateOnly(today.Year, today.Month, 1);
    }
}
