using System.Buffers;
using System.Text;
using System.Text.Json;
using Tradewind.Contracts.Metering;

namespace Tradewind.Metering.Usage;

/// <summary>
/// The stored form of a record's allocations: compact JSON <c>[{"q":12,"t":[["team","a"]]}]</c> in the order sent.
/// Written by hand so equal allocations always give equal text: the replay check compares the text.
/// </summary>
internal static class AllocationsJson
{
    public static string? Write(IReadOnlyList<UsageAllocation>? allocations)
    {
        if (allocations is null)
        {
            return null;
        }

        var buffer = new ArrayBufferWriter<byte>(64 * allocations.Count);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartArray();
            foreach (var allocation in allocations)
            {
                writer.WriteStartObject();
                writer.WriteNumber("q", allocation.Quantity);
                writer.WriteStartArray("t");
                foreach (var tag in allocation.Tags)
                {
                    writer.WriteStartArray();
                    writer.WriteStringValue(tag.Key);
                    writer.WriteStringValue(tag.Value);
                    writer.WriteEndArray();
                }

                writer.WriteEndArray();
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    public static IReadOnlyList<UsageAllocation> Read(string? json)
    {
        if (string.IsNullOrEmpty(json))
        {
            return [];
        }

        using var document = JsonDocument.Parse(json);
        var result = new List<UsageAllocation>();
        foreach (var item in document.RootElement.EnumerateArray())
        {
            var tags = item.GetProperty("t").EnumerateArray()
                .Select(t => new UsageTag(t[0].GetString() ?? "", t[1].GetString() ?? ""))
                .ToList();
            result.Add(new UsageAllocation(item.GetProperty("q").GetInt64(), tags));
        }

        return result;
    }
}
