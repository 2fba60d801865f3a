using System.Data.Common;
using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using Tradewind.Contracts.Metering;
using Tradewind.Metering.Data;
using Tradewind.Metering.Submissions;
using Tradewind.Metering.Usage;
using Tradewind.Persistence;
using Tradewind.Primitives.Ids;

namespace Tradewind.Metering.Storage;

/// <summary>
/// SQLite: one writer connection; the group's records go in through a prepared multi-row
/// <c>INSERT … VALUES (…),(…),… ON CONFLICT DO NOTHING RETURNING id</c> of <see cref="RowsPerStatement"/> rows (and
/// one more statement for the remainder) inside the group's transaction, so the per-statement cost is shared by many rows. Values are stored the way
/// EF Core stores them: GUIDs as upper-case text, instants as UTC ticks, enums as their names.
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
        var inserted = new HashSet<UsageRecordId>();
        if (candidates.Count == 0)
        {
            return Task.FromResult(inserted);
        }

        // Microsoft.Data.Sqlite runs statements synchronously anyway; the async wrappers would only add cost per statement.
        var sqlite = (SqliteConnection)connection;
        var sqliteTransaction = (SqliteTransaction)transaction;
        var fullChunks = candidates.Count / RowsPerStatement;
        if (fullChunks > 0)
        {
            using var full = InsertCommand(sqlite, sqliteTransaction, RowsPerStatement);
            for (var chunk = 0; chunk < fullChunks; chunk++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                Execute(full, candidates, chunk * RowsPerStatement, inserted);
            }
        }

        var remainder = candidates.Count - (fullChunks * RowsPerStatement);
        if (remainder > 0)
        {
            using var rest = InsertCommand(sqlite, sqliteTransaction, remainder);
            Execute(rest, candidates, fullChunks * RowsPerStatement, inserted);
        }

        return Task.FromResult(inserted);
    }

    /// <summary>
    /// Rows per multi-row <c>INSERT</c>: large enough that the per-statement cost is shared by many rows, small enough
    /// that the 15 parameters per row stay far below SQLite's limit on bound variables (32,766).
    /// </summary>
    internal const int RowsPerStatement = 64;

    private const int ParametersPerRow = 15;

    /// <summary>
    /// A prepared <c>INSERT … VALUES (…),(…),… ON CONFLICT DO NOTHING RETURNING id</c> of <paramref name="rows"/> rows.
    /// Rows are inserted in order; <c>RETURNING</c> (SQLite 3.35+) names exactly the rows that were inserted, so a row
    /// skipped by a unique index is not returned and goes on to be classified like before.
    /// </summary>
    private static SqliteCommand InsertCommand(SqliteConnection connection, SqliteTransaction transaction, int rows)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        var sql = new StringBuilder(128 + (rows * 16 * ParametersPerRow));
        sql.Append(CultureInfo.InvariantCulture, $"INSERT INTO {MeteringModel.RecordsTable} ({Columns}) VALUES ");
        for (var row = 0; row < rows; row++)
        {
            sql.Append(row == 0 ? "(" : ",(");
            for (var column = 0; column < ParametersPerRow; column++)
            {
                var name = string.Create(CultureInfo.InvariantCulture, $"$p{(row * ParametersPerRow) + column}");
                sql.Append(column == 0 ? name : "," + name);
                command.Parameters.Add(name, ColumnTypes[column]);
            }

            sql.Append(')');
        }

        sql.Append(" ON CONFLICT DO NOTHING RETURNING id");
        command.CommandText = sql.ToString();
        command.Prepare();
        return command;
    }

    // In the order of UsageStore.Columns.
    private static readonly SqliteType[] ColumnTypes =
    [
        SqliteType.Text, SqliteType.Text, SqliteType.Text, SqliteType.Text, SqliteType.Text, SqliteType.Text, SqliteType.Text,
        SqliteType.Integer, SqliteType.Integer, SqliteType.Integer, SqliteType.Text, SqliteType.Text, SqliteType.Text,
        SqliteType.Integer, SqliteType.Text,
    ];

    private static void Execute(SqliteCommand command, IReadOnlyList<UsageCandidate> candidates, int offset, HashSet<UsageRecordId> inserted)
    {
        var parameters = command.Parameters;
        var rows = parameters.Count / ParametersPerRow;
        for (var row = 0; row < rows; row++)
        {
            var c = candidates[offset + row];
            var p = row * ParametersPerRow;
            parameters[p].Value = Text(c.Id.Value);
            parameters[p + 1].Value = Text(c.SellerId.Value);
            parameters[p + 2].Value = Text(c.ProductId.Value);
            parameters[p + 3].Value = Text(c.AgreementId.Value);
            parameters[p + 4].Value = Text(c.BuyerId.Value);
            parameters[p + 5].Value = c.CustomerIdentifier;
            parameters[p + 6].Value = c.Dimension;
            parameters[p + 7].Value = c.Hour.UtcTicks;
            parameters[p + 8].Value = c.Timestamp.UtcTicks;
            parameters[p + 9].Value = c.Quantity;
            parameters[p + 10].Value = SourceText(c.Source);
            parameters[p + 11].Value = (object?)c.IdempotencyKey ?? DBNull.Value;
            parameters[p + 12].Value = (object?)c.AllocationsJson ?? DBNull.Value;
            parameters[p + 13].Value = c.ReceivedAt.UtcTicks;
            parameters[p + 14].Value = Text(c.SubmissionId);
        }

        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            inserted.Add(UsageRecordId.From(Guid.Parse(reader.GetString(0))));
        }
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
