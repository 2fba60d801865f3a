using System.Data.Common;
using Tradewind.Metering.Submissions;
using Tradewind.Metering.Usage;
using Tradewind.Primitives.Ids;

namespace Tradewind.Metering.Storage;

/// <summary>
/// The ingest hot path's raw ADO.NET access to <c>metering_usage_records</c> and <c>metering_submissions</c>: batched
/// inserts that skip rows colliding with a unique index (the database is the final arbiter of duplicates, whichever
/// node wrote first) and the look-up that classifies the skipped rows. One implementation per provider.
/// </summary>
internal abstract class UsageStore
{
    /// <summary>How many writers may run transactions at once (one on SQLite, which has a single writer anyway).</summary>
    public abstract int Writers { get; }

    /// <summary>An open connection, configured for the writer (durability pragmas on SQLite).</summary>
    public abstract Task<DbConnection> OpenAsync(CancellationToken cancellationToken);

    public abstract Task<DbTransaction> BeginAsync(DbConnection connection, CancellationToken cancellationToken);

    /// <summary>Inserts the rows that collide with no stored one; returns the ids that were inserted.</summary>
    public abstract Task<HashSet<UsageRecordId>> InsertAsync(DbConnection connection, DbTransaction transaction, IReadOnlyList<UsageCandidate> candidates, CancellationToken cancellationToken);

    /// <summary>Stored records sharing a natural key or a seller's idempotency key with any of <paramref name="candidates"/>.</summary>
    public abstract Task<IReadOnlyList<ExistingRecord>> FindAsync(DbConnection connection, DbTransaction? transaction, IReadOnlyList<UsageCandidate> candidates, CancellationToken cancellationToken);

    public abstract Task InsertSubmissionsAsync(DbConnection connection, DbTransaction transaction, IReadOnlyList<SubmissionLog> submissions, CancellationToken cancellationToken);

    /// <summary>Whether trying the same transaction again may succeed (a lock timeout, a deadlock, a dropped connection).</summary>
    public abstract bool IsTransient(Exception exception);

    /// <summary>Pairs each candidate with the stored records it collides with, by idempotency key and by natural key.</summary>
    public static IReadOnlyList<(ExistingRecord? ByIdempotencyKey, ExistingRecord? ByNaturalKey)> Match(IReadOnlyList<UsageCandidate> candidates, IReadOnlyList<ExistingRecord> stored)
    {
        var byNatural = new Dictionary<(string, string, DateTimeOffset), ExistingRecord>();
        var byKey = new Dictionary<(OrganisationId, string), ExistingRecord>();
        foreach (var record in stored)
        {
            byNatural.TryAdd((record.CustomerIdentifier, record.Dimension, record.Hour), record);
            if (record.IdempotencyKey is { } key)
            {
                byKey.TryAdd((record.SellerId, key), record);
            }
        }

        return candidates.Select(c => (
                c.IdempotencyKey is { } key ? byKey.GetValueOrDefault((c.SellerId, key)) : null,
                byNatural.GetValueOrDefault(UsageDedupe.NaturalKey(c))))
            .ToList();
    }

    protected const string Columns =
        "id, seller_id, product_id, agreement_id, buyer_id, customer_identifier, dimension, \"hour\", \"timestamp\", quantity, source, idempotency_key, allocations_json, received_at, submission_id";

    protected const string SubmissionColumns =
        "id, seller_id, received_at, source, actor, record_count, accepted, duplicates, rejected, batch_rejection_code, samples_json";
}
