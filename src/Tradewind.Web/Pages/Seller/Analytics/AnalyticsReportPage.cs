using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tradewind.Contracts;
using Tradewind.Contracts.Analytics;
using Tradewind.Contracts.Catalog;
using Tradewind.Web.Api;
using Tradewind.Web.Security;

namespace Tradewind.Web.Pages.Seller.Analytics;

/// <summary>
/// The period picker and product filter every seller analytics page shares (<c>_AnalyticsFilter</c>): last 7, 30 or 90
/// days ending today (UTC), or a custom <c>From</c>–<c>To</c>; the seller's own products only.
/// </summary>
internal abstract class AnalyticsReportPage(ICatalogQueries catalog, TimeProvider clock) : PageModel
{
    public static readonly int[] Periods = [7, 30, 90];

    [BindProperty(SupportsGet = true)]
    public int? Period { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? To { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ProductId { get; set; }

    public IReadOnlyList<ListingSummaryDto> Products { get; private set; } = [];

    public AnalyticsRange Range { get; private set; } = null!;

    public AnalyticsScope Scope { get; private set; } = null!;

    /// <summary>The current filter as a query string, for the CSV link and the report tabs.</summary>
    public string Query => $"?From={From}&To={To}" + (string.IsNullOrEmpty(ProductId) ? "" : $"&ProductId={ProductId}");

    protected virtual int DefaultDays => 30;

    /// <summary>False on the operator's marketplace report, which has no product filter.</summary>
    public virtual bool FiltersByProduct => true;

    /// <summary>Resolves the filter; a malformed one falls back to the default period with a message.</summary>
    protected async Task ResolveAsync(CancellationToken cancellationToken)
    {
        if (FiltersByProduct)
        {
            Products = (await catalog.ListBySellerAsync(User.OrganisationId(), new PageRequest(1, PageRequest.MaxSize), cancellationToken)).Items;
        }

        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        string? from = From;
        string? to = To;
        if (Period is { } days && Periods.Contains(days))
        {
            from = today.AddDays(1 - days).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            to = today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        }

        try
        {
            (Scope, Range) = AnalyticsLifecycleApi.Resolve(User, clock, from, to, ProductId, null, DefaultDays);
        }
        catch (ValidationFailedException)
        {
            ModelState.AddModelError(string.Empty, "invalid-filter");
            ProductId = null;
            (Scope, Range) = AnalyticsLifecycleApi.Resolve(User, clock, null, null, null, null, DefaultDays);
        }

        From = Range.From.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        To = Range.To.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    }

    protected static bool WantsCsv(string? format) => string.Equals(format, "csv", StringComparison.OrdinalIgnoreCase);

    /// <summary>The report's rows as a CSV download (<see cref="AnalyticsCsv"/>).</summary>
    protected FileContentResult Csv<T>(IEnumerable<T> rows, string fileName) => File(AnalyticsCsv.Write(rows), "text/csv; charset=utf-8", fileName);

    public static string Percent(decimal? ratio) => ratio is { } r ? (r * 100m).ToString("0.#", CultureInfo.CurrentCulture) + " %" : "–";

    /// <summary>A conversion rate with two decimals, so that small rates (0.03 %) do not show as 0.</summary>
    public static string Rate(decimal? ratio) => ratio is { } r ? (r * 100m).ToString("0.##", CultureInfo.CurrentCulture) + " %" : "–";

    public static string Days(decimal? days) => days?.ToString("0.##", CultureInfo.CurrentCulture) ?? "–";

    public static string Label(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
