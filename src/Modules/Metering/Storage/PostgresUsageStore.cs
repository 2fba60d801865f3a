using System.Data.Common;
using Npgsql;
using NpgsqlTypes;
using Tradewind.Metering.Data;
using Tradewind.Metering.Submissions;
using Tradewind.Metering.Usage;
using Tradewind.Persistence;
using Tradewind.Primitives.Ids;

namespace Tradewind.Metering.Storage;

/// <summary>
/// PostgreSQL: the whole group in one statement, <c>INSERT … SELECT FROM unnest(arrays) ON CONFLICT DO NOTHING
/// RETURNING id</c> (one round trip, one plan), from a data source of its own so ingest never waits for a pooled EF
/// connection. Several writers may run at once; rows are sorted by natural key so concurrent groups take index locks
/// in the same order, and a deadlock that slips through is retried.
/// </summary>
internal sealed class PostgresUsageStore : UsageStore, IAsyncDisposable
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly int _writers;

    public PostgresUsageStore(DatabaseSettings settings, int writers)
    {
        _dataSource = NpgsqlDataSource.Create(settings.ConnectionString);
        _writers = Math.Max(1, writers);
    }

    public override int Writers => _writers;

    public override async Task<DbConnection> OpenAsync(CancellationToken cancellationToken) =>
        await _dataSource.OpenConnectionAsync(cancellationToken);

    public override async Task<DbTransaction> BeginAsync(DbConnection connection, CancellationToken cancellationToken) =>
        await ((NpgsqlConnection)connection).BeginTransactionAsync(cancellationToken);

    public override async Task<HashSet<UsageRecordId>> InsertAsync(DbConnection connection, DbTransaction transaction, IReadOnlyList<UsageCandidate> candidates, CancellationToken cancellationToken)
    {
        var inserted = new HashSet<UsageRecordId>();
        if (candidates.Count == 0)
        {
            return inserted;
        }

        var rows = candidates
            .OrderBy(c => c.CustomerIdentifier, StringComparer.Ordinal)
            .ThenBy(c => c.Dimension, StringComparer.Ordinal)
            .ThenBy(c => c.Hour)
            .ToList();
        await using var command = new NpgsqlCommand(
            $"INSERT INTO {MeteringModel.RecordsTable} ({Columns}) " +
            "SELECT * FROM unnest(@id, @seller, @product, @agreement, @buyer, @customer, @dimension, @hour, @ts, @quantity, @source, @key, @allocations, @received, @submission) " +
            "ON CONFLICT DO NOTHING RETURNING id",
            (NpgsqlConnection)connection,
            (NpgsqlTransaction)transaction);
        command.Parameters.Add(Array("id", NpgsqlDbType.Uuid, rows, c => c.Id.Value));
        command.Parameters.Add(Array("seller", NpgsqlDbType.Uuid, rows, c => c.SellerId.Value));
        command.Parameters.Add(Array("product", NpgsqlDbType.Uuid, rows, c => c.ProductId.Value));
        command.Parameters.Add(Array("agreement", NpgsqlDbType.Uuid, rows, c => c.AgreementId.Value));
        command.Parameters.Add(Array("buyer", NpgsqlDbType.Uuid, rows, c => c.BuyerId.Value));
        command.Parameters.Add(Array("customer", NpgsqlDbType.Text, rows, c => c.CustomerIdentifier));
        command.Parameters.Add(Array("dimension", NpgsqlDbType.Text, rows, c => c.Dimension));
        command.Parameters.Add(Array("hour", NpgsqlDbType.TimestampTz, rows, c => c.Hour.UtcDateTime));
        command.Parameters.Add(Array("ts", NpgsqlDbType.TimestampTz, rows, c => c.Timestamp.UtcDateTime));
        command.Parameters.Add(Array("quantity", NpgsqlDbType.Bigint, rows, c => c.Quantity));
        command.Parameters.Add(Array("source", NpgsqlDbType.Text, rows, c => SqliteUsageStore.SourceText(c.Source)));
        command.Parameters.Add(Array("key", NpgsqlDbType.Text, rows, c => c.IdempotencyKey));
        command.Parameters.Add(Array("allocations", NpgsqlDbType.Text, rows, c => c.AllocationsJson));
        command.Parameters.Add(Array("received", NpgsqlDbType.TimestampTz, rows, c => c.ReceivedAt.UtcDateTime));
        command.Parameters.Add(Array("submission", NpgsqlDbType.Uuid, rows, c => c.SubmissionId));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            inserted.Add(new UsageRecordId(reader.GetGuid(0)));
        }

        return inserted;
    }

    public override async Task<IReadOnlyList<ExistingRecord>> FindAsync(DbConnection connection, DbTransaction? transaction, IReadOnlyList<UsageCandidate> candidates, CancellationToken cancellationToken)
    {
        var found = new List<ExistingRecord>();
        if (candidates.Count == 0)
        {
            return found;
        }

        var keyed = candidates.Where(c => c.IdempotencyKey is not null).ToList();
        await using var command = new NpgsqlCommand(
            $"SELECT id, seller_id, customer_identifier, dimension, \"hour\", quantity, idempotency_key, allocations_json FROM {MeteringModel.RecordsTable} " +
            "WHERE (customer_identifier, dimension, \"hour\") IN (SELECT * FROM unnest(@customer, @dimension, @hour)) " +
            "OR (seller_id, idempotency_key) IN (SELECT * FROM unnest(@seller, @key))",
            (NpgsqlConnection)connection,
            (NpgsqlTransaction?)transaction);
        command.Parameters.Add(Array("customer", NpgsqlDbType.Text, candidates, c => c.CustomerIdentifier));
        command.Parameters.Add(Array("dimension", NpgsqlDbType.Text, candidates, c => c.Dimension));
        command.Parameters.Add(Array("hour", NpgsqlDbType.TimestampTz, candidates, c => c.Hour.UtcDateTime));
        command.Parameters.Add(Array("seller", NpgsqlDbType.Uuid, keyed, c => c.SellerId.Value));
        command.Parameters.Add(Array("key", NpgsqlDbType.Text, keyed, c => c.IdempotencyKey));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            found.Add(new ExistingRecord(
                new UsageRecordId(reader.GetGuid(0)),
                new OrganisationId(reader.GetGuid(1)),
                reader.GetString(2),
                reader.GetString(3),
                new DateTimeOffset(reader.GetFieldValue<DateTime>(4), TimeSpan.Zero),
                reader.GetInt64(5),
                reader.IsDBNull(6) ? null : reader.GetString(6),
                reader.IsDBNull(7) ? null : reader.GetString(7)));
        }

        return found;
    }

    public override async Task InsertSubmissionsAsync(DbConnection connection, DbTransaction transaction, IReadOnlyList<SubmissionLog> submissions, CancellationToken cancellationToken)
    {
        if (submissions.Count == 0)
        {
            return;
        }

        await using var command = new NpgsqlCommand(
            $"INSERT INTO {MeteringModel.SubmissionsTable} ({SubmissionColumns}) " +
            "SELECT * FROM unnest(@id, @seller, @received, @source, @actor, @count, @accepted, @duplicates, @rejected, @code, @samples)",
            (NpgsqlConnection)connection,
            (NpgsqlTransaction)transaction);
        command.Parameters.Add(Array("id", NpgsqlDbType.Uuid, submissions, s => s.Id));
        command.Parameters.Add(Array("seller", NpgsqlDbType.Uuid, submissions, s => s.SellerId.Value));
        command.Parameters.Add(Array("received", NpgsqlDbType.TimestampTz, submissions, s => s.ReceivedAt.UtcDateTime));
        command.Parameters.Add(Array("source", NpgsqlDbType.Text, submissions, s => SqliteUsageStore.SourceText(s.Source)));
        command.Parameters.Add(Array("actor", NpgsqlDbType.Text, submissions, s => s.Actor));
        command.Parameters.Add(Array("count", NpgsqlDbType.Integer, submissions, s => s.RecordCount));
        command.Parameters.Add(Array("accepted", NpgsqlDbType.Integer, submissions, s => s.Accepted));
        command.Parameters.Add(Array("duplicates", NpgsqlDbType.Integer, submissions, s => s.Duplicates));
        command.Parameters.Add(Array("rejected", NpgsqlDbType.Integer, submissions, s => s.Rejected));
        command.Parameters.Add(Array("code", NpgsqlDbType.Text, submissions, s => s.BatchRejectionCode));
        command.Parameters.Add(Array("samples", NpgsqlDbType.Text, submissions, s => s.SamplesJson));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public override bool IsTransient(Exception exception) => exception switch
    {
        PostgresException { SqlState: PostgresErrorCodes.DeadlockDetected or PostgresErrorCodes.SerializationFailure } => true,
        NpgsqlException npgsql => npgsql.IsTransient,
        _ => false,
    };

    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();

    private static NpgsqlParameter<T[]> Array<TRow, T>(string name, NpgsqlDbType type, IReadOnlyList<TRow> rows, Func<TRow, T> value)
    {
        var values = new T[rows.Count];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = value(rows[i]);
        }

        return new NpgsqlParameter<T[]>(name, NpgsqlDbType.Array | type) { TypedValue = values };
    }
}
