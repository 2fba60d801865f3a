using System.Globalization;
using System.Security.Claims;
using Tradewind.Contracts;
using Tradewind.Contracts.Accounts;
using Tradewind.Contracts.Analytics;
using Tradewind.Primitives.Ids;
using Tradewind.Web.Security;

namespace Tradewind.Web.Api;

/// <summary>
/// Listing-traffic reports (docs/analytics.md § Listing traffic reports), read from the daily rollups. A seller always reads its own
/// listings; the operator reads the whole marketplace or one seller's (<c>sellerId</c>); buyers get 403. Dates are
/// UTC days (<c>yyyy-MM-dd</c>, inclusive), by default the last 30 days; <c>format=csv</c> downloads the same figures.
/// </summary>
internal static class AnalyticsTrafficApi
{
    public static RouteGroupBuilder MapAnalyticsTrafficApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/analytics").WithTags("Analytics").RequireAuthorization(ProductsApi.SellerOrOperator);
        group.MapGet("/traffic", Traffic)
            .WithSummary("Listing traffic: totals (views, confirmed views, unique visitor-days, filtered as bots, CTA clicks), a daily series and breakdowns by source, medium, campaign, referrer, channel, country and served language; breakdown= picks one, format=csv downloads it (or the daily series)");
        group.MapGet("/languages", Languages)
            .WithSummary("Traffic and attributed trials by served language × translation kind, with listing conversion = trials ÷ visitor-days; format=csv downloads it");
        group.MapGet("/marketplace", Marketplace).RequireAuthorization(Policies.Operator)
            .WithSummary("Operator: the whole marketplace's listing traffic and conversion by buyer country, listing category, channel and served language, and closing MRR per currency by country and category; format=csv downloads the traffic rows, format=csv&part=revenue the revenue rows");
        return api;
    }

    public sealed record TotalsResponse(long Views, long ConfirmedViews, long VisitorDays, long BotViews, long CtaClicks);

    public sealed record DayResponse(DateOnly Day, long Views, long ConfirmedViews, long BotViews, long VisitorDays);

    /// <summary>
    /// One breakdown row; <c>key</c> is empty for "none" and <c>other</c> for folded small country buckets. <c>trials</c> and
    /// <c>subscriptions</c> are the sign-ups attributed to the row's views, <c>conversion</c> = trials ÷ visitor-days.
    /// </summary>
    public sealed record BreakdownRowResponse(
        string Key, long Views, long ConfirmedViews, long VisitorDays, long BotViews, decimal Share, long Trials, long Subscriptions, decimal? Conversion);

    public sealed record DefinitionResponse(string Code, string Name, string Formula);

    public sealed record TrafficResponse(
        DateOnly From, DateOnly To, Guid? SellerId, Guid? ProductId, TotalsResponse Totals, IReadOnlyList<DayResponse> Daily,
        IReadOnlyDictionary<string, IReadOnlyList<BreakdownRowResponse>> Breakdowns, IReadOnlyList<DefinitionResponse> Definitions);

    public sealed record LanguageRowResponse(string Locale, string TranslationKind, long VisitorDays, long ConfirmedViews, long Trials, long Subscriptions, decimal? Conversion);

    public sealed record LanguagesResponse(DateOnly From, DateOnly To, Guid? SellerId, Guid? ProductId, IReadOnlyList<LanguageRowResponse> Rows, IReadOnlyList<DefinitionResponse> Definitions);

    /// <summary>Closing MRR of one key in minor units of its currency.</summary>
    public sealed record RevenueSplitResponse(string Key, int PayingCustomers, long CommittedMinor, long PaygMinor, long MrrMinor);

    public sealed record MarketplaceRevenueResponse(
        string Currency, int PayingCustomers, long CommittedMinor, long PaygMinor, long MrrMinor, IReadOnlyList<RevenueSplitResponse> ByCountry,
        IReadOnlyList<RevenueSplitResponse> ByCategory);

    public sealed record MarketplaceResponse(
        DateOnly From, DateOnly To, TotalsResponse Totals, long AttributedTrials, long AttributedSubscriptions, decimal? Conversion,
        IReadOnlyDictionary<string, IReadOnlyList<BreakdownRowResponse>> Breakdowns, DateOnly RevenueMonth, IReadOnlyList<MarketplaceRevenueResponse> Revenue,
        IReadOnlyList<DefinitionResponse> Definitions);

    /// <summary>A CSV row of the marketplace report's traffic: one per dimension and key.</summary>
    public sealed record MarketplaceCsvRow(
        DateOnly From, DateOnly To, string Dimension, string Key, long Views, long ConfirmedViews, long VisitorDays, long BotViews, decimal Share, long Trials,
        long Subscriptions, decimal? Conversion);

    /// <summary>A CSV row of the marketplace report's revenue: one per currency, split (country or category) and key; amounts in minor units.</summary>
    public sealed record MarketplaceRevenueCsvRow(string Month, string Currency, string Split, string Key, int PayingCustomers, long CommittedMinor, long PaygMinor, long MrrMinor);

    /// <summary>A CSV row of a breakdown.</summary>
    public sealed record BreakdownCsvRow(
        DateOnly From, DateOnly To, string Breakdown, string Key, long Views, long ConfirmedViews, long VisitorDays, long BotViews, decimal Share, long Trials,
        long Subscriptions, decimal? Conversion);

    /// <summary>A CSV row of the daily series.</summary>
    public sealed record DayCsvRow(DateOnly Day, long Views, long ConfirmedViews, long BotViews, long VisitorDays);

    public sealed record LanguageCsvRow(DateOnly From, DateOnly To, string Locale, string TranslationKind, long VisitorDays, long ConfirmedViews, long Trials, long Subscriptions, decimal? Conversion);

    private static async Task<IResult> Traffic(
        ITrafficReports reports, TimeProvider clock, ClaimsPrincipal user, string? from, string? to, Guid? productId, Guid? sellerId, string? breakdown, string? format,
        CancellationToken cancellationToken)
    {
        var range = ParseRange(from, to, clock);
        var scope = Scope(user, sellerId, productId);
        TrafficBreakdown? only = breakdown is null ? null : ParseBreakdown(breakdown);
        var csv = IsCsv(format);
        var report = await reports.GetTrafficAsync(scope, range, cancellationToken);
        if (csv)
        {
            return only is { } b
                ? AnalyticsCsv.File(
                    report.Breakdowns[b].Select(r => BreakdownCsv(range, Wire(b), r)),
                    $"traffic-{Wire(b)}-{Stamp(range)}.csv")
                : AnalyticsCsv.File(report.Daily.Select(d => new DayCsvRow(d.Day, d.Views, d.ConfirmedViews, d.BotViews, d.VisitorDays)), $"traffic-daily-{Stamp(range)}.csv");
        }

        var breakdowns = report.Breakdowns
            .Where(kv => only is null || kv.Key == only)
            .ToDictionary(kv => Wire(kv.Key), kv => (IReadOnlyList<BreakdownRowResponse>)kv.Value.Select(Row).ToList(), StringComparer.Ordinal);
        return TypedResults.Ok(new TrafficResponse(
            range.From, range.To, scope.SellerId?.Value, scope.ProductId?.Value, Totals(report.Totals),
            report.Daily.Select(d => new DayResponse(d.Day, d.Views, d.ConfirmedViews, d.BotViews, d.VisitorDays)).ToList(), breakdowns, Definitions(report.Definitions)));
    }

    private static async Task<IResult> Languages(
        ITrafficReports reports, TimeProvider clock, ClaimsPrincipal user, string? from, string? to, Guid? productId, Guid? sellerId, string? format, CancellationToken cancellationToken)
    {
        var range = ParseRange(from, to, clock);
        var scope = Scope(user, sellerId, productId);
        var csv = IsCsv(format);
        var report = await reports.GetLanguagesAsync(scope, range, cancellationToken);
        if (csv)
        {
            return AnalyticsCsv.File(
                report.Rows.Select(r => new LanguageCsvRow(range.From, range.To, r.Locale, r.TranslationKind, r.VisitorDays, r.ConfirmedViews, r.Trials, r.Subscriptions, r.Conversion)),
                $"languages-{Stamp(range)}.csv");
        }

        return TypedResults.Ok(new LanguagesResponse(
            range.From, range.To, scope.SellerId?.Value, scope.ProductId?.Value,
            report.Rows.Select(r => new LanguageRowResponse(r.Locale, r.TranslationKind, r.VisitorDays, r.ConfirmedViews, r.Trials, r.Subscriptions, r.Conversion)).ToList(),
            Definitions(report.Definitions)));
    }

    private static async Task<IResult> Marketplace(
        IMarketplaceReports reports, TimeProvider clock, string? from, string? to, string? format, string? part, CancellationToken cancellationToken)
    {
        var range = ParseRange(from, to, clock);
        var csv = IsCsv(format);
        var revenuePart = part switch
        {
            null or "" or "traffic" => false,
            "revenue" => true,
            _ => throw new ValidationFailedException("part", "Use traffic or revenue."),
        };
        var report = await reports.GetAsync(range, cancellationToken);
        if (csv)
        {
            return revenuePart
                ? AnalyticsCsv.File(MarketplaceRevenueCsv(report), $"marketplace-revenue-{report.RevenueMonth:yyyy-MM}.csv")
                : AnalyticsCsv.File(MarketplaceCsv(report), $"marketplace-{Stamp(range)}.csv");
        }

        return TypedResults.Ok(new MarketplaceResponse(
            range.From, range.To, Totals(report.Totals), report.AttributedTrials, report.AttributedSubscriptions, report.Conversion,
            report.Traffic.ToDictionary(kv => Wire(kv.Key), kv => (IReadOnlyList<BreakdownRowResponse>)kv.Value.Select(Row).ToList(), StringComparer.Ordinal),
            report.RevenueMonth,
            report.Revenue.Select(r => new MarketplaceRevenueResponse(
                r.Currency, r.PayingCustomers, r.CommittedMinor, r.PaygMinor, r.MrrMinor, r.ByCountry.Select(Split).ToList(), r.ByCategory.Select(Split).ToList())).ToList(),
            Definitions(report.Definitions)));
    }

    public static IEnumerable<MarketplaceCsvRow> MarketplaceCsv(MarketplaceReport report) =>
        report.Traffic.SelectMany(kv => kv.Value.Select(r => new MarketplaceCsvRow(
            report.Range.From, report.Range.To, Wire(kv.Key), r.Key, r.Views, r.ConfirmedViews, r.VisitorDays, r.BotViews, r.Share, r.Trials, r.Subscriptions,
            r.Conversion)));

    public static IEnumerable<MarketplaceRevenueCsvRow> MarketplaceRevenueCsv(MarketplaceReport report)
    {
        var month = report.RevenueMonth.ToString("yyyy-MM", CultureInfo.InvariantCulture);
        return report.Revenue.SelectMany(c =>
            c.ByCountry.Select(r => (Split: "country", Row: r)).Concat(c.ByCategory.Select(r => (Split: "category", Row: r)))
                .Select(x => new MarketplaceRevenueCsvRow(month, c.Currency, x.Split, x.Row.Key, x.Row.PayingCustomers, x.Row.CommittedMinor, x.Row.PaygMinor, x.Row.MrrMinor)));
    }

    public static BreakdownCsvRow BreakdownCsv(AnalyticsRange range, string breakdown, TrafficBreakdownRow r) =>
        new(range.From, range.To, breakdown, r.Key, r.Views, r.ConfirmedViews, r.VisitorDays, r.BotViews, r.Share, r.Trials, r.Subscriptions, r.Conversion);

    public static string Wire(MarketplaceDimension dimension) => dimension.ToString().ToLowerInvariant();

    /// <summary>A seller reads its own listings whatever it passes; the operator reads one seller's or everyone's.</summary>
    public static AnalyticsScope Scope(ClaimsPrincipal user, Guid? sellerId, Guid? productId)
    {
        var product = productId is { } p ? ProductId.From(p) : (ProductId?)null;
        if (user.IsInRole(Roles.Operator))
        {
            return new AnalyticsScope(sellerId is { } s ? OrganisationId.From(s) : null, product, ReadByOperator: true);
        }

        return new AnalyticsScope(user.OrganisationId(), product);
    }

    /// <summary>UTC days <c>yyyy-MM-dd</c>; by default the 30 days ending today.</summary>
    public static AnalyticsRange ParseRange(string? from, string? to, TimeProvider clock)
    {
        var validation = new Validation();
        var start = ParseDay(from, "from", validation);
        var end = ParseDay(to, "to", validation);
        validation.ThrowIfInvalid();
        return AnalyticsRange.Resolve(start, end, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
    }

    public static TrafficBreakdown ParseBreakdown(string value)
    {
        foreach (var breakdown in Enum.GetValues<TrafficBreakdown>())
        {
            if (string.Equals(Wire(breakdown), value.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                return breakdown;
            }
        }

        throw new ValidationFailedException("breakdown", "Use one of: " + string.Join(", ", Enum.GetValues<TrafficBreakdown>().Select(Wire)) + ".");
    }

    public static string Wire(TrafficBreakdown breakdown) => breakdown.ToString().ToLowerInvariant();

    private static bool IsCsv(string? format) => format switch
    {
        null or "" or "json" => false,
        _ when string.Equals(format, "csv", StringComparison.OrdinalIgnoreCase) => true,
        _ => throw new ValidationFailedException("format", "Use json or csv."),
    };

    private static DateOnly? ParseDay(string? value, string field, Validation validation)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (DateOnly.TryParseExact(value.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return day;
        }

        validation.Add(field, $"{field} must be a date (yyyy-MM-dd).");
        return null;
    }

    private static string Stamp(AnalyticsRange range) =>
        string.Create(CultureInfo.InvariantCulture, $"{range.From:yyyy-MM-dd}-{range.To:yyyy-MM-dd}");

    private static TotalsResponse Totals(TrafficTotals t) => new(t.Views, t.ConfirmedViews, t.VisitorDays, t.BotViews, t.CtaClicks);

    private static BreakdownRowResponse Row(TrafficBreakdownRow r) =>
        new(r.Key, r.Views, r.ConfirmedViews, r.VisitorDays, r.BotViews, r.Share, r.Trials, r.Subscriptions, r.Conversion);

    private static RevenueSplitResponse Split(RevenueSplitRow r) => new(r.Key, r.PayingCustomers, r.CommittedMinor, r.PaygMinor, r.MrrMinor);

    private static List<DefinitionResponse> Definitions(IEnumerable<MetricDefinition> definitions) =>
        definitions.Select(d => new DefinitionResponse(d.Code, d.Name, d.Formula)).ToList();
}
