using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Tradewind.BillingBench;

/// <summary>Plain ADO.NET on either provider: no EF Core, no Tradewind code between the loop and the database.</summary>
internal static class Sql
{
    public const string Table = "metering_usage_records";

    public static DbConnection Connection(Manifest manifest, string connectionString) =>
        manifest.IsPostgres ? new NpgsqlConnection(connectionString) : new SqliteConnection(connectionString);

    public static async Task ExecuteAsync(DbConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.CommandTimeout = 600;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public static async Task<long> ScalarLongAsync(DbConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.CommandTimeout = 600;
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }

    public static async Task<long> CountRowsAsync(Manifest manifest, string connectionString, CancellationToken cancellationToken)
    {
        await using var connection = Connection(manifest, connectionString);
        await connection.OpenAsync(cancellationToken);
        return await ScalarLongAsync(connection, $"SELECT COUNT(*) FROM {Table}", cancellationToken);
    }

    /// <summary>The table's columns in order: name, declared type, and whether NULL is allowed.</summary>
    public static async Task<IReadOnlyList<TableColumn>> ColumnsAsync(Manifest manifest, DbConnection connection, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = manifest.IsPostgres
            ? $"SELECT column_name, data_type, is_nullable = 'YES', column_default IS NOT NULL AND column_default LIKE 'nextval%' FROM information_schema.columns WHERE table_name = '{Table}' ORDER BY ordinal_position"
            : $"SELECT name, type, \"notnull\" = 0, pk = 1 AND lower(type) = 'integer' FROM pragma_table_info('{Table}') ORDER BY cid";
        var columns = new List<TableColumn>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            columns.Add(new TableColumn(reader.GetString(0), reader.GetString(1).ToLowerInvariant(), reader.GetBoolean(2), reader.GetBoolean(3)));
        }

        if (columns.Count == 0)
        {
            throw new InvalidOperationException($"The database has no table {Table}: is the Metering module's migration applied?");
        }

        return columns;
    }
}

/// <param name="Generated">Filled by the database (an identity or rowid key): not inserted.</param>
internal sealed record TableColumn(string Name, string Type, bool Nullable, bool Generated);
