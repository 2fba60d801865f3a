using Microsoft.AspNetCore.Mvc;
using Tradewind.Contracts.Analytics;
using Tradewind.Contracts.Catalog;
using Tradewind.Web.Api;

namespace Tradewind.Web.Pages.Seller.Analytics;

/// <summary><c>/seller/analytics</c>: the period's headline numbers, each linking to its report.</summary>
internal sealed class IndexModel(ILifecycleReports reports, ICatalogQueries catalog, TimeProvider clock) : AnalyticsReportPage(catalog, clock)
{
    public LifecycleOverview Report { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string? format, CancellationToken cancellationToken)
    {
        await ResolveAsync(cancellationToken);
        Report = await reports.GetOverviewAsync(Scope, Range, cancellationToken);
        if (WantsCsv(format))
        {
            return Csv(Rows(Report), $"overview-{From}-{To}.csv");
        }

        return Page();
    }

    private static IEnumerable<AnalyticsLifecycleApi.MetricCsvRow> Rows(LifecycleOverview o) =>
    [
        new("visitor_days", o.VisitorDays.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        new("cta_clicks", o.CtaClicks.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        new("trials_started", o.TrialsStarted.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        new("converted_to_paid", o.ConvertedToPaid.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        new("listing_conversion", o.ListingConversion?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? ""),
        new("trial_to_paid", o.TrialToPaid?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? ""),
        new("median_days_to_value", o.MedianDaysToValue?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? ""),
        new("active_usage_buyers", o.ActiveUsageBuyers.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        new("offers_sent", o.OffersSent.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        new("offers_accepted", o.OffersAccepted.ToString(System.Globalization.CultureInfo.InvariantCulture)),
    ];
}

/// <summary><c>/seller/analytics/funnel</c>.</summary>
internal sealed class FunnelModel(ILifecycleReports reports, ICatalogQueries catalog, TimeProvider clock) : AnalyticsReportPage(catalog, clock)
{
    public FunnelReport Report { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string? format, CancellationToken cancellationToken)
    {
        await ResolveAsync(cancellationToken);
        Report = await reports.GetFunnelAsync(Scope, Range, cancellationToken);
        return WantsCsv(format)
            ? Csv(Report.Steps, $"funnel-{From}-{To}.csv")
            : Page();
    }
}

/// <summary><c>/seller/analytics/trials</c>.</summary>
internal sealed class TrialsModel(ILifecycleReports reports, ICatalogQueries catalog, TimeProvider clock) : AnalyticsReportPage(catalog, clock)
{
    public TrialsReport Report { get; private set; } = null!;

    protected override int DefaultDays => 90;

    public async Task<IActionResult> OnGetAsync(string? format, CancellationToken cancellationToken)
    {
        await ResolveAsync(cancellationToken);
        Report = await reports.GetTrialsAsync(Scope, Range, cancellationToken);
        return WantsCsv(format)
            ? Csv(Report.Cohorts, $"trials-{From}-{To}.csv")
            : Page();
    }
}

/// <summary><c>/seller/analytics/usage</c>.</summary>
internal sealed class UsageModel(ILifecycleReports reports, ICatalogQueries catalog, TimeProvider clock) : AnalyticsReportPage(catalog, clock)
{
    public UsageReport Report { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string? format, CancellationToken cancellationToken)
    {
        await ResolveAsync(cancellationToken);
        Report = await reports.GetUsageAsync(Scope, Range, cancellationToken);
        return WantsCsv(format)
            ? Csv(Report.Days, $"usage-{From}-{To}.csv")
            : Page();
    }
}

/// <summary><c>/seller/analytics/retention</c>.</summary>
internal sealed class RetentionModel(ILifecycleReports reports, ICatalogQueries catalog, TimeProvider clock) : AnalyticsReportPage(catalog, clock)
{
    public RetentionReport Report { get; private set; } = null!;

    protected override int DefaultDays => 90;

    public async Task<IActionResult> OnGetAsync(string? format, CancellationToken cancellationToken)
    {
        await ResolveAsync(cancellationToken);
        Report = await reports.GetRetentionAsync(Scope, Range, cancellationToken);
        return WantsCsv(format)
            ? Csv(AnalyticsLifecycleApi.RetentionRows(Report), $"retention-{From}-{To}.csv")
            : Page();
    }
}

/// <summary><c>/seller/analytics/offers</c>.</summary>
internal sealed class OffersModel(ILifecycleReports reports, ICatalogQueries catalog, TimeProvider clock) : AnalyticsReportPage(catalog, clock)
{
    public PrivateOfferFunnelReport Report { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string? format, CancellationToken cancellationToken)
    {
        await ResolveAsync(cancellationToken);
        Report = await reports.GetPrivateOffersAsync(Scope, Range, cancellationToken);
        return WantsCsv(format)
            ? Csv(AnalyticsLifecycleApi.OfferRows(Report), $"private-offers-{From}-{To}.csv")
            : Page();
    }
}
