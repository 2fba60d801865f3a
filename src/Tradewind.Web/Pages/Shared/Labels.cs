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

    public static string Kyc(IStringLocalizer localizer, KycStatus status) => status switch
    {
        KycStatus.Pending => localizer["Pending review"],
        KycStatus.Verified => localizer["Verified"],
        KycStatus.Rejected => localizer["Rejected"],
        KycStatus.Expired => localizer["Expired"],
        _ => status.ToString(),
    };

    public static string KycBadge(KycStatus status) => status switch
    {
        KycStatus.Verified => "badge badge-success",
        KycStatus.Pending => "badge badge-warning",
        _ => "badge badge-muted",
    };

    public static string BankAccount(IStringLocalizer localizer, BankAccountStatus status) => status switch
    {
        BankAccountStatus.PendingVerification => localizer["Awaiting deposits"],
        BankAccountStatus.Verified => localizer["Verified"],
        BankAccountStatus.Locked => localizer["Locked"],
        _ => status.ToString(),
    };

    /// <summary>The ISO English short name; falls back to the code for anything the registry does not know.</summary>
    public static string Country(string countryCode) =>
        Primitives.Geography.Country.TryFromCode(countryCode, out var country) ? country.Name : countryCode;
}
