using Microsoft.Extensions.Localization;
using Tradewind.Contracts.Metering;

namespace Tradewind.Web.Pages.Seller.Usage;

/// <summary>How the "test your integration" page names sources and outcomes, and what a seller should fix for each code.</summary>
internal static class UsageOutcomeText
{
    public static string Source(IStringLocalizer localizer, UsageSource source) => source switch
    {
        UsageSource.Rest => localizer["REST"],
        UsageSource.BatchMeterUsage => "BatchMeterUsage",
        UsageSource.MeterUsage => "MeterUsage",
        UsageSource.Import => localizer["Import"],
        _ => source.ToString(),
    };

    public static string Status(IStringLocalizer localizer, UsageOutcomeStatus status) => status switch
    {
        UsageOutcomeStatus.Accepted => localizer["Accepted"],
        UsageOutcomeStatus.Duplicate => localizer["Duplicate"],
        UsageOutcomeStatus.Rejected => localizer["Rejected"],
        _ => status.ToString(),
    };

    public static string Badge(UsageOutcomeStatus status) => status switch
    {
        UsageOutcomeStatus.Accepted => "badge-success",
        UsageOutcomeStatus.Duplicate => "badge-warning",
        _ => "badge-danger",
    };

    /// <summary>What to change so the next record is accepted; null for a code this page does not know.</summary>
    public static string? Explanation(IStringLocalizer localizer, string? code) => code switch
    {
        UsageRejection.InvalidRecord =>
            localizer["The record is incomplete. Name the customer (customerIdentifier or agreementId, not both), the dimension and the timestamp."],
        UsageRejection.InvalidQuantity =>
            localizer["The quantity must be a whole number of 0 or more. Send idle hours as 0 rather than leaving them out or sending a negative number."],
        UsageRejection.InvalidAllocations =>
            localizer["The allocations' quantities must add up to the record's quantity, with at most 5 tags each and no tag set used twice."],
        UsageRejection.InvalidTag =>
            localizer["A tag key must be 1 to 100 and a value 1 to 256 characters of letters, digits, spaces and + - = . _ : / @."],
        UsageRejection.TimestampOutOfWindow =>
            localizer["The timestamp is outside the window this source accepts: it is too old or in the future. Send records soon after the hour they measure and check the sending machine's clock (UTC)."],
        UsageRejection.UnknownCustomer =>
            localizer["None of your customers has this identifier. Use the customerIdentifier from ResolveCustomer or from the subscription notification, exactly as given."],
        UsageRejection.UnknownDimension =>
            localizer["The customer's plan has no dimension with this key. Use the dimension key exactly as it is in your pricing plan, for example \"requests\"."],
        UsageRejection.NotEntitled =>
            localizer["The customer had no agreement in force at this timestamp: not subscribed yet, cancelled, expired or suspended. Stop reporting usage for this customer, or check the timestamp."],
        UsageRejection.WrongProduct =>
            localizer["The customer subscribes to another of your products than the product code in the request. Send the product code of the customer's product."],
        UsageDuplicate.NaturalKey =>
            localizer["A record for this customer, dimension and hour was already stored; the first quantity stands. Report each hour once, with the hour's total."],
        UsageDuplicate.IdempotencyKey =>
            localizer["A different record was sent earlier with the same idempotency key; the first one stands. Use a new key for every new record and the same key only for a retry."],
        _ => (string?)null,
    };
}
