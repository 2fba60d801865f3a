using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tradewind.Persistence;

namespace Tradewind.Web.Tests.Infrastructure;

/// <summary>Reads tables directly, bypassing the module, to check what is really stored.</summary>
public static class Tables
{
    /// <summary>Every row of <paramref name="table"/>, each cell as invariant text (null as empty); binary cells as Latin-1 text.</summary>
    public static async Task<IReadOnlyList<IReadOnlyDictionary<string, string>>> ReadAsync(this TradewindApp app, string table)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TradewindDbContext>();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        try
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT * FROM {table}";
            await using var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken);
            var rows = new List<IReadOnlyDictionary<string, string>>();
            while (await reader.ReadAsync(TestContext.Current.CancellationToken))
            {
                rows.Add(Row(reader));
            }

            return rows;
        }
        finally
        {
            await connection.CloseAsync();
        }
    }

    private static Dictionary<string, string> Row(DbDataReader reader)
    {
        var row = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < reader.FieldCount; i++)
        {
            var value = reader.IsDBNull(i) ? null : reader.GetValue(i);
            row[reader.GetName(i)] = value switch
            {
                null => "",
                byte[] bytes => System.Text.Encoding.Latin1.GetString(bytes),
                string[] texts => string.Join(',', texts),
                IFormattable formattable => formattable.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
                _ => value.ToString() ?? "",
            };
        }

        return row;
    }
}
