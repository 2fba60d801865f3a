using System.Text.Json;
using System.Text.Json.Serialization;
using Tradewind.Contracts.Metering;
using Tradewind.Primitives.Ids;

namespace Tradewind.Metering.Submissions;

/// <summary>The sample of records kept with a logged submission, stored as JSON.</summary>
internal static class SubmissionSamples
{
    /// <summary>Every duplicate or rejected record is kept, up to this many.</summary>
    public const int OtherSamples = 25;

    /// <summary>The first accepted records kept.</summary>
    public const int AcceptedSamples = 5;

    public static string Write(IReadOnlyList<SubmissionSampleJson> samples) =>
        JsonSerializer.Serialize(samples, SubmissionSamplesJsonContext.Default.IReadOnlyListSubmissionSampleJson);

    public static IReadOnlyList<UsageSubmissionSample> Read(string json) =>
        (JsonSerializer.Deserialize(json, SubmissionSamplesJsonContext.Default.IReadOnlyListSubmissionSampleJson) ?? [])
        .Select(s => new UsageSubmissionSample(
            s.Index, s.Customer, s.Dimension, s.Quantity, s.Timestamp, s.Status, s.Code, s.Message, s.RecordId is { } id ? new UsageRecordId(id) : null))
        .ToList();
}

internal sealed record SubmissionSampleJson(
    int Index, string? Customer, string Dimension, long Quantity, DateTimeOffset Timestamp, UsageOutcomeStatus Status, string? Code, string? Message, Guid? RecordId);

[JsonSourceGenerationOptions(UseStringEnumConverter = true, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(IReadOnlyList<SubmissionSampleJson>))]
internal sealed partial class SubmissionSamplesJsonContext : JsonSerializerContext;
