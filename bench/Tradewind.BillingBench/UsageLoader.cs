using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Npgsql;
using NpgsqlTypes;

namespace Tradewind.BillingBench;

/// <summary>
/// Inserts the billed month's usage records in bulk, exactly the rows Metering writes (column by column from the table's
/// own definition: ids as the id convention stores them, instants as <c>timestamptz</c> or UTC ticks, the source as text),
/// with every index in place. SQLite: one prepared single-row <c>INSERT</c> per record in one transaction; PostgreSQL: one
/// binary <c>COPY</c>. Each agreement gets the same number of records (the remainder goes to the first ones), one per
/// distinct hour of the month, cycling through its plan's dimensions, so the natural key (customer × dimension × hour)
/// never repeats.
/// </summary>
internal static class UsageLoader
{
    public static async Task<long> LoadAsync(Manifest manifest, IReadOnlyList<BenchAgreement> agreements, long records, CancellationToken ct)
    {
        await using var connection = Sql.Connection(manifest, manifest.ConnectionString);
        await connection.OpenAsync(ct);
        var columns = (await Sql.ColumnsAsync(manifest, connection, ct)).Where(c => !c.Generated).ToList();
        var hours = (int)(manifest.AsOf - manifest.Month).TotalHours;
        var perAgreement = records / agreements.Count;
        if (perAgreement >= hours)
        {
            throw new ArgumentException($"At most {hours - 1} records per agreement fit in the month's hours; add agreements.");
        }

        var remainder = records % agreements.Count;
        var rows = Rows(manifest, agreements, columns, hours, perAgreement, remainder);
        var written = manifest.IsPostgres
            ? await CopyAsync((NpgsqlConnection)connection, columns, rows, ct)
            : await InsertAsync((SqliteConnection)connection, columns, rows, ct);
        if (manifest.IsPostgres)
        {
            // What autovacuum would have done by the end of a month of ingestion.
            await Sql.ExecuteAsync(connection, "ANALYZE", ct);
        }

        return written;
    }

    private static IEnumerable<object?[]> Rows(Manifest manifest, IReadOnlyList<BenchAgreement> agreements, List<TableColumn> columns, int hours, long perAgreement, long remainder)
    {
        var submission = Guid.Empty;
        long count = 0;
        for (var a = 0; a < agreements.Count; a++)
        {
            var agreement = agreements[a];
            var dimensions = BenchPlans.Dimensions(agreement.Plan);
            var mine = perAgreement + (a < remainder ? 1 : 0);
            for (var j = 0; j < mine; j++)
            {
                if (count++ % 1000 == 0)
                {
                    submission = Guid.CreateVersion7(manifest.Month);
                }

                var hour = manifest.Month.AddHours((int)(((j * hours / mine) + a) % hours));
                var timestamp = hour.AddMinutes(a % 60).AddSeconds(j % 60);
                var dimension = dimensions[j % dimensions.Count];
                var row = new object?[columns.Count];
                for (var c = 0; c < columns.Count; c++)
                {
                    var column = columns[c];
                    row[c] = column.Name switch
                    {
                        "id" => Id(column, Guid.CreateVersion7(timestamp)),
                        "seller_id" => Id(column, agreement.SellerId),
                        "product_id" => Id(column, agreement.ProductId),
                        "agreement_id" => Id(column, agreement.AgreementId),
                        "buyer_id" => Id(column, agreement.BuyerId),
                        "customer_identifier" => agreement.CustomerIdentifier,
                        "dimension" => dimension,
                        "quantity" => BenchPlans.Quantity(a, j, dimension),
                        "hour" => Instant(column, hour),
                        "timestamp" => Instant(column, timestamp),
                        "received_at" => Instant(column, timestamp.AddMinutes(2)),
                        "source" => IsText(column) ? "Rest" : 0,
                        "submission_id" => Id(column, submission),
                        _ when column.Nullable => null,
                        _ => throw new InvalidOperationException($"{Sql.Table}.{column.Name} ({column.Type}, not null) has no value; add it to {nameof(UsageLoader)}."),
                    };
                }

                yield return row;
            }
        }
    }

    private static async Task<long> InsertAsync(SqliteConnection connection, List<TableColumn> columns, IEnumerable<object?[]> rows, CancellationToken ct)
    {
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(ct);
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"INSERT INTO {Sql.Table} ({string.Join(", ", columns.Select(c => $"\"{c.Name}\""))}) VALUES ({string.Join(", ", columns.Select((_, i) => $"$p{i}"))})";
        var parameters = columns.Select((_, i) => command.Parameters.Add(new SqliteParameter($"$p{i}", null))).ToArray();
        await command.PrepareAsync(ct);
        long written = 0;
        foreach (var row in rows)
        {
            for (var i = 0; i < row.Length; i++)
            {
                parameters[i].Value = row[i] ?? DBNull.Value;
            }

            written += await command.ExecuteNonQueryAsync(ct);
            if (written % 200_000 == 0)
            {
                await Console.Error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"  {written} usage records"));
            }
        }

        await transaction.CommitAsync(ct);
        return written;
    }

    private static async Task<long> CopyAsync(NpgsqlConnection connection, List<TableColumn> columns, IEnumerable<object?[]> rows, CancellationToken ct)
    {
        long written = 0;
        await using (var writer = await connection.BeginBinaryImportAsync(
            $"COPY {Sql.Table} ({string.Join(", ", columns.Select(c => $"\"{c.Name}\""))}) FROM STDIN (FORMAT BINARY)", ct))
        {
            foreach (var row in rows)
            {
                await writer.StartRowAsync(ct);
                foreach (var value in row)
                {
                    switch (value)
                    {
                        case null: await writer.WriteNullAsync(ct); break;
                        case Guid g: await writer.WriteAsync(g, ct); break;
                        case string s: await writer.WriteAsync(s, ct); break;
                        case long l: await writer.WriteAsync(l, ct); break;
                        case int i: await writer.WriteAsync(i, ct); break;
                        case DateTime d: await writer.WriteAsync(d, NpgsqlDbType.TimestampTz, ct); break;
                        case var other: await writer.WriteAsync(other, ct); break;
                    }
                }

                if (++written % 200_000 == 0)
                {
                    await Console.Error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"  {written} usage records"));
                }
            }

            await writer.CompleteAsync(ct);
        }

        return written;
    }

    private static bool IsText(TableColumn column) => column.Type is "text" or "character varying" or "character" || column.Type.StartsWith("varchar", StringComparison.Ordinal);

    public static object Id(TableColumn column, Guid id) =>
        column.Type == "uuid" ? id : id.ToString("D", CultureInfo.InvariantCulture).ToUpperInvariant();

    public static object Instant(TableColumn column, DateTimeOffset instant) => column.Type switch
    {
        "integer" or "bigint" => instant.UtcTicks,
        "text" => instant.ToString("O", CultureInfo.InvariantCulture),
        _ => instant.UtcDateTime,
    };

    /// <summary>A statement parameter for an instant in the table's representation.</summary>
    public static void AddInstant(DbCommand command, string name, TableColumn column, DateTimeOffset instant)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = Instant(column, instant);
        command.Parameters.Add(parameter);
    }
}
