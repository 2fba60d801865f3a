using Tradewind.Contracts;
using Tradewind.Contracts.Catalog;

namespace Tradewind.Catalog.Listings;

internal enum ListingAction
{
    Edit,
    Submit,
    Approve,
    Reject,
    Restrict,
    Archive,
}

/// <summary>
/// Which actions each status allows. Draft, published, rejected and restricted products can be edited and submitted;
/// a submitted one is frozen until the operator approves or rejects it; archived is final.
/// </summary>
internal static class ListingLifecycle
{
    private static readonly Dictionary<ListingAction, ListingStatus[]> AllowedFrom = new()
    {
        [ListingAction.Edit] = [ListingStatus.Draft, ListingStatus.Published, ListingStatus.Rejected, ListingStatus.Restricted],
        [ListingAction.Submit] = [ListingStatus.Draft, ListingStatus.Published, ListingStatus.Rejected, ListingStatus.Restricted],
        [ListingAction.Approve] = [ListingStatus.Submitted],
        [ListingAction.Reject] = [ListingStatus.Submitted],
        [ListingAction.Restrict] = [ListingStatus.Draft, ListingStatus.Submitted, ListingStatus.Published, ListingStatus.Rejected],
        [ListingAction.Archive] = [ListingStatus.Draft, ListingStatus.Submitted, ListingStatus.Published, ListingStatus.Rejected, ListingStatus.Restricted],
    };

    public static bool Allows(ListingStatus status, ListingAction action) => AllowedFrom[action].Contains(status);

    /// <summary>The status after <paramref name="action"/>; throws a 409 problem when the status does not allow it.</summary>
    public static ListingStatus Next(ListingStatus status, ListingAction action)
    {
        if (!Allows(status, action))
        {
            throw new DomainException(
                status == ListingStatus.Submitted && action is ListingAction.Edit or ListingAction.Submit ? "product-under-review" : "product-status-conflict",
                status == ListingStatus.Submitted && action is ListingAction.Edit or ListingAction.Submit
                    ? "The product is under review; wait for the operator's decision before changing it."
                    : $"A {status.ToString().ToLowerInvariant()} product cannot be {Verb(action)}.",
                DomainErrorKind.Conflict);
        }

        return action switch
        {
            ListingAction.Edit => status,
            ListingAction.Submit => ListingStatus.Submitted,
            ListingAction.Approve => ListingStatus.Published,
            ListingAction.Reject => ListingStatus.Rejected,
            ListingAction.Restrict => ListingStatus.Restricted,
            ListingAction.Archive => ListingStatus.Archived,
            _ => throw new ArgumentOutOfRangeException(nameof(action), action, null),
        };
    }

    private static string Verb(ListingAction action) => action switch
    {
        ListingAction.Edit => "edited",
        ListingAction.Submit => "submitted",
        ListingAction.Approve => "approved",
        ListingAction.Reject => "rejected",
        ListingAction.Restrict => "restricted",
        _ => "archived",
    };
}
