using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tradewind.Contracts;
using Tradewind.Contracts.Analytics;
using Tradewind.Primitives.Money;
using Tradewind.Web.Security;

namespace Tradewind.Web.Pages.Seller.Analytics;

/// <summary>
/// The seller's upgrade candidates (PQLs) of the latest scored day: score with its top three reasons, run-rate against the
/// smallest commitment, "why this score" with every rule, a button to the offer builder prefilled from the agreement, the
/// PQL → offer conversion and the rule table. <c>?format=csv</c> downloads the list.
/// </summary>
internal sealed class CandidatesModel(IUpgradeCandidates candidates, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int? MinScore { get; set; }

    [BindProperty(SupportsGet = true, Name = "page")]
    public int? PageNumber { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Format { get; set; }

    public UpgradeCandidatesReport Report { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var csv = string.Equals(Format, "csv", StringComparison.Ordinal);
        var minScore = MinScore is { } m ? Math.Clamp(m, -Api.AnalyticsCandidatesApi.MinScoreLimit, Api.AnalyticsCandidatesApi.MinScoreLimit) : (int?)null;
        var page = new PageRequest(Math.Max(1, PageNumber ?? 1), csv ? PageRequest.MaxSize : PageRequest.DefaultSize);
        Report = await candidates.ListAsync(new AnalyticsScope(User.OrganisationId()), minScore, today, page, cancellationToken);
        if (csv)
        {
            return new FileContentResult(Api.AnalyticsCsv.Write(Report.Candidates.Items.Select(Api.AnalyticsCandidatesApi.CsvRow)), "text/csv; charset=utf-8")
            {
                FileDownloadName = "upgrade-candidates.csv",
            };
        }

        return Page();
    }

    /// <summary>A minor-unit amount as "1234.50 EUR"; empty without one.</summary>
    public static string Amount(long? minor, string currency) =>
        minor is { } m ? Money.FromMinor(m, Currency.FromCode(currency)).ToString() : "";

    public string PageLink(int number) =>
        MinScore is { } m ? $"?minScore={m}&page={number}" : $"?page={number}";
}
