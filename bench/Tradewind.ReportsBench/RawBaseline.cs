using System.Data.Common;
using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Tradewind.ReportsBench;

/// <summary>
/// The baseline each report is compared with: the listing-traffic totals (views, confirmed views, distinct visitor-day
/// hashes) of one seller over a range, aggregated straight from <c>analytics_events</c> with the event store's own
/// indexes, i.e. what answering without rollups costs.
/// </summary>
internal static class RawBaseline
{
    public static async Task<List<double>> TimeAsync(string provider, string connection, Guid sellerId, DateOnly from, DateOnly to, int runs, CancellationToken ct)
    {
        var start = new DateTimeOffset(from.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var end = new DateTimeOffset(to.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        const string Sql =
            "SELECT COUNT(*), SUM(CASE WHEN confirmed THEN 1 ELSE 0 END), COUNT(DISTINCT visitor_day_hash) FROM analytics_events " +
            "WHERE seller_id = @seller AND name = 'listing_view' AND occurred_at >= @start AND occurred_at < @end";
        await using DbConnection db = provider == "sqlite" ? new SqliteConnection(connection) : new NpgsqlConnection(connection);
        await db.OpenAsync(ct);
        var timings = new List<double>(runs);
        for (var i = 0; i < runs + 1; i++)
        {
            await using var command = db.CreateCommand();
            command.CommandText = Sql;
            command.CommandTimeout = 0;
            Add(command, "@seller", provider == "sqlite" ? sellerId.ToString("D").ToUpperInvariant() : sellerId);
            Add(command, "@start", provider == "sqlite" ? start.UtcTicks : start);
            Add(command, "@end", provider == "sqlite" ? end.UtcTicks : end);
            var started = Stopwatch.GetTimestamp();
            await using (var reader = await command.ExecuteReaderAsync(ct))
            {
                await reader.ReadAsync(ct);
            }

            // The first run warms the cache and is not counted.
            if (i > 0)
            {
                timings.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
        }

        return timings;
    }

    private static void Add(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}
