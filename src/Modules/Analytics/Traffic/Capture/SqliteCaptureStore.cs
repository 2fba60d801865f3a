using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using SQLitePCL;
using Tradewind.Analytics.Events;
using Tradewind.Persistence;
using Tradewind.Persistence.Sqlite;

namespace Tradewind.Analytics.Traffic.Capture;

/// <summary>
/// SQLite: one immediate transaction per batch, each row through one prepared single-row <c>INSERT</c> on SQLite's own
/// API (positional parameters; Microsoft.Data.Sqlite looks every parameter up by name per execution, which on a
/// many-row statement costs more than the insert — see <c>SqliteUsageStore</c>). GUIDs as upper-case text, instants as
/// UTC ticks, booleans as 0/1, as EF Core stores them.
/// </summary>
internal sealed class SqliteCaptureStore(DatabaseSettings settings) : CaptureStore
{
    private static readonly string InsertSql =
        $"INSERT INTO {Table} ({Columns}) VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13,?14,?15,?16,?17,?18,?19,?20,?21,?22,?23,?24)";

    public override async Task InsertAsync(IReadOnlyList<CapturedEvent> rows, DateTimeOffset receivedAt, CancellationToken cancellationToken)
    {
        if (rows.Count == 0)
        {
            return;
        }

        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction(deferred: false);
        var db = connection.Handle ?? throw new InvalidOperationException("The capture connection is not open.");
        using (var insert = new RowInsert(db))
        {
            foreach (var row in rows)
            {
                insert.Execute(row, receivedAt.UtcTicks);
            }
        }

        await transaction.CommitAsync(cancellationToken);
    }

    public override async Task ConfirmAsync(IReadOnlyList<Guid> human, IReadOnlyList<Guid> automated, CancellationToken cancellationToken)
    {
        if (human.Count == 0 && automated.Count == 0)
        {
            return;
        }

        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction(deferred: false);
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText =
            $"UPDATE {Table} SET confirmed = 1 WHERE name = '{AnalyticsEventNames.ListingView}' AND id IN (SELECT value FROM json_each($human));" +
            $"UPDATE {Table} SET is_bot = 1, bot_reason = '{BotReasons.Webdriver}' WHERE name = '{AnalyticsEventNames.ListingView}' AND id IN (SELECT value FROM json_each($automated));";
        command.Parameters.AddWithValue("$human", IdsJson(human));
        command.Parameters.AddWithValue("$automated", IdsJson(automated));
        await command.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    private static string IdsJson(IReadOnlyList<Guid> ids) =>
        JsonSerializer.Serialize(ids.Select(id => id.ToString("D").ToUpperInvariant()));

    private async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(settings.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var pragma = connection.CreateCommand();
        pragma.CommandText = "PRAGMA busy_timeout=30000;";
        await pragma.ExecuteNonQueryAsync(cancellationToken);
        return connection;
    }

    private sealed class RowInsert(sqlite3 db) : IDisposable
    {
        private readonly SqliteRowStatement _statement = new(db, InsertSql);

        public void Execute(CapturedEvent e, long receivedTicks)
        {
            var s = _statement;
            s.Reset();
            s.Bind(1, e.Id);
            s.Bind(2, e.Name);
            s.Bind(3, AnalyticsEvent.SchemaVersionCurrent);
            s.Bind(4, e.OccurredAt.UtcTicks);
            s.Bind(5, receivedTicks);
            s.Bind(6, e.SellerId);
            s.Bind(7, e.ProductId);
            s.Bind(8, e.BuyerId);
            s.Bind(9, e.VisitorDayHash);
            s.Bind(10, e.Source);
            s.Bind(11, e.Medium);
            s.Bind(12, e.Campaign);
            s.Bind(13, e.Content);
            s.Bind(14, e.Term);
            s.Bind(15, e.ReferrerHost);
            s.Bind(16, e.Channel);
            s.Bind(17, e.Country);
            s.Bind(18, e.Locale);
            s.Bind(19, e.TranslationKind);
            s.Bind(20, e.IsBot);
            s.Bind(21, e.BotReason);
            s.Bind(22, e.Confirmed);
            s.Bind(23, e.AttributionViewId);
            s.Bind(24, e.Detail);
            s.Step();
        }

        public void Dispose() => _statement.Dispose();
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"sqlite:{Table}");
}
