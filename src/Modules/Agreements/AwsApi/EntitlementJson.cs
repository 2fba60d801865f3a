using System.Text.Json.Serialization;
using Tradewind.Contracts.AwsApi;

namespace Tradewind.Agreements.AwsApi;

/// <summary><c>GetEntitlements</c> input, as the Entitlement model names it (PascalCase).</summary>
internal sealed record GetEntitlementsRequest(string? ProductCode, Dictionary<string, List<string>>? Filter, string? NextToken, int? MaxResults);

internal sealed record GetEntitlementsResponse(IReadOnlyList<EntitlementView> Entitlements, string? NextToken);

/// <summary>One entitlement. <c>CustomerAWSAccountId</c> is never set: Tradewind identifies customers by <c>CustomerIdentifier</c>.</summary>
internal sealed record EntitlementView(string ProductCode, string Dimension, string CustomerIdentifier, EntitlementValueView Value, DateTimeOffset? ExpirationDate);

/// <summary>Exactly one member is set: <c>IntegerValue</c> for a whole quantity, <c>DoubleValue</c> for a fractional one, <c>BooleanValue: true</c> for unlimited use.</summary>
internal sealed record EntitlementValueView(long? IntegerValue = null, double? DoubleValue = null, bool? BooleanValue = null, string? StringValue = null);

[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull, Converters = [typeof(EpochSecondsConverter)])]
[JsonSerializable(typeof(GetEntitlementsRequest))]
[JsonSerializable(typeof(GetEntitlementsResponse))]
internal sealed partial class EntitlementJson : JsonSerializerContext;
