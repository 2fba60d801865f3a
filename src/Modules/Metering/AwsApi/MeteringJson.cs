using System.Text.Json.Serialization;
using Tradewind.Contracts.AwsApi;

namespace Tradewind.Metering.AwsApi;

// The AWS Marketplace Metering Service's shapes (API version 2016-01-14), with the model's member names (PascalCase).
// Request members are nullable so a missing member is told apart from a zero; the operations check the model's constraints.

internal sealed record UsageRecordShape(
    DateTimeOffset? Timestamp,
    string? CustomerIdentifier,
    string? Dimension,
    long? Quantity,
    IReadOnlyList<UsageAllocationShape>? UsageAllocations,
    [property: JsonPropertyName("CustomerAWSAccountId")] string? CustomerAwsAccountId,
    string? LicenseArn);

internal sealed record UsageAllocationShape(long? AllocatedUsageQuantity, IReadOnlyList<TagShape>? Tags);

internal sealed record TagShape(string? Key, string? Value);

internal sealed record BatchMeterUsageRequest(IReadOnlyList<UsageRecordShape>? UsageRecords, string? ProductCode);

internal sealed record UsageRecordResultShape(UsageRecordShape UsageRecord, string? MeteringRecordId, string Status);

internal sealed record BatchMeterUsageResponse(IReadOnlyList<UsageRecordResultShape> Results, IReadOnlyList<UsageRecordShape> UnprocessedRecords);

internal sealed record MeterUsageRequest(
    string? ProductCode,
    DateTimeOffset? Timestamp,
    string? UsageDimension,
    long? UsageQuantity,
    bool? DryRun,
    IReadOnlyList<UsageAllocationShape>? UsageAllocations,
    string? ClientToken);

internal sealed record MeterUsageResponse(string MeteringRecordId);

internal sealed record ResolveCustomerRequest(string? RegistrationToken);

internal sealed record ResolveCustomerResponse(string CustomerIdentifier, string ProductCode);

internal sealed record RegisterUsageRequest(string? ProductCode, long? PublicKeyVersion, string? Nonce);

internal sealed record RegisterUsageResponse(DateTimeOffset PublicKeyRotationTimestamp, string Signature);

[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull, Converters = [typeof(EpochSecondsConverter)])]
[JsonSerializable(typeof(BatchMeterUsageRequest))]
[JsonSerializable(typeof(BatchMeterUsageResponse))]
[JsonSerializable(typeof(MeterUsageRequest))]
[JsonSerializable(typeof(MeterUsageResponse))]
[JsonSerializable(typeof(ResolveCustomerRequest))]
[JsonSerializable(typeof(ResolveCustomerResponse))]
[JsonSerializable(typeof(RegisterUsageRequest))]
[JsonSerializable(typeof(RegisterUsageResponse))]
internal sealed partial class MeteringJson : JsonSerializerContext;
