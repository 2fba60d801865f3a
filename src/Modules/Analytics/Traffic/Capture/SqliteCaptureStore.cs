using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using SQLitePCL;
using Tradewind.Analytics.Events;
using Tradewind.Persistence;

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

    private sealed class RowInsert : IDisposable
    {
        private readonly sqlite3 _db;
        private readonly sqlite3_stmt _statement;
        private byte[] _text = new byte[512];

        public RowInsert(sqlite3 db)
        {
            _db = db;
            Check(raw.sqlite3_prepare_v2(db, InsertSql, out _statement));
        }

        public void Execute(CapturedEvent e, long receivedTicks)
        {
            var s = _statement;
            Check(raw.sqlite3_reset(s));
            BindGuid(1, e.Id);
            BindText(2, e.Name);
            Check(raw.sqlite3_bind_int(s, 3, AnalyticsEvent.SchemaVersionCurrent));
            Check(raw.sqlite3_bind_int64(s, 4, e.OccurredAt.UtcTicks));
            Check(raw.sqlite3_bind_int64(s, 5, receivedTicks));
            BindGuid(6, e.SellerId);
            BindGuid(7, e.ProductId);
            BindGuid(8, e.BuyerId);
            BindText(9, e.VisitorDayHash);
            BindText(10, e.Source);
            BindText(11, e.Medium);
            BindText(12, e.Campaign);
            BindText(13, e.Content);
            BindText(14, e.Term);
            BindText(15, e.ReferrerHost);
            BindText(16, e.Channel);
            BindText(17, e.Country);
            BindText(18, e.Locale);
            BindText(19, e.TranslationKind);
            Check(raw.sqlite3_bind_int(s, 20, e.IsBot ? 1 : 0));
            BindText(21, e.BotReason);
            Check(raw.sqlite3_bind_int(s, 22, e.Confirmed ? 1 : 0));
            BindGuid(23, e.AttributionViewId);
            BindText(24, e.Detail);
            var rc = raw.sqlite3_step(s);
            if (rc != raw.SQLITE_DONE)
            {
                Check(rc);
            }
        }

        public void Dispose() => _statement.Dispose();

        private void BindGuid(int index, Guid? value)
        {
            if (value is not { } guid)
            {
                Check(raw.sqlite3_bind_null(_statement, index));
                return;
            }

            // EF Core's SQLite provider stores a GUID as its upper-case "D" text.
            Span<byte> utf8 = stackalloc byte[36];
            guid.TryFormat(utf8, out _, "D");
            for (var i = 0; i < utf8.Length; i++)
            {
                if (utf8[i] >= (byte)'a')
                {
                    utf8[i] -= 'a' - 'A';
                }
            }

            Check(raw.sqlite3_bind_text(_statement, index, utf8));
        }

        private void BindText(int index, string? value)
        {
            if (value is null)
            {
                Check(raw.sqlite3_bind_null(_statement, index));
                return;
            }

            var length = Encoding.UTF8.GetMaxByteCount(value.Length);
            if (length > _text.Length)
            {
                _text = new byte[Math.Max(length, _text.Length * 2)];
            }

            var written = Encoding.UTF8.GetBytes(value, _text);
            Check(raw.sqlite3_bind_text(_statement, index, _text.AsSpan(0, written)));
        }

        private void Check(int rc)
        {
            if (rc != raw.SQLITE_OK)
            {
                SqliteException.ThrowExceptionForRC(rc, _db);
            }
        }
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"sqlite:{Table}");
}
