using System.Globalization;

namespace Tradewind.IngestBench;

/// <summary>
/// The values of one usage record as the server stores it, column by column, read from the table's own definition so
/// the baseline writes exactly the server's rows: ids as the server's id convention stores them (<c>uuid</c>, or upper-case
/// <c>TEXT</c> on SQLite), instants as <c>timestamptz</c> or UTC ticks (decision 0003), the source as the server writes it.
/// </summary>
internal sealed class RowShape
{
    private readonly Func<UsageKey, DateTimeOffset, Guid, object?>[] _values;

    public RowShape(Manifest manifest, IReadOnlyList<TableColumn> columns, string source, KeySpace keys)
    {
        Keys = keys;
        Columns = [.. columns.Where(c => !c.Generated)];
        _values = [.. Columns.Select(c => ValueOf(manifest, c, source))];
    }

    public IReadOnlyList<TableColumn> Columns { get; }

    /// <summary>Where the rows' natural keys come from.</summary>
    public KeySpace Keys { get; }

    /// <param name="submission">The batch the row arrived in (the server keeps one submission per request).</param>
    public object? Value(int column, UsageKey key, DateTimeOffset now, Guid submission) => _values[column](key, now, submission);

    private static Func<UsageKey, DateTimeOffset, Guid, object?> ValueOf(Manifest manifest, TableColumn column, string source)
    {
        var customers = manifest.Customers;
        return column.Name switch
        {
            "id" => (_, now, _) => Id(column, Guid.CreateVersion7(now)),
            "seller_id" => (_, _, _) => Id(column, manifest.SellerId),
            "product_id" => (_, _, _) => Id(column, manifest.ProductId),
            "agreement_id" => (k, _, _) => Id(column, customers[k.Customer].AgreementId),
            "buyer_id" => (k, _, _) => Id(column, customers[k.Customer].BuyerId),
            "customer_identifier" => (k, _, _) => customers[k.Customer].CustomerIdentifier,
            "dimension" => (k, _, _) => manifest.Dimensions[k.Dimension],
            "quantity" => (k, _, _) => k.Quantity,
            "timestamp" or "hour" => (k, _, _) => Instant(column, k.Hour),
            "received_at" or "created_at" or "recorded_at" => (_, now, _) => Instant(column, now),
            "source" => (_, _, _) => IsText(column) ? source : (object)(source == "Rest" ? 0 : 1),
            "submission_id" => (_, _, submission) => Id(column, submission),
            "actor" => (_, _, _) => "bench",
            _ when column.Nullable => (_, _, _) => null,
            _ when column.Name.Contains("allocation", StringComparison.Ordinal) => (_, _, _) => "[]",
            _ => throw new InvalidOperationException(
                $"{Sql.Table}.{column.Name} ({column.Type}, not null) has no value in the baseline; add it to {nameof(RowShape)}."),
        };
    }

    private static bool IsText(TableColumn column) => column.Type is "text" or "character varying" or "character" || column.Type.StartsWith("varchar", StringComparison.Ordinal);

    private static object Id(TableColumn column, Guid id) =>
        column.Type == "uuid" ? id : id.ToString("D", CultureInfo.InvariantCulture).ToUpperInvariant();

    private static object Instant(TableColumn column, DateTimeOffset instant) => column.Type switch
    {
        "integer" or "bigint" => instant.UtcTicks,
        "text" => instant.ToString("O", CultureInfo.InvariantCulture),
        _ => instant.UtcDateTime,
    };
}
