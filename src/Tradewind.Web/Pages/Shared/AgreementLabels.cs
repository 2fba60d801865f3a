using System.Globalization;
using Microsoft.Extensions.Localization;
using Tradewind.Contracts.Agreements;

namespace Tradewind.Web.Pages.Shared;

/// <summary>How the portals name agreement and ticket states.</summary>
internal static class AgreementLabels
{
    public static string Status(IStringLocalizer localizer, AgreementStatus status) => status switch
    {
        AgreementStatus.Trial => localizer["Free trial"],
        AgreementStatus.Active => localizer["Active"],
        AgreementStatus.CancelPending => localizer["Cancels at period end"],
        AgreementStatus.Cancelled => localizer["Cancelled"],
        AgreementStatus.Suspended => localizer["Suspended"],
        AgreementStatus.Expired => localizer["Expired"],
        AgreementStatus.Replaced => localizer["Replaced by a private offer"],
        _ => status.ToString(),
    };

    public static string Badge(AgreementStatus status) => status switch
    {
        AgreementStatus.Trial or AgreementStatus.Active => "badge-success",
        AgreementStatus.CancelPending or AgreementStatus.Suspended => "badge-warning",
        _ => "badge-muted",
    };

    public static string Ticket(IStringLocalizer localizer, TicketStatus status) => status switch
    {
        TicketStatus.Open => localizer["Open"],
        TicketStatus.Waiting => localizer["Waiting for the buyer"],
        TicketStatus.Solved => localizer["Solved"],
        _ => status.ToString(),
    };

    public static string Category(IStringLocalizer localizer, TicketCategory category) => category switch
    {
        TicketCategory.Question => localizer["Question"],
        TicketCategory.Problem => localizer["Problem"],
        TicketCategory.Billing => localizer["Billing"],
        TicketCategory.FeatureRequest => localizer["Feature request"],
        _ => category.ToString(),
    };

    public static string Severity(IStringLocalizer localizer, TicketSeverity severity) => severity switch
    {
        TicketSeverity.Low => localizer["Low"],
        TicketSeverity.Normal => localizer["Normal"],
        TicketSeverity.High => localizer["High"],
        TicketSeverity.Urgent => localizer["Urgent"],
        _ => severity.ToString(),
    };

    /// <summary>Whole days left until <paramref name="end"/>, rounded up (a trial ending in 3 hours has 1 day left).</summary>
    public static int DaysLeft(DateTimeOffset end, DateTimeOffset now) =>
        end <= now ? 0 : (int)Math.Ceiling((end - now).TotalDays);

    public static string Date(DateTimeOffset? instant) => instant?.ToString("d", CultureInfo.CurrentCulture) ?? "—";
}
