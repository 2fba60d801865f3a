using System.Data.Common;
using Microsoft.Data.Sqlite;
using Tradewind.Contracts.Metering;
using Tradewind.Metering.Data;
using Tradewind.Metering.Submissions;
using Tradewind.Metering.Usage;
using Tradewind.Persistence;
using Tradewind.Primitives.Ids;

namespace Tradewind.Metering.Storage;

/// <summary>
/// SQLite: one writer connection, one prepared single-row <c>INSERT … ON CONFLICT DO NOTHING</c> executed per record
/// inside the group's transaction (SQLite statements are cheap; the commit is what costs). Values are stored the way
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

    public override async Task<HashSet<UsageRecordId>> InsertAsync(DbConnection connection, DbTransaction transaction, IReadOnlyList<UsageCandidate> candidates, CancellationToken cancellationToken)
    {
        var inserted = new HashSet<UsageRecordId>();
        if (candidates.Count == 0)
        {
            return inserted;
        }

        await using var command = (SqliteCommand)connection.CreateCommand();
        command.Transaction = (SqliteTransaction)transaction;
        command.CommandText =
            $"INSERT INTO {MeteringModel.RecordsTable} ({Columns}) VALUES ($id, $seller, $product, $agreement, $buyer, $customer, $dimension, $hour, $ts, $quantity, $source, $key, $allocations, $received, $submission) ON CONFLICT DO NOTHING";
        var id = command.Parameters.Add("$id", SqliteType.Text);
        var seller = command.Parameters.Add("$seller", SqliteType.Text);
        var product = command.Parameters.Add("$product", SqliteType.Text);
        var agreement = command.Parameters.Add("$agreement", SqliteType.Text);
        var buyer = command.Parameters.Add("$buyer", SqliteType.Text);
        var customer = command.Parameters.Add("$customer", SqliteType.Text);
        var dimension = command.Parameters.Add("$dimension", SqliteType.Text);
        var hour = command.Parameters.Add("$hour", SqliteType.Integer);
        var ts = command.Parameters.Add("$ts", SqliteType.Integer);
        var quantity = command.Parameters.Add("$quantity", SqliteType.Integer);
        var source = command.Parameters.Add("$source", SqliteType.Text);
        var key = command.Parameters.Add("$key", SqliteType.Text);
        var allocations = command.Parameters.Add("$allocations", SqliteType.Text);
        var received = command.Parameters.Add("$received", SqliteType.Integer);
        var submission = command.Parameters.Add("$submission", SqliteType.Text);
        command.Prepare();
        foreach (var c in candidates)
        {
            id.Value = Text(c.Id.Value);
            seller.Value = Text(c.SellerId.Value);
            product.Value = Text(c.ProductId.Value);
            agreement.Value = Text(c.AgreementId.Value);
            buyer.Value = Text(c.BuyerId.Value);
            customer.Value = c.CustomerIdentifier;
            dimension.Value = c.Dimension;
            hour.Value = c.Hour.UtcTicks;
            ts.Value = c.Timestamp.UtcTicks;
            quantity.Value = c.Quantity;
            source.Value = SourceText(c.Source);
            key.Value = (object?)c.IdempotencyKey ?? DBNull.Value;
            allocations.Value = (object?)c.AllocationsJson ?? DBNull.Value;
            received.Value = c.ReceivedAt.UtcTicks;
            submission.Value = Text(c.SubmissionId);
            if (await command.ExecuteNonQueryAsync(cancellationToken) == 1)
            {
                inserted.Add(c.Id);
            }
        }

        return inserted;
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
