using Npgsql;
using NpgsqlTypes;
using Tradewind.Analytics.Events;
using Tradewind.Persistence;

namespace Tradewind.Analytics.Traffic.Capture;

/// <summary>
/// PostgreSQL: one binary <c>COPY … FROM STDIN</c> per batch (atomic on its own: a failed copy stores none of the
/// batch), confirmations as one <c>UPDATE … WHERE id = ANY(@ids)</c>.
/// </summary>
internal sealed class PostgresCaptureStore(DatabaseSettings settings) : CaptureStore, IAsyncDisposable
{
    private readonly NpgsqlDataSource _dataSource = NpgsqlDataSource.Create(settings.ConnectionString);

    public override async Task InsertAsync(IReadOnlyList<CapturedEvent> rows, DateTimeOffset receivedAt, CancellationToken cancellationToken)
    {
        if (rows.Count == 0)
        {
            return;
        }

        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        await using var importer = await connection.BeginBinaryImportAsync($"COPY {Table} ({Columns}) FROM STDIN (FORMAT BINARY)", cancellationToken);
        var received = receivedAt.UtcDateTime;
        foreach (var e in rows)
        {
            await importer.StartRowAsync(cancellationToken);
            await importer.WriteAsync(e.Id, NpgsqlDbType.Uuid, cancellationToken);
            await importer.WriteAsync(e.Name, NpgsqlDbType.Varchar, cancellationToken);
            await importer.WriteAsync(AnalyticsEvent.SchemaVersionCurrent, NpgsqlDbType.Integer, cancellationToken);
            await importer.WriteAsync(e.OccurredAt.UtcDateTime, NpgsqlDbType.TimestampTz, cancellationToken);
            await importer.WriteAsync(received, NpgsqlDbType.TimestampTz, cancellationToken);
            await WriteAsync(importer, e.SellerId, cancellationToken);
            await WriteAsync(importer, e.ProductId, cancellationToken);
            await WriteAsync(importer, e.BuyerId, cancellationToken);
            await WriteAsync(importer, e.VisitorDayHash, cancellationToken);
            await WriteAsync(importer, e.Source, cancellationToken);
            await WriteAsync(importer, e.Medium, cancellationToken);
            await WriteAsync(importer, e.Campaign, cancellationToken);
            await WriteAsync(importer, e.Content, cancellationToken);
            await WriteAsync(importer, e.Term, cancellationToken);
            await WriteAsync(importer, e.ReferrerHost, cancellationToken);
            await WriteAsync(importer, e.Channel, cancellationToken);
            await WriteAsync(importer, e.Country, cancellationToken);
            await WriteAsync(importer, e.Locale, cancellationToken);
            await WriteAsync(importer, e.TranslationKind, cancellationToken);
            await importer.WriteAsync(e.IsBot, NpgsqlDbType.Boolean, cancellationToken);
            await WriteAsync(importer, e.BotReason, cancellationToken);
            await importer.WriteAsync(e.Confirmed, NpgsqlDbType.Boolean, cancellationToken);
            await WriteAsync(importer, e.AttributionViewId, cancellationToken);
            await WriteAsync(importer, e.Detail, cancellationToken);
        }

        await importer.CompleteAsync(cancellationToken);
    }

    public override async Task ConfirmAsync(IReadOnlyList<Guid> human, IReadOnlyList<Guid> automated, CancellationToken cancellationToken)
    {
        if (human.Count == 0 && automated.Count == 0)
        {
            return;
        }

        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        await using var batch = new NpgsqlBatch(connection);
        var confirm = new NpgsqlBatchCommand($"UPDATE {Table} SET confirmed = true WHERE name = '{AnalyticsEventNames.ListingView}' AND id = ANY(@ids)");
        confirm.Parameters.Add(new NpgsqlParameter<Guid[]>("ids", NpgsqlDbType.Array | NpgsqlDbType.Uuid) { TypedValue = [.. human] });
        var flag = new NpgsqlBatchCommand($"UPDATE {Table} SET is_bot = true, bot_reason = '{BotReasons.Webdriver}' WHERE name = '{AnalyticsEventNames.ListingView}' AND id = ANY(@ids)");
        flag.Parameters.Add(new NpgsqlParameter<Guid[]>("ids", NpgsqlDbType.Array | NpgsqlDbType.Uuid) { TypedValue = [.. automated] });
        batch.BatchCommands.Add(confirm);
        batch.BatchCommands.Add(flag);
        await batch.ExecuteNonQueryAsync(cancellationToken);
    }

    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();

    private static Task WriteAsync(NpgsqlBinaryImporter importer, Guid? value, CancellationToken cancellationToken) =>
        value is { } guid ? importer.WriteAsync(guid, NpgsqlDbType.Uuid, cancellationToken) : importer.WriteNullAsync(cancellationToken);

    private static Task WriteAsync(NpgsqlBinaryImporter importer, string? value, CancellationToken cancellationToken) =>
        value is not null ? importer.WriteAsync(value, NpgsqlDbType.Varchar, cancellationToken) : importer.WriteNullAsync(cancellationToken);
}
