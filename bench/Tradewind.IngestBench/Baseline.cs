using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Tradewind.IngestBench;

/// <summary>
/// The raw baseline: the REST driver's records (the same keys, the same row values) inserted into a fresh copy of the
/// prepared database's <c>metering_usage_records</c>, with all its indexes, by a batched ADO.NET loop: one transaction
/// per 1,000 rows, durable commits (SQLite in WAL with <c>synchronous=FULL</c>, PostgreSQL with
/// <c>synchronous_commit=on</c>), no HTTP and no Tradewind code. SQLite (<c>insert</c>): one prepared single-row
/// <c>INSERT … ON CONFLICT DO NOTHING</c> executed per row inside an immediate transaction, the server's own statement.
/// PostgreSQL: <c>unnest</c>, the server's statement (<c>INSERT … SELECT * FROM unnest(arrays) ON CONFLICT DO NOTHING</c>,
/// 1,000 rows per statement and transaction), and <c>copy</c>, binary COPY of 1,000 rows per transaction (<c>insert</c>,
/// a prepared multi-row <c>INSERT … VALUES</c>, is there on request). Each shape runs with 1 loop and with 64 concurrent
/// loops; the best is the baseline.
/// </summary>
internal static class Baseline
{
    public static async Task<int> RunAsync(Options options, CancellationToken cancellationToken)
    {
        var manifest = Manifest.Load(options.Required("manifest"));
        var batch = options.Int("batch", 1000);
        var records = (options.Long("records", 500_000) + batch - 1) / batch * batch;
        var loops = (options.Optional("loops") ?? "1,64").Split(',').Select(l => int.Parse(l, CultureInfo.InvariantCulture)).ToList();
        var modes = manifest.IsPostgres ? (options.Optional("modes") ?? "unnest,copy").Split(',') : ["insert"];
        var keys = KeySpace.Rest(manifest);

        var results = new List<BaselineResult>();
        foreach (var mode in modes)
        {
            foreach (var loopCount in loops)
            {
                var connection = await FreshDatabaseAsync(manifest, cancellationToken);
                try
                {
                    var elapsed = await InsertAsync(manifest, connection, keys, mode, loopCount, records, batch, cancellationToken);
                    var stored = await Sql.CountRowsAsync(manifest, connection, cancellationToken);
                    if (stored != records)
                    {
                        throw new InvalidOperationException($"The baseline inserted {records} rows but the table holds {stored}.");
                    }

                    var result = new BaselineResult(mode, loopCount, records, elapsed.TotalSeconds, records / elapsed.TotalSeconds);
                    results.Add(result);
                    await Console.Error.WriteLineAsync($"baseline {manifest.Provider} {mode} ×{loopCount}: {result.RecordsPerSecond:F0} records/s ({records} rows in {elapsed.TotalSeconds:F2} s)");
                }
                finally
                {
                    await DropDatabaseAsync(manifest, connection, cancellationToken);
                }
            }
        }

        var best = results.MaxBy(r => r.RecordsPerSecond)!;
        Console.WriteLine(JsonSerializer.Serialize(new { command = "baseline", provider = manifest.Provider, records, results, best }, Report.Json));
        return 0;
    }

    private static async Task<TimeSpan> InsertAsync(
        Manifest manifest, string connectionString, KeySpace keys, string mode, int loopCount, long records, int batch, CancellationToken cancellationToken)
    {
        IReadOnlyList<TableColumn> columns;
        await using (var probe = Sql.Connection(manifest, connectionString))
        {
            await probe.OpenAsync(cancellationToken);
            columns = await Sql.ColumnsAsync(manifest, probe, cancellationToken);
        }

        var shape = new RowShape(manifest, columns, "Rest", keys);
        long next = 0;
        var started = Stopwatch.GetTimestamp();
        var loops = Enumerable.Range(0, loopCount).Select(_ => Task.Run(
            async () =>
            {
                await using var connection = Sql.Connection(manifest, connectionString);
                await connection.OpenAsync(cancellationToken);
                Func<long, long, Task> insertBlock = (manifest.IsPostgres, mode) switch
                {
                    (false, _) => SqliteInserter(connection, shape, cancellationToken),
                    (true, "copy") => CopyInserter((NpgsqlConnection)connection, shape, cancellationToken),
                    (true, "unnest") => UnnestInserter((NpgsqlConnection)connection, shape, batch, cancellationToken),
                    _ => await MultiRowInserterAsync((NpgsqlConnection)connection, shape, batch, cancellationToken),
                };
                while (true)
                {
                    var start = Interlocked.Add(ref next, batch) - batch;
                    if (start >= records)
                    {
                        return;
                    }

                    await insertBlock(start, Math.Min(start + batch, records));
                }
            },
            cancellationToken)).ToList();
        await Task.WhenAll(loops);
        return Stopwatch.GetElapsedTime(started);
    }

