using Tradewind.Catalog.Listings;
using Tradewind.Contracts;
using Tradewind.Contracts.Catalog;

namespace Tradewind.Catalog.Tests.Listings;

public sealed class ListingLifecycleTests
{
    [Theory]
    [InlineData(ListingStatus.Draft, ListingAction.Submit, ListingStatus.Submitted)]
    [InlineData(ListingStatus.Submitted, ListingAction.Approve, ListingStatus.Published)]
    [InlineData(ListingStatus.Submitted, ListingAction.Reject, ListingStatus.Rejected)]
    [InlineData(ListingStatus.Rejected, ListingAction.Submit, ListingStatus.Submitted)]
    [InlineData(ListingStatus.Published, ListingAction.Edit, ListingStatus.Published)]
    [InlineData(ListingStatus.Published, ListingAction.Submit, ListingStatus.Submitted)]
    [InlineData(ListingStatus.Published, ListingAction.Restrict, ListingStatus.Restricted)]
    [InlineData(ListingStatus.Restricted, ListingAction.Submit, ListingStatus.Submitted)]
    [InlineData(ListingStatus.Published, ListingAction.Archive, ListingStatus.Archived)]
    [InlineData(ListingStatus.Draft, ListingAction.Archive, ListingStatus.Archived)]
    internal void Allowed_transitions_move_to_the_next_status(ListingStatus from, ListingAction action, ListingStatus to)
    {
        Assert.Equal(to, ListingLifecycle.Next(from, action));
    }

    [Theory]
    [InlineData(ListingStatus.Draft, ListingAction.Approve)]
    [InlineData(ListingStatus.Draft, ListingAction.Reject)]
    [InlineData(ListingStatus.Published, ListingAction.Approve)]
    [InlineData(ListingStatus.Submitted, ListingAction.Edit)]
    [InlineData(ListingStatus.Submitted, ListingAction.Submit)]
    [InlineData(ListingStatus.Archived, ListingAction.Edit)]
    [InlineData(ListingStatus.Archived, ListingAction.Archive)]
    [InlineData(ListingStatus.Archived, ListingAction.Submit)]
    [InlineData(ListingStatus.Restricted, ListingAction.Restrict)]
    internal void Refused_transitions_are_conflicts(ListingStatus from, ListingAction action)
    {
        var refused = Assert.Throws<DomainException>(() => ListingLifecycle.Next(from, action));

        Assert.Equal(DomainErrorKind.Conflict, refused.Kind);
    }
}
