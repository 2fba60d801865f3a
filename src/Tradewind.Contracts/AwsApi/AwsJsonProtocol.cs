namespace Tradewind.Contracts.AwsApi;

/// <summary>
/// The two AWS JSON-RPC protocols the AWS-compatible API speaks on <c>POST /</c>. Metering and Entitlement use
/// <c>awsJson1_1</c>, Agreement uses <c>awsJson1_0</c>; they differ in the content type and in how error
/// <c>__type</c> values are written.
/// </summary>
public enum AwsJsonProtocol
{
    /// <summary><c>application/x-amz-json-1.0</c>.</summary>
    Json10,

    /// <summary><c>application/x-amz-json-1.1</c>.</summary>
    Json11,
}

public static class AwsJsonProtocols
{
    public const string Json10ContentType = "application/x-amz-json-1.0";
    public const string Json11ContentType = "application/x-amz-json-1.1";

    public static string ContentType(this AwsJsonProtocol protocol) => protocol == AwsJsonProtocol.Json10 ? Json10ContentType : Json11ContentType;
}