    private static Func<long, long, Task> SqliteInserter(DbConnection connection, RowShape shape, CancellationToken cancellationToken)
    {
        var sqlite = (SqliteConnection)connection;
        using (var pragma = sqlite.CreateCommand())
        {
            // The server's ingest connection's settings: durable commits, wait for the write lock.
            pragma.CommandText = "PRAGMA synchronous=FULL; PRAGMA busy_timeout=30000;";
            pragma.ExecuteNonQuery();
        }

        var command = sqlite.CreateCommand();
        command.CommandText = $"INSERT INTO {Sql.Table} ({string.Join(", ", shape.Columns.Select(c => Quote(c.Name)))}) VALUES ({string.Join(", ", shape.Columns.Select((_, i) => $"$p{i}"))}) ON CONFLICT DO NOTHING";
        var parameters = shape.Columns.Select((_, i) => command.Parameters.Add(new SqliteParameter($"$p{i}", null))).ToArray();
        command.Prepare();
        return async (start, end) =>
        {
            var now = TimeProvider.System.GetUtcNow();
            var submission = Guid.CreateVersion7(now);
            await using var transaction = sqlite.BeginTransaction(deferred: false);
            command.Transaction = transaction;
            for (var key = start; key < end; key++)
            {
                var usage = KeyOf(shape, key);
                for (var c = 0; c < parameters.Length; c++)
                {
                    parameters[c].Value = shape.Value(c, usage, now, submission) ?? DBNull.Value;
                }

                await command.ExecuteNonQueryAsync(cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
        };
    }

    private static async Task<Func<long, long, Task>> MultiRowInserterAsync(NpgsqlConnection connection, RowShape shape, int batch, CancellationToken cancellationToken)
    {
        var columns = shape.Columns.Count;
        var sql = new StringBuilder($"INSERT INTO {Sql.Table} ({string.Join(", ", shape.Columns.Select(c => Quote(c.Name)))}) VALUES ");
        for (var row = 0; row < batch; row++)
        {
            sql.Append(row == 0 ? "(" : ", (");
            for (var c = 0; c < columns; c++)
            {
                sql.Append(c == 0 ? "" : ", ").Append(CultureInfo.InvariantCulture, $"${(row * columns) + c + 1}");
            }

            sql.Append(')');
        }

        var command = new NpgsqlCommand(sql.ToString(), connection);
        for (var i = 0; i < batch * columns; i++)
        {
            command.Parameters.Add(new NpgsqlParameter());
        }

        var prepared = false;
        return async (start, end) =>
        {
            var now = TimeProvider.System.GetUtcNow();
            var submission = Guid.CreateVersion7(now);
            for (var key = start; key < end; key++)
            {
                var usage = KeyOf(shape, key);
                var offset = (int)(key - start) * columns;
                for (var c = 0; c < columns; c++)
                {
                    command.Parameters[offset + c].Value = shape.Value(c, usage, now, submission) ?? DBNull.Value;
                }
            }

            if (!prepared)
            {
                await command.PrepareAsync(cancellationToken);
                prepared = true;
            }

            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            command.Transaction = transaction;
            await command.ExecuteNonQueryAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        };
    }

    /// <summary>The server's PostgreSQL statement: <c>INSERT … SELECT * FROM unnest(one array per column) ON CONFLICT DO NOTHING</c>.</summary>
    private static Func<long, long, Task> UnnestInserter(NpgsqlConnection connection, RowShape shape, int batch, CancellationToken cancellationToken)
    {
        var columns = shape.Columns;
        var command = new NpgsqlCommand(
            $"INSERT INTO {Sql.Table} ({string.Join(", ", columns.Select(c => Quote(c.Name)))}) SELECT * FROM unnest({string.Join(", ", columns.Select((_, i) => $"@p{i}"))}) ON CONFLICT DO NOTHING",
            connection);
        var arrays = columns.Select(c => Array.CreateInstance(ElementType(c), batch)).ToArray();
        for (var c = 0; c < columns.Count; c++)
        {
            command.Parameters.Add(new NpgsqlParameter($"p{c}", arrays[c]));
        }

        return async (start, end) =>
        {
            var now = TimeProvider.System.GetUtcNow();
            var submission = Guid.CreateVersion7(now);
            var count = (int)(end - start);
            if (count != batch)
            {
                for (var c = 0; c < columns.Count; c++)
                {
                    arrays[c] = Array.CreateInstance(ElementType(columns[c]), count);
                    command.Parameters[c].Value = arrays[c];
                }
            }

            for (var key = start; key < end; key++)
            {
                var usage = KeyOf(shape, key);
                for (var c = 0; c < columns.Count; c++)
                {
                    arrays[c].SetValue(shape.Value(c, usage, now, submission), (int)(key - start));
                }
            }

            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            command.Transaction = transaction;
            await command.ExecuteNonQueryAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        };
    }

    private static Type ElementType(TableColumn column) => column.Type switch
    {
        "uuid" => typeof(Guid),
        "bigint" => typeof(long),
        "integer" => typeof(int),
        "smallint" => typeof(short),
        "timestamp with time zone" => typeof(DateTime),
        _ => typeof(string),
    };

    private static Func<long, long, Task> CopyInserter(NpgsqlConnection connection, RowShape shape, CancellationToken cancellationToken) =>
        async (start, end) =>
        {
            var now = TimeProvider.System.GetUtcNow();
            var submission = Guid.CreateVersion7(now);
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            await using (var writer = await connection.BeginBinaryImportAsync(
                $"COPY {Sql.Table} ({string.Join(", ", shape.Columns.Select(c => Quote(c.Name)))}) FROM STDIN (FORMAT BINARY)", cancellationToken))
            {
                for (var key = start; key < end; key++)
                {
                    var usage = KeyOf(shape, key);
                    await writer.StartRowAsync(cancellationToken);
                    for (var c = 0; c < shape.Columns.Count; c++)
                    {
                        switch (shape.Value(c, usage, now, submission))
                        {
                            case null: await writer.WriteNullAsync(cancellationToken); break;
                            case Guid g: await writer.WriteAsync(g, cancellationToken); break;
                            case string s: await writer.WriteAsync(s, cancellationToken); break;
                            case long l: await writer.WriteAsync(l, cancellationToken); break;
                            case int i: await writer.WriteAsync(i, cancellationToken); break;
                            case DateTime d: await writer.WriteAsync(d, NpgsqlTypes.NpgsqlDbType.TimestampTz, cancellationToken); break;
                            case var other: await writer.WriteAsync(other, cancellationToken); break;
                        }
                    }
                }

                await writer.CompleteAsync(cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
        };

    /// <summary>The baseline's keys are the REST driver's, from key 0 of a fresh database.</summary>
    private static UsageKey KeyOf(RowShape shape, long key) => shape.Keys[key];

    private static string Quote(string name) => $"\"{name}\"";

    private static async Task<string> FreshDatabaseAsync(Manifest manifest, CancellationToken cancellationToken)
    {
        if (!manifest.IsPostgres)
        {
            var template = new SqliteConnectionStringBuilder(manifest.TemplateConnectionString).DataSource;
            var copy = Path.Combine(manifest.DataDirectory, "baseline.db");
            DeleteSqlite(copy);
            File.Copy(template, copy);
            return new SqliteConnectionStringBuilder { DataSource = copy, DefaultTimeout = 120 }.ToString();
        }

        var templateBuilder = new NpgsqlConnectionStringBuilder(manifest.TemplateConnectionString);
        var name = $"{templateBuilder.Database}_baseline";
        await using var admin = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(manifest.TemplateConnectionString) { Database = "postgres", Pooling = false }.ConnectionString);
        await admin.OpenAsync(cancellationToken);
        await Sql.ExecuteAsync(admin, $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", cancellationToken);
        await Sql.ExecuteAsync(admin, $"CREATE DATABASE \"{name}\" TEMPLATE \"{templateBuilder.Database}\"", cancellationToken);
        return new NpgsqlConnectionStringBuilder(manifest.TemplateConnectionString) { Database = name, MaxPoolSize = 200 }.ConnectionString;
    }

    private static async Task DropDatabaseAsync(Manifest manifest, string connectionString, CancellationToken cancellationToken)
    {
        if (!manifest.IsPostgres)
        {
            SqliteConnection.ClearAllPools();
            DeleteSqlite(new SqliteConnectionStringBuilder(connectionString).DataSource);
            return;
        }

        NpgsqlConnection.ClearAllPools();
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        await using var admin = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Database = "postgres", Pooling = false }.ConnectionString);
        await admin.OpenAsync(cancellationToken);
        await Sql.ExecuteAsync(admin, $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", cancellationToken);
    }

    private static void DeleteSqlite(string path)
    {
        foreach (var file in new[] { path, path + "-wal", path + "-shm" })
        {
            File.Delete(file);
        }
    }
}

internal sealed record BaselineResult(string Mode, int Loops, long Records, double Seconds, double RecordsPerSecond);
