using Microsoft.Extensions.Localization;
using Tradewind.Contracts.Accounts;
using Tradewind.Contracts.Catalog;

namespace Tradewind.Web.Pages.Shared;

/// <summary>Display names for the values the UI shows from contracts, each through the localizer.</summary>
internal static class Labels
{
    public static string Role(IStringLocalizer localizer, string? role) => role switch
    {
        Roles.Operator => localizer["Operator"],
        Roles.Seller => localizer["Seller"],
        Roles.Buyer => localizer["Buyer"],
        _ => role ?? "",
    };

    public static string Kind(IStringLocalizer localizer, OrganisationKind kind) => kind switch
    {
        OrganisationKind.Operator => localizer["Operator"],
        OrganisationKind.Seller => localizer["Seller"],
        OrganisationKind.Buyer => localizer["Buyer"],
        _ => kind.ToString(),
    };

    public static string Status(IStringLocalizer localizer, ListingStatus status) => status switch
    {
        ListingStatus.Draft => localizer["Draft"],
        ListingStatus.Published => localizer["Published"],
        ListingStatus.Submitted => localizer["In review"],
        ListingStatus.Rejected => localizer["Rejected"],
        ListingStatus.Restricted => localizer["Restricted"],
        ListingStatus.Archived => localizer["Archived"],
        _ => status.ToString(),
    };

    /// <summary>The ISO English short name; falls back to the code for anything the registry does not know.</summary>
    public static string Country(string countryCode) =>
        Primitives.Geography.Country.TryFromCode(countryCode, out var country) ? country.Name : countryCode;
}
