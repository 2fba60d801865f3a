using Tradewind.Contracts.Metering;
using Tradewind.Metering.Usage;
using Tradewind.Primitives.Ids;

namespace Tradewind.Metering.Tests.Usage;

public sealed class UsageDedupeTests
{
    private static readonly DateTimeOffset Hour = new(2026, 11, 27, 9, 0, 0, TimeSpan.Zero);
    private static readonly OrganisationId Seller = new(Guid.CreateVersion7());

    private static UsageCandidate Candidate(long quantity, string? key = null, string? allocations = null) => new()
    {
        Index = 0,
        Id = new UsageRecordId(Guid.CreateVersion7()),
        SellerId = Seller,
        ProductId = new ProductId(Guid.CreateVersion7()),
        AgreementId = new AgreementId(Guid.CreateVersion7()),
        BuyerId = new OrganisationId(Guid.CreateVersion7()),
        CustomerIdentifier = "cust",
        Dimension = "requests",
        Hour = Hour,
        Timestamp = Hour.AddMinutes(5),
        Quantity = quantity,
        Source = UsageSource.Rest,
        IdempotencyKey = key,
        AllocationsJson = allocations,
        ReceivedAt = Hour,
        SubmissionId = Guid.CreateVersion7(),
    };

    private static ExistingRecord Stored(long quantity, string? key = null, DateTimeOffset? hour = null, string? allocations = null) =>
        new(new UsageRecordId(Guid.CreateVersion7()), Seller, "cust", "requests", hour ?? Hour, quantity, key, allocations);

    [Fact]
    public void The_same_content_is_a_replay_with_the_stored_id()
    {
        var stored = Stored(5);
        var outcome = UsageDedupe.Classify(Candidate(5), null, stored)!;
        Assert.Equal((UsageOutcomeStatus.Accepted, stored.Id, true), (outcome.Status, outcome.RecordId!.Value, outcome.Replayed));
    }

    [Fact]
    public void Another_quantity_or_allocation_is_a_natural_key_duplicate_of_the_first()
    {
        var stored = Stored(5, allocations: """[{"q":5,"t":[]}]""");
        var other = UsageDedupe.Classify(Candidate(6, allocations: """[{"q":6,"t":[]}]"""), null, stored)!;
        var split = UsageDedupe.Classify(Candidate(5), null, stored)!;
        Assert.Equal((UsageOutcomeStatus.Duplicate, UsageDuplicate.NaturalKey, stored.Id), (other.Status, other.Code, other.RecordId!.Value));
        Assert.Equal(UsageOutcomeStatus.Duplicate, split.Status);
    }

    [Fact]
    public void A_reused_idempotency_key_for_other_content_is_an_idempotency_duplicate()
    {
        var stored = Stored(5, "k", Hour.AddHours(-1));
        var outcome = UsageDedupe.Classify(Candidate(5, "k"), stored, null)!;
        Assert.Equal((UsageOutcomeStatus.Duplicate, UsageDuplicate.IdempotencyKey, stored.Id), (outcome.Status, outcome.Code, outcome.RecordId!.Value));
    }

    [Fact]
    public void No_collision_is_no_outcome()
    {
        Assert.Null(UsageDedupe.Classify(Candidate(5), null, null));
    }
}
