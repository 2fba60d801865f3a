using System.Globalization;
using System.Reflection;
using System.Text;
using CsvHelper;

namespace Tradewind.Web.Api;

/// <summary>
/// CSV downloads of the analytics reports: one row per record, a header of its property names, values formatted in
/// the invariant culture (dot decimals, ISO dates), RFC 4180 quoting. The API (<c>?format=csv</c>) and the portal
/// pages share it.
/// </summary>
internal static class AnalyticsCsv
{
    public static byte[] Write<T>(IEnumerable<T> rows)
    {
        var properties = typeof(T).GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.GetIndexParameters().Length == 0).ToArray();
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        using (var csv = CsvWriter.Create(text, new CsvWriterOptions(), leaveOpen: true))
        {
            csv.WriteHeader(properties.Select(p => p.Name).ToArray());
            foreach (var row in rows)
            {
                csv.WriteRecord(properties.Select(p => Format(p.GetValue(row))).ToArray());
            }
        }

        return new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(text.ToString());
    }

    public static IResult File<T>(IEnumerable<T> rows, string fileName) =>
        TypedResults.File(Write(rows), "text/csv; charset=utf-8", fileName);

    private static string Format(object? value) => value switch
    {
        null => "",
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTimeOffset t => t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
