using System.Globalization;
using System.Text;

namespace Tradewind.Primitives.Geography.Data;

/// <summary>
/// Reads one of the CSV files embedded under <c>Geography/Data</c>. The files are RFC 4180:
/// comma separated, a header row first, fields optionally in double quotes with <c>""</c> for a
/// literal quote. Fields never span lines in our data, so a record is one line.
/// </summary>
internal static class EmbeddedCsv
{
    private const string ResourcePrefix = "Tradewind.Primitives.Geography.Data.";

    /// <summary>Returns the data rows (header skipped) of the named embedded file.</summary>
    public static IReadOnlyList<string[]> ReadRows(string fileName)
    {
        var assembly = typeof(EmbeddedCsv).Assembly;
        using var stream = assembly.GetManifestResourceStream(ResourcePrefix + fileName)
            ?? throw new InvalidOperationException($"Embedded resource '{ResourcePrefix}{fileName}' is missing from {assembly.GetName().Name}.");
        using var reader = new StreamReader(stream, Encoding.UTF8);

        var rows = new List<string[]>();
        var header = reader.ReadLine()
            ?? throw new InvalidOperationException($"Embedded resource '{fileName}' is empty.");
        var columns = ParseLine(header).Length;
        string? line;
        var lineNumber = 1;
        while ((line = reader.ReadLine()) is not null)
        {
            lineNumber++;
            if (line.Length == 0)
            {
                continue;
            }

            var fields = ParseLine(line);
            if (fields.Length != columns)
            {
                throw new InvalidOperationException(
                    $"{fileName} line {lineNumber.ToString(CultureInfo.InvariantCulture)} has {fields.Length.ToString(CultureInfo.InvariantCulture)} fields, expected {columns.ToString(CultureInfo.InvariantCulture)}.");
            }

            rows.Add(fields);
        }

        return rows;
    }

    internal static string[] ParseLine(string line)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var inQuotes = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (inQuotes)
            {
                if (c == '"')
                {
                    if (i + 1 < line.Length && line[i + 1] == '"')
                    {
                        field.Append('"');
                        i++;
                    }
                    else
                    {
                        inQuotes = false;
                    }
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                inQuotes = true;
            }
            else if (c == ',')
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else
            {
                field.Append(c);
            }
        }

        fields.Add(field.ToString());
        return [.. fields];
    }
}
