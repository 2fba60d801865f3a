using System.Data.Common;
using Microsoft.Data.Sqlite;
using SQLitePCL;
using Tradewind.Contracts.Metering;
using Tradewind.Metering.Data;
using Tradewind.Metering.Submissions;
using Tradewind.Metering.Usage;
using Tradewind.Persistence;
using Tradewind.Persistence.Sqlite;
using Tradewind.Primitives.Ids;

namespace Tradewind.Metering.Storage;

/// <summary>
/// SQLite: one writer connection; the group's records go in through one prepared single-row
/// <c>INSERT … ON CONFLICT DO NOTHING</c> on SQLite's own API (<see cref="RowInsert"/>: positional parameters, no
/// allocation per row) inside the group's transaction. Values are stored the way EF Core stores them: GUIDs as upper-case text, instants as UTC ticks, enums as their names.
/// <c>synchronous=FULL</c>: with WAL, NORMAL already survives a killed process, but FULL also survives power loss, and
/// group commit pays its one fsync per transaction, not per record.
/// </summary>
internal sealed class SqliteUsageStore(DatabaseSettings settings) : UsageStore
{
    public override int Writers => 1;

    public override async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(settings.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var pragma = connection.CreateCommand();
        pragma.CommandText = "PRAGMA synchronous=FULL; PRAGMA busy_timeout=30000;";
        await pragma.ExecuteNonQueryAsync(cancellationToken);
        return connection;
    }

    public override Task<DbTransaction> BeginAsync(DbConnection connection, CancellationToken cancellationToken) =>
        // Immediate: take the write lock now rather than fail to upgrade a read lock halfway through the group.
        Task.FromResult<DbTransaction>(((SqliteConnection)connection).BeginTransaction(deferred: false));

    public override Task<HashSet<UsageRecordId>> InsertAsync(DbConnection connection, DbTransaction transaction, IReadOnlyList<UsageCandidate> candidates, CancellationToken cancellationToken)
    {
        var inserted = new HashSet<UsageRecordId>(candidates.Count);
        if (candidates.Count == 0)
        {
            return Task.FromResult(inserted);
        }

        // The statement runs on the connection's own handle, so it is part of the group's open transaction.
        var db = ((SqliteConnection)connection).Handle ?? throw new InvalidOperationException("The writer connection is not open.");
        _ = transaction;
        using var insert = new RowInsert(db);
        for (var i = 0; i < candidates.Count; i++)
        {
            if ((i & 1023) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            var c = candidates[i];
            if (insert.Execute(c))
            {
                inserted.Add(c.Id);
            }
        }

        return Task.FromResult(inserted);
    }

    /// <summary>
    /// A prepared single-row <c>INSERT … ON CONFLICT DO NOTHING</c> on SQLite's own API: parameters bound by position
    /// (Microsoft.Data.Sqlite looks every parameter up by name on each execution, which on a many-row statement costs
    /// more than the insert), text bound from UTF-8 bytes formatted on the stack, and <c>sqlite3_changes</c> telling
    /// whether the row went in or a unique index skipped it. Nothing is allocated per row.
    /// </summary>
    private sealed class RowInsert(sqlite3 db) : IDisposable
    {
        private static readonly string Sql =
            $"INSERT INTO {MeteringModel.RecordsTable} ({Columns}) VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13,?14,?15) ON CONFLICT DO NOTHING";

        private readonly SqliteRowStatement _statement = new(db, Sql);

        /// <summary>Inserts <paramref name="c"/>'s row; false when a unique index already holds its key.</summary>
        public bool Execute(UsageCandidate c)
        {
            var s = _statement;
            s.Reset();
            s.Bind(1, c.Id.Value);
            s.Bind(2, c.SellerId.Value);
            s.Bind(3, c.ProductId.Value);
            s.Bind(4, c.AgreementId.Value);
            s.Bind(5, c.BuyerId.Value);
            s.Bind(6, c.CustomerIdentifier);
            s.Bind(7, c.Dimension);
            s.Bind(8, c.Hour.UtcTicks);
            s.Bind(9, c.Timestamp.UtcTicks);
            s.Bind(10, c.Quantity);
            s.Bind(11, SourceUtf8(c.Source));
            s.Bind(12, c.IdempotencyKey);
            s.Bind(13, c.AllocationsJson);
            s.Bind(14, c.ReceivedAt.UtcTicks);
            s.Bind(15, c.SubmissionId);
            s.Step();
            return s.Changes == 1;
        }

        public void Dispose() => _statement.Dispose();

        private static ReadOnlySpan<byte> SourceUtf8(UsageSource source) => source switch
        {
            UsageSource.Rest => "Rest"u8,
            UsageSource.BatchMeterUsage => "BatchMeterUsage"u8,
            UsageSource.MeterUsage => "MeterUsage"u8,
            _ => "Import"u8,
        };
    }

    public override async Task<IReadOnlyList<ExistingRecord>> FindAsync(DbConnection connection, DbTransaction? transaction, IReadOnlyList<UsageCandidate> candidates, CancellationToken cancellationToken)
    {
        var found = new Dictionary<Guid, ExistingRecord>();
        await using var command = (SqliteCommand)connection.CreateCommand();
        command.Transaction = (SqliteTransaction?)transaction;
        command.CommandText =
            $"SELECT id, seller_id, customer_identifier, dimension, \"hour\", quantity, idempotency_key, allocations_json FROM {MeteringModel.RecordsTable} " +
            "WHERE (customer_identifier = $customer AND dimension = $dimension AND \"hour\" = $hour) OR (seller_id = $seller AND idempotency_key = $key)";
        var customer = command.Parameters.Add("$customer", SqliteType.Text);
        var dimension = command.Parameters.Add("$dimension", SqliteType.Text);
        var hour = command.Parameters.Add("$hour", SqliteType.Integer);
        var seller = command.Parameters.Add("$seller", SqliteType.Text);
        var key = command.Parameters.Add("$key", SqliteType.Text);
        command.Prepare();
        foreach (var c in candidates)
        {
            customer.Value = c.CustomerIdentifier;
            dimension.Value = c.Dimension;
            hour.Value = c.Hour.UtcTicks;
            seller.Value = Text(c.SellerId.Value);
            key.Value = (object?)c.IdempotencyKey ?? DBNull.Value;
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var record = new ExistingRecord(
                    UsageRecordId.From(Guid.Parse(reader.GetString(0))),
                    OrganisationId.From(Guid.Parse(reader.GetString(1))),
                    reader.GetString(2),
                    reader.GetString(3),
                    new DateTimeOffset(reader.GetInt64(4), TimeSpan.Zero),
                    reader.GetInt64(5),
                    reader.IsDBNull(6) ? null : reader.GetString(6),
                    reader.IsDBNull(7) ? null : reader.GetString(7));
                found.TryAdd(record.Id.Value, record);
            }
        }

        return found.Values.ToList();
    }

