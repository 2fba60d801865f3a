using System.Text;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Tradewind.Persistence.Sqlite;

/// <summary>
/// One prepared statement on SQLite's own API for the ingest hot paths (usage records, listing views): positional
/// parameters (Microsoft.Data.Sqlite looks every parameter up by name on each execution, which on a many-row statement
/// costs more than the insert), values bound in the formats EF Core stores — GUIDs as upper-case "D" text formatted on
/// the stack, strings from one reused UTF-8 buffer — so nothing is allocated per row.
/// </summary>
public sealed class SqliteRowStatement : IDisposable
{
    private readonly sqlite3 _db;
    private readonly sqlite3_stmt _statement;
    private byte[] _text = new byte[1024];

    public SqliteRowStatement(sqlite3 db, string sql)
    {
        _db = db;
        Check(raw.sqlite3_prepare_v2(db, sql, out _statement));
    }

    /// <summary>Rows the last <see cref="Step"/> changed (0 when <c>ON CONFLICT DO NOTHING</c> skipped it).</summary>
    public int Changes => raw.sqlite3_changes(_db);

    /// <summary>Clears the previous execution before binding the next row.</summary>
    public void Reset() => Check(raw.sqlite3_reset(_statement));

    public void Bind(int index, long value) => Check(raw.sqlite3_bind_int64(_statement, index, value));

    public void Bind(int index, bool value) => Check(raw.sqlite3_bind_int(_statement, index, value ? 1 : 0));

    /// <summary>UTF-8 text the caller keeps (a constant's bytes).</summary>
    public void Bind(int index, ReadOnlySpan<byte> utf8) => Check(raw.sqlite3_bind_text(_statement, index, utf8));

    public void Bind(int index, Guid? value)
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

    public void Bind(int index, string? value)
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

    /// <summary>Executes the bound row.</summary>
    public void Step()
    {
        var rc = raw.sqlite3_step(_statement);
        if (rc != raw.SQLITE_DONE)
        {
            Check(rc);
        }
    }

    public void Dispose() => _statement.Dispose();

    private void Check(int rc)
    {
        if (rc != raw.SQLITE_OK)
        {
            SqliteException.ThrowExceptionForRC(rc, _db);
        }
    }
}
