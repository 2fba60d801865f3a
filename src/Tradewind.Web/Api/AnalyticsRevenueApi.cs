using System.Globalization;
using System.Security.Claims;
using Tradewind.Contracts;
using Tradewind.Contracts.Accounts;
using Tradewind.Contracts.Analytics;
using Tradewind.Primitives.Ids;
using Tradewind.Primitives.Money;
using Tradewind.Web.Security;

namespace Tradewind.Web.Api;

/// <summary>
/// Revenue metrics (docs/analytics.md, "Revenue metrics"): MRR and ARR per month (committed and PAYG), the five
/// movements, churn rates, NRR/GRR monthly and trailing 12 months, logo churn, quick ratio, ARPA, by currency and buyer
/// country; and revenue retention cohorts. A seller reads its own products; the operator reads the marketplace or one
/// seller (<c>sellerId</c>); buyers are refused. Months are <c>YYYY-MM</c> in UTC; the default is the 12 months
/// ending with the current one.
/// </summary>
internal static class AnalyticsRevenueApi
{
    public static RouteGroupBuilder MapAnalyticsRevenueApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/analytics").WithTags("Analytics").RequireAuthorization();
        group.MapGet("/revenue", Revenue)
            .WithSummary("MRR, ARR, movements, churn, NRR/GRR, logo churn, quick ratio and ARPA per month and currency (from, to = YYYY-MM; productId, currency, sellerId for the operator; format=csv)");
        group.MapGet("/revenue/cohorts", Cohorts)
            .WithSummary("Revenue retention by month of first payment: cohort MRR in month k ÷ its first paid month's (from, to = YYYY-MM; productId, currency, sellerId for the operator; format=csv)");
        return api;
    }

    public sealed record RevenueCsvRow(string Currency, string Month, string Stream, string Metric, long? AmountMinor, string? Ratio, int? Count, string Display, string Definition);

    public sealed record CohortCsvRow(string Currency, string CohortMonth, int Customers, int K, string Month, long MrrMinor, string? Retention, string Display);

    private static async Task<IResult> Revenue(
        string? from, string? to, Guid? productId, string? currency, Guid? sellerId, string? format, ClaimsPrincipal user, IRevenueReports reports, TimeProvider clock, CancellationToken cancellationToken)
    {
        var (scope, first, last, code, csv) = Read(from, to, productId, currency, sellerId, format, user, clock);
        var report = await reports.GetAsync(scope, first, last, code, cancellationToken);
        if (!csv)
        {
            return TypedResults.Ok(report);
        }

        var rows = report.ByCurrency.SelectMany(c => c.Months.SelectMany(m => m.Figures.Select(f => new RevenueCsvRow(
            c.Currency,
            Month(m.Month),
            f.Stream,
            f.Definition.Code,
            f.AmountMinor,
            f.Ratio?.ToString(CultureInfo.InvariantCulture),
            f.Count,
            f.Display,
            f.Definition.Formula))));
        return AnalyticsCsv.File(rows, "revenue.csv");
    }

    private static async Task<IResult> Cohorts(
        string? from, string? to, Guid? productId, string? currency, Guid? sellerId, string? format, ClaimsPrincipal user, IRevenueReports reports, TimeProvider clock, CancellationToken cancellationToken)
    {
        var (scope, first, last, code, csv) = Read(from, to, productId, currency, sellerId, format, user, clock);
        var report = await reports.GetCohortsAsync(scope, first, last, code, cancellationToken);
        if (!csv)
        {
            return TypedResults.Ok(report);
        }

        var rows = report.Cohorts.SelectMany(c => c.Months.Select(cell => new CohortCsvRow(
            c.Currency, Month(c.CohortMonth), c.Customers, cell.K, Month(cell.Month), cell.MrrMinor, cell.Retention?.ToString(CultureInfo.InvariantCulture), cell.Display)));
        return AnalyticsCsv.File(rows, "revenue-cohorts.csv");
    }

    /// <summary>The caller's scope and the validated query: sellers read only their own data, the operator any seller's or all, buyers nothing.</summary>
    internal static (AnalyticsScope Scope, DateOnly From, DateOnly To, string? Currency, bool Csv) Read(
        string? from, string? to, Guid? productId, string? currency, Guid? sellerId, string? format, ClaimsPrincipal user, TimeProvider clock)
    {
        OrganisationId? seller;
        if (user.IsInRole(Roles.Operator))
        {
            seller = sellerId is { } id ? new OrganisationId(id) : null;
        }
        else if (user.IsInRole(Roles.Seller))
        {
            seller = user.OrganisationId();
        }
        else
        {
            throw new DomainException("forbidden", "Revenue reports are for sellers and the operator.", DomainErrorKind.Forbidden);
        }

        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var current = new DateOnly(today.Year, today.Month, 1);
        var last = ParseMonth(to, "to", errors) ?? current;
        var first = ParseMonth(from, "from", errors) ?? last.AddMonths(-11);
        string? code = null;
        if (!string.IsNullOrWhiteSpace(currency))
        {
            if (Currency.TryFromCode(currency.Trim().ToUpperInvariant(), out var parsed))
            {
                code = parsed.Code;
            }
            else
            {
                errors["currency"] = ["Use an ISO 4217 currency code."];
            }
        }

        var csv = false;
        if (!string.IsNullOrEmpty(format))
        {
            if (string.Equals(format, "csv", StringComparison.OrdinalIgnoreCase))
            {
                csv = true;
            }
            else if (!string.Equals(format, "json", StringComparison.OrdinalIgnoreCase))
            {
                errors["format"] = ["Use json or csv."];
            }
        }

        if (errors.Count > 0)
        {
            throw new ValidationFailedException(errors);
        }

        return (new AnalyticsScope(seller, productId is { } p ? new ProductId(p) : null), first, last, code, csv);
    }

    private static DateOnly? ParseMonth(string? text, string field, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (DateOnly.TryParseExact(text.Trim() + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var month))
        {
            return month;
        }

        errors[field] = ["Use a month as YYYY-MM."];
        return null;
    }

    private static string Month(DateOnly month) => month.ToString("yyyy-MM", CultureInfo.InvariantCulture);
}
