using System.Globalization;
using System.Security.Claims;
using Tradewind.Contracts;
using Tradewind.Contracts.Accounts;
using Tradewind.Contracts.Analytics;
using Tradewind.Primitives.Ids;
using Tradewind.Web.Security;

namespace Tradewind.Web.Api;

/// <summary>
/// The lifecycle reports (docs/analytics.md, "Lifecycle events and reports"): funnel, trials, usage, retention and the
/// private-offer funnel, each with its metric definitions. <c>from</c>/<c>to</c> are UTC dates (inclusive; default the
/// last 30 days), <c>productId</c> narrows to one product, <c>format=csv</c> downloads the report's table. A seller reads
/// its own products only; the operator reads the marketplace or one seller (<c>sellerId</c>); buyers are refused.
/// </summary>
internal static class AnalyticsLifecycleApi
{
    public static RouteGroupBuilder MapAnalyticsLifecycleApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/analytics").WithTags("Analytics").RequireAuthorization(ProductsApi.SellerOrOperator);
        group.MapGet("/funnel", Funnel).WithSummary("Listing funnel: unique visitor-days → CTA clicks → trials → first usage → paid, with still-in-window units and first-touch breakdowns");
        group.MapGet("/trials", Trials).WithSummary("Trials: AWS's four period counters, cohort trial-to-paid by week of start (W = trial length + 7 days), median time to convert and to value");
        group.MapGet("/usage", Usage).WithSummary("Usage per dimension per day, growth against the previous period, quota / free-tier utilisation");
        group.MapGet("/retention", Retention).WithSummary("Bounded usage retention by week of trial start");
        group.MapGet("/private-offers", PrivateOffers).WithSummary("Private-offer funnel: sent, viewed, accepted, declined, expired, withdrawn, acceptance rate, median time to accept, contract value per currency");
        return api;
    }

    public sealed record RetentionCsvRow(DateOnly WeekStart, int Buyers, decimal? Week0, decimal? Week1, decimal? Week2, decimal? Week3, decimal? Week4, decimal? Week5, decimal? Week6, decimal? Week7);

    public sealed record MetricCsvRow(string Metric, string Value);

    private static async Task<IResult> Funnel(ILifecycleReports reports, ClaimsPrincipal user, TimeProvider clock, string? from, string? to, string? productId, string? sellerId, string? format, CancellationToken cancellationToken)
    {
        var (scope, range) = Resolve(user, clock, from, to, productId, sellerId);
        var report = await reports.GetFunnelAsync(scope, range, cancellationToken);
        return Csv(format) ? AnalyticsCsv.File(report.Steps, $"funnel-{Label(range)}.csv") : TypedResults.Ok(report);
    }

    private static async Task<IResult> Trials(ILifecycleReports reports, ClaimsPrincipal user, TimeProvider clock, string? from, string? to, string? productId, string? sellerId, string? format, CancellationToken cancellationToken)
    {
        var (scope, range) = Resolve(user, clock, from, to, productId, sellerId);
        var report = await reports.GetTrialsAsync(scope, range, cancellationToken);
        return Csv(format) ? AnalyticsCsv.File(report.Cohorts, $"trials-{Label(range)}.csv") : TypedResults.Ok(report);
    }

    private static async Task<IResult> Usage(ILifecycleReports reports, ClaimsPrincipal user, TimeProvider clock, string? from, string? to, string? productId, string? sellerId, string? format, CancellationToken cancellationToken)
    {
        var (scope, range) = Resolve(user, clock, from, to, productId, sellerId);
        var report = await reports.GetUsageAsync(scope, range, cancellationToken);
        return Csv(format) ? AnalyticsCsv.File(report.Days, $"usage-{Label(range)}.csv") : TypedResults.Ok(report);
    }

    private static async Task<IResult> Retention(ILifecycleReports reports, ClaimsPrincipal user, TimeProvider clock, string? from, string? to, string? productId, string? sellerId, string? format, CancellationToken cancellationToken)
    {
        var (scope, range) = Resolve(user, clock, from, to, productId, sellerId, defaultDays: 90);
        var report = await reports.GetRetentionAsync(scope, range, cancellationToken);
        return Csv(format) ? AnalyticsCsv.File(RetentionRows(report), $"retention-{Label(range)}.csv") : TypedResults.Ok(report);
    }

    private static async Task<IResult> PrivateOffers(ILifecycleReports reports, ClaimsPrincipal user, TimeProvider clock, string? from, string? to, string? productId, string? sellerId, string? format, CancellationToken cancellationToken)
    {
        var (scope, range) = Resolve(user, clock, from, to, productId, sellerId);
        var report = await reports.GetPrivateOffersAsync(scope, range, cancellationToken);
        return Csv(format) ? AnalyticsCsv.File(OfferRows(report), $"private-offers-{Label(range)}.csv") : TypedResults.Ok(report);
    }

    public static IReadOnlyList<RetentionCsvRow> RetentionRows(RetentionReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return report.Cohorts.Select(c =>
        {
            decimal? W(int k) => k < c.Weeks.Count ? c.Weeks[k] : null;
            return new RetentionCsvRow(c.WeekStart, c.Buyers, W(0), W(1), W(2), W(3), W(4), W(5), W(6), W(7));
        }).ToList();
    }

    public static IReadOnlyList<MetricCsvRow> OfferRows(PrivateOfferFunnelReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        static string N(decimal? v) => v?.ToString(CultureInfo.InvariantCulture) ?? "";
        List<MetricCsvRow> rows =
        [
            new("sent", N(report.Sent)), new("viewed", N(report.Viewed)), new("accepted", N(report.Accepted)), new("declined", N(report.Declined)),
            new("expired", N(report.Expired)), new("withdrawn", N(report.Withdrawn)), new("acceptance_rate", N(report.AcceptanceRate)),
            new("median_days_to_accept", N(report.MedianDaysToAccept)),
        ];
        rows.AddRange(report.AcceptedContractValue.Select(v => new MetricCsvRow($"contract_value_minor_{v.Currency}", N(v.AmountMinor))));
        return rows;
    }

    /// <summary>
    /// The scope and days a request reads: a seller's own products (a <c>sellerId</c> naming another seller is refused),
    /// or for the operator one seller or the marketplace. Bad dates or ids are validation problems.
    /// </summary>
    public static (AnalyticsScope Scope, AnalyticsRange Range) Resolve(ClaimsPrincipal user, TimeProvider clock, string? from, string? to, string? productId, string? sellerId, int defaultDays = 30)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(clock);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var range = AnalyticsRange.Resolve(Date(from, "from"), Date(to, "to"), today, defaultDays);
        ProductId? product = null;
        if (!string.IsNullOrWhiteSpace(productId))
        {
            product = ProductId.TryParse(productId, out var p) ? p : throw new ValidationFailedException("productId", "Give a product id (a GUID).");
        }

        OrganisationId? seller = null;
        if (!string.IsNullOrWhiteSpace(sellerId))
        {
            seller = OrganisationId.TryParse(sellerId, out var s) ? s : throw new ValidationFailedException("sellerId", "Give a seller organisation id (a GUID).");
        }

        if (user.IsInRole(Roles.Operator))
        {
            return (new AnalyticsScope(seller, product), range);
        }

        var own = user.OrganisationId();
        if (seller is { } other && other != own)
        {
            throw new DomainException("analytics-other-seller", "A seller reads its own analytics only.", DomainErrorKind.Forbidden);
        }

        return (new AnalyticsScope(own, product), range);
    }

    private static DateOnly? Date(string? value, string field) =>
        string.IsNullOrWhiteSpace(value) ? null
        : DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day
        : throw new ValidationFailedException(field, "Give a date as yyyy-MM-dd.");

    private static bool Csv(string? format) => string.Equals(format, "csv", StringComparison.OrdinalIgnoreCase);

    private static string Label(AnalyticsRange range) =>
        string.Create(CultureInfo.InvariantCulture, $"{range.From:yyyy-MM-dd}-{range.To:yyyy-MM-dd}");
}
