using System.Globalization;
using Microsoft.Extensions.Localization;
using Tradewind.Contracts.Agreements;

namespace Tradewind.Web.Pages.Shared;

/// <summary>How the portals name a private offer's states and the steps of its history.</summary>
internal static class OfferLabels
{
    /// <summary>Statuses in which the buyer may still accept or decline.</summary>
    public static bool IsOpen(PrivateOfferStatus status) => status is PrivateOfferStatus.Published or PrivateOfferStatus.Viewed;

    /// <summary>Statuses in which the seller may still withdraw the offer.</summary>
    public static bool CanWithdraw(PrivateOfferStatus status) => status is PrivateOfferStatus.Draft or PrivateOfferStatus.Published or PrivateOfferStatus.Viewed;

    public static string Status(IStringLocalizer localizer, PrivateOfferStatus status) => status switch
    {
        PrivateOfferStatus.Draft => localizer["Draft"],
        PrivateOfferStatus.Published => localizer["Sent"],
        PrivateOfferStatus.Viewed => localizer["Viewed"],
        PrivateOfferStatus.Accepted => localizer["Accepted"],
        PrivateOfferStatus.Declined => localizer["Declined"],
        PrivateOfferStatus.Expired => localizer["Expired"],
        PrivateOfferStatus.Withdrawn => localizer["Withdrawn"],
        _ => status.ToString(),
    };

    public static string Badge(PrivateOfferStatus status) => status switch
    {
        PrivateOfferStatus.Accepted => "badge-success",
        PrivateOfferStatus.Published or PrivateOfferStatus.Viewed => "badge-warning",
        _ => "badge-muted",
    };

    /// <summary>A history step's action (<c>created</c>, <c>published</c>, … in any case) in words; an unknown action is shown as recorded.</summary>
    public static string Step(IStringLocalizer localizer, string action) => action.ToUpperInvariant() switch
    {
        "CREATED" => localizer["Created"],
        "UPDATED" => localizer["Edited"],
        "PUBLISHED" => localizer["Sent to the buyer"],
        "VIEWED" => localizer["Opened by the buyer"],
        "ACCEPTED" => localizer["Accepted"],
        "DECLINED" => localizer["Declined"],
        "EXPIRED" => localizer["Expired"],
        "WITHDRAWN" => localizer["Withdrawn"],
        _ => action,
    };

    /// <summary>Who the offer is for: the buyer organisation's name, or the invited email domain.</summary>
    public static string Buyer(IStringLocalizer localizer, PrivateOfferDto offer) => offer.BuyerName
        ?? (offer.BuyerEmailDomain is { } domain ? localizer["Anyone at @{0}", domain] : "—");

    public static string Date(DateOnly day) => day.ToString("d", CultureInfo.CurrentCulture);

    public static string Instant(DateTimeOffset instant) => instant.UtcDateTime.ToString("g", CultureInfo.CurrentCulture) + " UTC";

    /// <summary>The median time to accept in hours or days, whichever reads better; a dash when nothing was accepted.</summary>
    public static string Duration(IStringLocalizer localizer, double? hours) => hours switch
    {
        null => "—",
        < 48 => localizer["{0} h", hours.Value.ToString("0.#", CultureInfo.CurrentCulture)],
        _ => localizer["{0} days", (hours.Value / 24).ToString("0.#", CultureInfo.CurrentCulture)],
    };
}
