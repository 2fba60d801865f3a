using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Tradewind.Primitives.Ids;

namespace Tradewind.Contracts.AwsApi;

/// <summary>
/// Who signed an AWS-compatible request: always a seller, through one of its AWS access keys.
/// <see cref="BoundCustomerIdentifier"/> is set when the key is bound to one customer (software the seller runs for that
/// customer, which calls <c>MeterUsage</c> and <c>RegisterUsage</c> as AWS's buyer-side calls do).
/// </summary>
public sealed record AwsCaller(OrganisationId SellerId, string SellerName, AwsAccessKeyId KeyId, string AccessKeyId, string RequestId, string? BoundCustomerIdentifier = null)
{
    /// <summary>How the audit trail names the caller.</summary>
    public string Actor => $"aws-access-key:{AccessKeyId}";
}

/// <summary>
/// One operation of the AWS-compatible API, found by its <c>X-Amz-Target</c> (e.g.
/// <c>AWSMPMeteringService.MeterUsage</c>). Modules register implementations as
/// <c>services.AddScoped&lt;IAwsOperation, …&gt;()</c>; the web host verifies the signature and dispatches.
/// Derive from <see cref="AwsOperation{TRequest,TResponse}"/> rather than implementing this directly.
/// </summary>
public interface IAwsOperation
{
    /// <summary>The full <c>X-Amz-Target</c> value, e.g. <c>AWSMPEntitlementService.GetEntitlements</c>.</summary>
    string Target { get; }

    AwsJsonProtocol Protocol { get; }

    /// <summary>Reads the request body, runs the operation and returns the UTF-8 JSON response body.</summary>
    /// <exception cref="AwsServiceException">A modeled or protocol error, answered in AWS's shape.</exception>
    Task<byte[]> InvokeAsync(AwsCaller caller, ReadOnlyMemory<byte> body, CancellationToken cancellationToken);
}

/// <summary>
/// An operation with typed request and response, (de)serialized through System.Text.Json source-generated metadata
/// whose member names are AWS's (PascalCase for Metering and Entitlement, camelCase for Agreement) and whose
/// timestamps use <see cref="EpochSecondsConverter"/>. An empty body reads as <c>{}</c>, as the SDKs send for an
/// operation without input.
/// </summary>
public abstract class AwsOperation<TRequest, TResponse> : IAwsOperation
    where TRequest : class
    where TResponse : class
{
    public abstract string Target { get; }

    public abstract AwsJsonProtocol Protocol { get; }

    protected abstract JsonTypeInfo<TRequest> RequestType { get; }

    protected abstract JsonTypeInfo<TResponse> ResponseType { get; }

    public async Task<byte[]> InvokeAsync(AwsCaller caller, ReadOnlyMemory<byte> body, CancellationToken cancellationToken)
    {
        TRequest? request;
        try
        {
            request = body.IsEmpty ? JsonSerializer.Deserialize("{}"u8, RequestType) : JsonSerializer.Deserialize(body.Span, RequestType);
        }
        catch (JsonException exception)
        {
            throw AwsServiceException.Serialization($"The request body could not be read: {exception.Message}");
        }

        if (request is null)
        {
            throw AwsServiceException.Serialization("The request body must be a JSON object.");
        }

        var response = await HandleAsync(caller, request, cancellationToken);
        return JsonSerializer.SerializeToUtf8Bytes(response, ResponseType);
    }

    protected abstract Task<TResponse> HandleAsync(AwsCaller caller, TRequest request, CancellationToken cancellationToken);
}
