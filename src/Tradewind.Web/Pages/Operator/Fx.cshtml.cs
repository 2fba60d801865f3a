using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Tradewind.Contracts;
using Tradewind.Contracts.Payments;
using Tradewind.Primitives.Money;
using Tradewind.Web.Security;

namespace Tradewind.Web.Pages.Operator;

/// <summary>
/// Exchange rates for the operator: the EUR rates in force today with their source and publication day, an
/// override for one currency and day, and imports of ECB reference-rate files (uploaded, or from the configured address).
/// </summary>
internal sealed class FxModel(
    IExchangeRateQueries queries,
    IExchangeRateCommands commands,
    TimeProvider clock,
    IStringLocalizer<SharedResource> localizer) : PageModel
{
    public RateTable Rates { get; private set; } = null!;

    public IEnumerable<Currency> OverrideCurrencies => Currency.All.Where(c => c != Currency.EUR);

    [BindProperty]
    public string? OverrideQuote { get; set; } = "USD";

    [BindProperty]
    public string? OverrideDate { get; set; }

    [BindProperty]
    public string? OverrideRate { get; set; }

    [BindProperty]
    public IFormFile? EcbFile { get; set; }

    [TempData]
    public string? StatusMessage { get; set; }

    [TempData]
    public string? ErrorMessage { get; set; }

    public static string FormatRate(decimal rate) => rate.ToString("0.##########", CultureInfo.CurrentCulture);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        OverrideDate ??= Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        await LoadAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostOverrideAsync(CancellationToken cancellationToken)
    {
        var valid = true;
        if (!DateOnly.TryParseExact(OverrideDate, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            ModelState.AddModelError(nameof(OverrideDate), localizer["Give a day that has begun, as yyyy-mm-dd."]);
            valid = false;
        }

        // Rates are machine values: the invariant form with a point, whatever the page's language.
        if (!decimal.TryParse(OverrideRate?.Trim(), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var rate))
        {
            ModelState.AddModelError(nameof(OverrideRate), localizer["Give a positive rate with at most 10 decimal places, e.g. 1.1467."]);
            valid = false;
        }

        if (valid)
        {
            try
            {
                var set = await commands.SetOverrideAsync(new NewRateOverride("EUR", OverrideQuote ?? "", date, rate), User.Actor(), cancellationToken);
                StatusMessage = localizer["From now on 1 EUR = {0} {1} on {2}.", FormatRate(set.Rate), set.Quote, set.AsOf.ToString("d", CultureInfo.CurrentCulture)];
                return RedirectToPage();
            }
            catch (ValidationFailedException exception)
            {
                foreach (var field in exception.Errors.Keys)
                {
                    var (property, message) = field switch
                    {
                        "date" => (nameof(OverrideDate), localizer["Give a day that has begun, as yyyy-mm-dd."]),
                        "rate" => (nameof(OverrideRate), localizer["Give a positive rate with at most 10 decimal places, e.g. 1.1467."]),
                        _ => (nameof(OverrideQuote), localizer["Choose a currency other than EUR."]),
                    };
                    ModelState.AddModelError(property, message);
                }
            }
        }

        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostImportAsync(CancellationToken cancellationToken)
    {
        if (EcbFile is not { Length: > 0 })
        {
            ModelState.AddModelError(nameof(EcbFile), localizer["Choose an ECB reference-rate XML file to upload."]);
            await LoadAsync(cancellationToken);
            return Page();
        }

        try
        {
            await using var stream = EcbFile.OpenReadStream();
            var result = await commands.ImportEcbAsync(stream, $"upload:{Path.GetFileName(EcbFile.FileName)}", User.Actor(), cancellationToken);
            StatusMessage = Imported(result);
            return RedirectToPage();
        }
        catch (ValidationFailedException exception)
        {
            var reason = exception.Errors.Values.SelectMany(m => m).FirstOrDefault() ?? exception.Message;
            ModelState.AddModelError(nameof(EcbFile), localizer["The file was refused: {0}", reason]);
        }

        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostImportNowAsync(CancellationToken cancellationToken)
    {
        try
        {
            StatusMessage = Imported(await commands.ImportEcbFromConfiguredUrlAsync(User.Actor(), cancellationToken));
        }
        catch (DomainException exception)
        {
            ErrorMessage = localizer["The ECB rates could not be imported: {0}", exception.Message];
        }

        return RedirectToPage();
    }

    private DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    private string Imported(RateImportResult result) =>
        localizer["Imported {0} days of rates ({1} to {2}): {3} new, {4} unchanged, {5} corrected.",
            result.Days, result.FirstDate.ToString("d", CultureInfo.CurrentCulture), result.LastDate.ToString("d", CultureInfo.CurrentCulture),
            result.Inserted, result.Unchanged, result.Corrected];

    private async Task LoadAsync(CancellationToken cancellationToken) =>
        Rates = await queries.GetRatesAsync(Currency.EUR, Today, cancellationToken);
}