    public override async Task InsertSubmissionsAsync(DbConnection connection, DbTransaction transaction, IReadOnlyList<SubmissionLog> submissions, CancellationToken cancellationToken)
    {
        await using var command = (SqliteCommand)connection.CreateCommand();
        command.Transaction = (SqliteTransaction)transaction;
        command.CommandText =
            $"INSERT INTO {MeteringModel.SubmissionsTable} ({SubmissionColumns}) VALUES ($id, $seller, $received, $source, $actor, $count, $accepted, $duplicates, $rejected, $code, $samples)";
        var id = command.Parameters.Add("$id", SqliteType.Text);
        var seller = command.Parameters.Add("$seller", SqliteType.Text);
        var received = command.Parameters.Add("$received", SqliteType.Integer);
        var source = command.Parameters.Add("$source", SqliteType.Text);
        var actor = command.Parameters.Add("$actor", SqliteType.Text);
        var count = command.Parameters.Add("$count", SqliteType.Integer);
        var accepted = command.Parameters.Add("$accepted", SqliteType.Integer);
        var duplicates = command.Parameters.Add("$duplicates", SqliteType.Integer);
        var rejected = command.Parameters.Add("$rejected", SqliteType.Integer);
        var code = command.Parameters.Add("$code", SqliteType.Text);
        var samples = command.Parameters.Add("$samples", SqliteType.Text);
        foreach (var s in submissions)
        {
            id.Value = Text(s.Id);
            seller.Value = Text(s.SellerId.Value);
            received.Value = s.ReceivedAt.UtcTicks;
            source.Value = SourceText(s.Source);
            actor.Value = s.Actor;
            count.Value = s.RecordCount;
            accepted.Value = s.Accepted;
            duplicates.Value = s.Duplicates;
            rejected.Value = s.Rejected;
            code.Value = (object?)s.BatchRejectionCode ?? DBNull.Value;
            samples.Value = s.SamplesJson;
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    public override bool IsTransient(Exception exception) =>
        exception is SqliteException { SqliteErrorCode: 5 or 6 }; // SQLITE_BUSY, SQLITE_LOCKED

    // EF Core's SQLite provider stores a GUID as its upper-case "D" text.
    private static string Text(Guid value) => value.ToString("D").ToUpperInvariant();

    internal static string SourceText(UsageSource source) => source switch
    {
        UsageSource.Rest => nameof(UsageSource.Rest),
        UsageSource.BatchMeterUsage => nameof(UsageSource.BatchMeterUsage),
        UsageSource.MeterUsage => nameof(UsageSource.MeterUsage),
        UsageSource.Import => nameof(UsageSource.Import),
        _ => source.ToString(),
    };
}
