using System.Globalization;
using System.Security.Claims;
using Microsoft.Extensions.Localization;
using Tradewind.Contracts.Accounts;
using Tradewind.Contracts.Billing;
using Tradewind.Web.Security;

namespace Tradewind.Web.Pages.Shared;

/// <summary>How the portals name invoices, their states and their lines, and who is asking.</summary>
internal static class InvoiceLabels
{
    public static BillingCaller Caller(ClaimsPrincipal user) => new(user.OrganisationId(), user.Role() ?? Roles.Buyer, user.Actor());

    public static string Status(IStringLocalizer localizer, InvoiceStatus status) => status switch
    {
        InvoiceStatus.Draft => localizer["Draft"],
        InvoiceStatus.Finalized => localizer["Issued"],
        InvoiceStatus.Paid => localizer["Paid"],
        InvoiceStatus.Void => localizer["Void"],
        _ => status.ToString(),
    };

    public static string Badge(InvoiceStatus status) => status switch
    {
        InvoiceStatus.Paid => "badge-success",
        InvoiceStatus.Finalized => "badge-warning",
        _ => "badge-muted",
    };

    public static string Kind(IStringLocalizer localizer, InvoiceKind kind) => kind switch
    {
        InvoiceKind.CreditNote => localizer["Credit note"],
        _ => localizer["Invoice"],
    };

    public static string Line(IStringLocalizer localizer, InvoiceLineKind kind) => kind switch
    {
        InvoiceLineKind.Usage => localizer["Usage"],
        InvoiceLineKind.LateUsage => localizer["Late usage"],
        InvoiceLineKind.ContractFee => localizer["Contract fee"],
        InvoiceLineKind.Installment => localizer["Installment"],
        InvoiceLineKind.Credit => localizer["Credit"],
        _ => kind.ToString(),
    };

    /// <summary>How one rating step reads: "Free tier", "Tier 1,001–10,000", "Already billed".</summary>
    public static string Step(IStringLocalizer localizer, RatingStep step, CultureInfo culture) => step.Label switch
    {
        "free_tier" => localizer["Free units this month"],
        "trial_quota" => localizer["Free trial quota"],
        "already_billed" => localizer["Already billed"],
        "proration" => localizer["Prorated by day"],
        "package" => localizer["Packages"],
        "tier" when step.From is { } from => step.UpTo is { } upTo
            ? localizer["Tier {0}–{1}", PriceText.Quantity(from, culture), PriceText.Quantity(upTo, culture)]
            : localizer["Tier over {0}", PriceText.Quantity(from, culture)],
        _ => localizer["Units"],
    };

    /// <summary>The document's number, or "Draft" while it has none.</summary>
    public static string Number(IStringLocalizer localizer, string? number) => number ?? localizer["Draft"];

    /// <summary>A service or billing period, end exclusive, as the inclusive days a person reads: "1 Oct 2026 – 31 Oct 2026".</summary>
    public static string Period(DateTimeOffset start, DateTimeOffset end, CultureInfo culture)
    {
        var last = end > start ? end.AddTicks(-1) : end;
        return $"{start.UtcDateTime.ToString("d", culture)} – {last.UtcDateTime.ToString("d", culture)}";
    }

    public static string Day(DateOnly? day, CultureInfo culture) => day is { } d ? d.ToString("d", culture) : "—";
}
