using Tradewind.Contracts.Metering;
using Tradewind.Primitives.Ids;

namespace Tradewind.Metering.Usage;

/// <summary>A record that passed validation and is on its way to the table, with the row it would become.</summary>
internal sealed class UsageCandidate
{
    public required int Index { get; init; }

    public required UsageRecordId Id { get; init; }

    public required OrganisationId SellerId { get; init; }

    public required ProductId ProductId { get; init; }

    public required AgreementId AgreementId { get; init; }

    public required OrganisationId BuyerId { get; init; }

    public required string CustomerIdentifier { get; init; }

    public required string Dimension { get; init; }

    public required DateTimeOffset Hour { get; init; }

    public required DateTimeOffset Timestamp { get; init; }

    public required long Quantity { get; init; }

    public required UsageSource Source { get; init; }

    public string? IdempotencyKey { get; init; }

    public string? AllocationsJson { get; init; }

    public required DateTimeOffset ReceivedAt { get; init; }

    public required Guid SubmissionId { get; init; }

    /// <summary>The agreement had no first usage when its customer was looked up: tell Agreements once this record is stored.</summary>
    public bool FirstUsageUnknown { get; init; }

    /// <summary>Set by the writer (or the dry run): what happened to this record.</summary>
    public UsageRecordOutcome? Outcome { get; set; }

    /// <summary>Whether this record was inserted now (not a replay of a stored one).</summary>
    public bool Inserted { get; set; }
}

/// <summary>A stored record as the dedupe classification needs it.</summary>
internal sealed record ExistingRecord(
    UsageRecordId Id,
    OrganisationId SellerId,
    string CustomerIdentifier,
    string Dimension,
    DateTimeOffset Hour,
    long Quantity,
    string? IdempotencyKey,
    string? AllocationsJson);

/// <summary>
/// Decides what a record that collides with a stored one is. The first record stands: the same content (customer,
/// dimension, hour, quantity, allocations) is a replay, accepted with the stored id; anything else is a duplicate.
/// A matching idempotency key is judged first, because it says the client means the same record.
/// </summary>
internal static class UsageDedupe
{
    public static (string CustomerIdentifier, string Dimension, DateTimeOffset Hour) NaturalKey(UsageCandidate c) => (c.CustomerIdentifier, c.Dimension, c.Hour);

    public static bool SameContent(UsageCandidate candidate, ExistingRecord stored) =>
        string.Equals(candidate.CustomerIdentifier, stored.CustomerIdentifier, StringComparison.Ordinal)
        && string.Equals(candidate.Dimension, stored.Dimension, StringComparison.Ordinal)
        && candidate.Hour == stored.Hour
        && candidate.Quantity == stored.Quantity
        && string.Equals(candidate.AllocationsJson, stored.AllocationsJson, StringComparison.Ordinal);

    /// <summary>The outcome for <paramref name="candidate"/> given the stored records it collides with; null when it collides with none.</summary>
    public static UsageRecordOutcome? Classify(UsageCandidate candidate, ExistingRecord? byIdempotencyKey, ExistingRecord? byNaturalKey)
    {
        if (byIdempotencyKey is not null)
        {
            return SameContent(candidate, byIdempotencyKey)
                ? Replayed(candidate, byIdempotencyKey)
                : new UsageRecordOutcome(candidate.Index, UsageOutcomeStatus.Duplicate, byIdempotencyKey.Id, UsageDuplicate.IdempotencyKey,
                    "A different record was already stored with this idempotency key; the first one stands.");
        }

        if (byNaturalKey is not null)
        {
            return SameContent(candidate, byNaturalKey)
                ? Replayed(candidate, byNaturalKey)
                : new UsageRecordOutcome(candidate.Index, UsageOutcomeStatus.Duplicate, byNaturalKey.Id, UsageDuplicate.NaturalKey,
                    "A record for this customer, dimension and hour was already stored with a different quantity; the first one stands.");
        }

        return null;
    }

    public static UsageRecordOutcome Stored(UsageCandidate candidate) =>
        new(candidate.Index, UsageOutcomeStatus.Accepted, candidate.Id, null, "Stored.");

    private static UsageRecordOutcome Replayed(UsageCandidate candidate, ExistingRecord stored) =>
        new(candidate.Index, UsageOutcomeStatus.Accepted, stored.Id, null, "Already stored (an identical record); the original id is returned.", Replayed: true);
}
